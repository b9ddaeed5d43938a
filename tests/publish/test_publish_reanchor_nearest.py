"""Re-anchoring moves an inline comment only to the occurrence of the finding's quoted code
nearest its own line: a finding whose quoted line is right where it says (an unchanged line, off
the diff) is listed in the summary, never posted on another function's copy of that line that
happens to be on the diff, far away (README: "searched in the reviewed file near the stated
line")."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.fake_github import FakeGitHub
from support.repos import clone_with_pr, commit_all, git, write

REPO = "acme/demo"
NUMBER = 7


def _handlers(first_condition: str) -> str:
    """Forty functions ending alike: `f{i}` starts at line 5*i-4, its `return None` is 5*i-2."""
    return "\n".join(
        f"def f{i}(x):\n    if {first_condition if i == 1 else 'x'}:\n        return None\n"
        f"    return {i}\n"
        for i in range(1, 41)
    )


def _review(line: int, quoted: str) -> str:
    return f"""## Findings

### Important Issues

I1. **Hides a failure as None** — `handlers.py:{line}` (important, bug)

```python
{quoted}
```

Callers cannot tell an error from a missing value.
"""


def _publish(tmp: Path, gh: FakeGitHub, review: str) -> list[tuple[str, int]]:
    upstream = tmp / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    write(upstream, "handlers.py", _handlers("x"))
    base = commit_all(upstream, "Handlers")
    git(upstream, "checkout", "-q", "-b", "feature")
    write(upstream, "handlers.py", _handlers("x or x == 0"))  # line 2 of f1
    head = commit_all(upstream, "Zero counts too")
    git(upstream, "checkout", "-q", "main")
    clone, _ = clone_with_pr(tmp, upstream, NUMBER, "feature", drop_branch=True)
    diff = git(upstream, "diff", base, head, "--", "handlers.py")
    files = [{"filename": "handlers.py", "status": "modified", "patch": diff[diff.index("@@") :]}]
    gh.add_pull(REPO, NUMBER, base_sha=base, head_sha=head, head_ref="feature", files=files)
    fakes = Fakes(tmp)
    (tmp / "review.md").write_text(review, encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(tmp / "review.md"))})
    env = fakes.env({"GH_REPO": REPO, **gh.env()})
    env.pop("GH_TOKEN", None)
    res = fakes.review(
        clone, f"#{NUMBER}", "--agents", "alpha", "--post", "--inline", "--json", env=env
    )
    assert res.returncode == 0, res.stderr
    return sorted((c["path"], c["line"]) for c in gh.pull(REPO, NUMBER).review_comments)


def test_a_finding_whose_quote_is_at_its_own_line_stays_off_the_diff(tmp_path: Path) -> None:
    # f40's `return None` (line 198) is unchanged; f1's (line 3) is on the diff.
    with FakeGitHub() as gh:
        assert _publish(tmp_path, gh, _review(198, "        return None")) == []
        summary = gh.pull(REPO, NUMBER).issue_comments[0]["body"]
        assert "`handlers.py:198` · not on the diff" in summary


def test_a_finding_a_line_or_two_off_is_still_moved_to_its_quote(tmp_path: Path) -> None:
    # f1's condition is line 2 (changed); the reviewer said line 12, in f3, off the diff.
    with FakeGitHub() as gh:
        assert _publish(tmp_path, gh, _review(12, "    if x or x == 0:")) == [("handlers.py", 2)]
