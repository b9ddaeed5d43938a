"""Inline comments go on the lines GitHub's PR diff shows (three lines of context around each
change, hunks as GitHub cuts them), whatever the user's own git settings make `git diff` print:
`diff.context = 0` must not leave a finding on a context line out of the inline review, nor
`diff.context = 10` put one on a line GitHub refuses (each refusal sends the review again, in
halves)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub

# calc.py changes lines 10 and 25; GitHub's diff shows 7-13 and 22-28 (not 14-21).
REVIEW = """## Executive Summary

Three notes.

## Findings

### Critical Issues

None.

### Important Issues

I1. **compute() is undefined** — `calc.py:10` (important, regression)

`compute` is not defined for ten.

### Suggestions

S1. **Name v12** — `calc.py:12` (suggestion, enhancement)

Two lines below the change, on GitHub's diff.

S2. **Name v2** — `calc.py:2` (suggestion, enhancement)

Far from any change: not on GitHub's diff.

S3. **Name v17** — `calc.py:17` (suggestion, enhancement)

Between the two changes, in neither of GitHub's hunks.
"""


@pytest.mark.parametrize(
    "settings",
    ["context = 0", "context = 10", "interHunkContext = 20"],
)
def test_inline_lines_do_not_follow_the_users_diff_settings(tmp_path: Path, settings: str) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, review=REVIEW)
        gitconfig = tmp_path / "gitconfig"
        gitconfig.write_text(f"[diff]\n\t{settings}\n")
        env["GIT_CONFIG_GLOBAL"] = str(gitconfig)
        res = review(fakes, clone, env, "--post", "--inline", "--json")
        assert res.returncode == 0, res.stderr
        assert len(res.json()["publish"]["unanchored"]) == 2  # v2 and v17: off GitHub's diff
        placed = sorted((c["path"], c["line"]) for c in gh.pull(REPO, NUMBER).review_comments)
        assert placed == [("calc.py", 10), ("calc.py", 12)]
        assert len(gh.requests_to("POST", f"/repos/{REPO}/pulls/{NUMBER}/reviews")) == 1
