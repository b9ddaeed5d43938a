"""`publish --inline` on another machine (the store artifact, no clone at hand): a finding off
the diff is re-anchored on its quoted code, read through GitHub's contents API, in a file whose
name has a space, non-ASCII letters, `#` or `?` — the path is percent-encoded, so GitHub is
asked for that very file and the command never dies of a malformed URL."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.fake_github import FakeGitHub
from support.repos import clone_with_pr, commit_all, git, run_cli, write

REPO = "acme/demo"
NUMBER = 7
NAMES = ("dir ü/my calc.py", "odd#name?.py")
BASE = [f"v{i} = {i}" for i in range(1, 21)]
HEAD = [*BASE[:9], "v10 = compute(10)", *BASE[10:]]  # line 10 changed


def _finding(n: int, path: str) -> str:
    # Line 40 is past the diff: the quoted line puts it back on line 10.
    return (
        f"I{n}. **compute() is undefined** — `{path}:40` (important, regression)\n\n"
        "```python\nv10 = compute(10)\n```\n\n`compute` is not defined.\n"
    )


REVIEW = (
    "## Executive Summary\n\nOne risky call, twice.\n\n## Findings\n\n### Critical Issues\n\n"
    "None.\n\n### Important Issues\n\n"
    + "\n".join(_finding(n, p) for n, p in enumerate(NAMES, start=1))
    + "\n### Suggestions\n\nNone.\n"
)


def test_inline_comments_in_odd_file_names_without_the_clone(tmp_path: Path) -> None:
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    for name in NAMES:
        write(upstream, name, "\n".join(BASE) + "\n")
    base = commit_all(upstream, "Initial commit")
    git(upstream, "checkout", "-q", "-b", "feature")
    for name in NAMES:
        write(upstream, name, "\n".join(HEAD) + "\n")
    head = commit_all(upstream, "Risky calls")
    git(upstream, "checkout", "-q", "main")
    clone, _ = clone_with_pr(tmp_path, upstream, NUMBER, "feature", drop_branch=True)
    with FakeGitHub() as gh:
        files = []
        for name in NAMES:
            diff = git(upstream, "diff", base, head, "--", name)
            patch = diff[diff.index("@@") :]
            files.append({"filename": name, "status": "modified", "patch": patch})
            gh.contents[(REPO, name, head)] = "\n".join(HEAD) + "\n"
        gh.add_pull(REPO, NUMBER, base_sha=base, head_sha=head, files=files)
        fakes = Fakes(tmp_path)
        review_file = tmp_path / "review.md"
        review_file.write_text(REVIEW, encoding="utf-8")
        fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
        env = fakes.env({"GH_REPO": REPO, **gh.env()})
        env.pop("GH_TOKEN", None)
        rid = fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", env=env).json()["review_id"]
        elsewhere = tmp_path / "elsewhere"  # e.g. the store artifact, published on another machine
        elsewhere.mkdir()
        clone.rename(tmp_path / "moved-away")
        res = run_cli(["publish", rid, "--inline"], cwd=elsewhere, env=env)
        assert res.returncode == 0, res.stderr
        placed = sorted((c["path"], c["line"]) for c in gh.pull(REPO, NUMBER).review_comments)
        assert placed == sorted((name, 10) for name in NAMES)
        asked = {r.path for r in gh.requests_to("GET", f"/repos/{REPO}/contents/")}
        assert asked == {
            f"/repos/{REPO}/contents/dir%20%C3%BC/my%20calc.py",
            f"/repos/{REPO}/contents/odd%23name%3F.py",
        }
