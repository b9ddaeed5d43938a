"""A PR of more files than GitHub's compare lists (300), published where the review's clone
lacks the PR's commits, through the real `deep-review review` then `deep-review publish`:
a finding on a file past the 300th is still placed inline (GitHub's own list of the PR's files
goes to 3,000); past the 3,000th it cannot be, and the publication says so and how to get every
file; a clone that lost the commits fetches the PR's head again and reads the diff itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from support.fake_github import FakeGitHub
from support.repos import CliResult, clone_with_pr, commit_all, git, run_cli, write

pytestmark = pytest.mark.slow  # a real review of hundreds of files, then a publish

REPO, NUMBER = "acme/wide", 9
PATCH = "@@ -0,0 +1 @@\n+value = 1"


def _name(i: int) -> str:
    return f"pkg/f{i:04d}.py"


def _review_text(path: str) -> str:
    return f"""## Executive Summary

One constant to name.

## Findings

### Critical Issues

None.

### Important Issues

I1. **A bare constant** — `{path}:1` (important, enhancement)

```python
value = 1
```

The value wants a name.

### Suggestions

None.
"""


def _setup(tmp: Path, gh: FakeGitHub, count: int) -> tuple[Fakes, Path, dict[str, str]]:
    """PR #9 adds `count` one-line files; its one finding is on the last of them."""
    upstream = tmp / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    write(upstream, "README.md", "wide\n")
    base = commit_all(upstream, "Initial commit")
    git(upstream, "checkout", "-q", "-b", "feature")
    for i in range(count):
        write(upstream, _name(i), "value = 1\n")
    head = commit_all(upstream, "Many files")
    git(upstream, "checkout", "-q", "main")
    clone, _ = clone_with_pr(tmp, upstream, NUMBER, "feature", drop_branch=True)
    files = [{"filename": _name(i), "status": "added", "patch": PATCH} for i in range(count)]
    gh.add_pull(REPO, NUMBER, base_sha=base, head_sha=head, files=files)
    fakes = Fakes(tmp)
    review_file = tmp / "review.md"
    review_file.write_text(_review_text(_name(count - 1)), encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    env = fakes.env({"GH_REPO": REPO, **gh.env()})
    env.pop("GH_TOKEN", None)
    return fakes, clone, env


def _review_then_publish(
    tmp: Path, gh: FakeGitHub, count: int, *, lose: str, push: bool = False
) -> CliResult:
    """`lose`: "clone" moves the clone away (the store published on another machine),
    "commits" leaves it without the PR's commits. `push`: the PR moves on after the review."""
    fakes, clone, env = _setup(tmp, gh, count)
    res = fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    target = run_json(Path(res.json()["review_dir"]))["target"]
    assert len(target["changed_files"]) == count  # the review reads them all from git
    rid = res.json()["review_id"]
    if push:
        gh.push(REPO, NUMBER, "c" * 40, gh.pull(REPO, NUMBER).files)
    cwd = clone
    if lose == "clone":
        cwd = tmp / "elsewhere"
        cwd.mkdir()
        clone.rename(tmp / "moved-away")
    else:
        git(clone, "update-ref", "-d", f"refs/deep-review/pull/{NUMBER}")
        git(clone, "reflog", "expire", "--expire=now", "--all")
        git(clone, "gc", "-q", "--prune=now")
        assert (
            git(clone, "cat-file", "-t", gh.pull(REPO, NUMBER).data["head"]["sha"], check=False)
            != "commit"
        )
    return run_cli(["publish", rid, "--inline"], cwd=cwd, env=env)


def _placed(gh: FakeGitHub) -> list[tuple[str, int]]:
    return sorted((c["path"], c["line"]) for c in gh.pull(REPO, NUMBER).review_comments)


def test_a_finding_past_the_300th_file_is_placed_inline(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        res = _review_then_publish(tmp_path, gh, 301, lose="clone")
        assert res.returncode == 0, res.stderr
        assert _placed(gh) == [(_name(300), 1)], res.stderr
        assert gh.requests_to("GET", f"/repos/{REPO}/pulls/{NUMBER}/files")
        # the PR document: once for the review, once for the publication (open? head now?)
        path = f"/repos/{REPO}/pulls/{NUMBER}"
        assert len([r for r in gh.requests if r.method == "GET" and r.path == path]) == 2


def test_past_the_3000th_file_the_publication_says_what_to_do(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        res = _review_then_publish(tmp_path, gh, 3001, lose="clone")
        assert res.returncode == 0, res.stderr
        assert _placed(gh) == [], res.stderr
        said = " ".join(res.stderr.split())
        assert "GitHub lists only the first 3000 files of this PR" in said, res.stderr
        assert f"git fetch origin pull/{NUMBER}/head" in said, res.stderr


def test_a_pr_moved_on_past_300_files_says_the_compare_stopped(tmp_path: Path) -> None:
    """The PR's own list is of its head now, not of the reviewed commit: not used."""
    with FakeGitHub() as gh:
        res = _review_then_publish(tmp_path, gh, 301, lose="clone", push=True)
        assert res.returncode == 0, res.stderr
        assert _placed(gh) == [], res.stderr
        said = " ".join(res.stderr.split())
        assert "GitHub's compare lists only the first 300 files of the reviewed commit" in said
        assert f"git fetch origin pull/{NUMBER}/head" in said, res.stderr
        assert gh.requests_to("GET", f"/repos/{REPO}/pulls/{NUMBER}/files") == []


def test_a_clone_without_the_commits_fetches_them(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        res = _review_then_publish(tmp_path, gh, 301, lose="commits")
        assert res.returncode == 0, res.stderr
        assert _placed(gh) == [(_name(300), 1)], res.stderr
        assert gh.requests_to("GET", f"/repos/{REPO}/compare/") == []
