"""A finding too long for the summary comment's Details is cut there, and the comment says so
and where the whole finding is — as an inline comment cut to fit does — never a silent cut in
the middle of its argument."""

from __future__ import annotations

from pathlib import Path

from publish.scenario import NUMBER, REPO, review, setup
from support.fake_github import FakeGitHub

LONG = "\n\n".join(
    f"Paragraph {n}: the call at line 10 swallows the error; step {n} of the argument."
    for n in range(1, 120)
)
REVIEW = f"""## Executive Summary

One risky call.

## Findings

### Critical Issues

None.

### Important Issues

I1. **compute() fails** — `calc.py:10` (important, regression)

{LONG}

LAST SENTENCE: so every caller loses the error.

### Suggestions

None.
"""


def test_a_long_finding_cut_in_the_summary_says_so(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, review=REVIEW)
        res = review(fakes, clone, env, "--post", "--json")
        assert res.returncode == 0, res.stderr
        rid = res.json()["review_id"]
        (summary,) = gh.pull(REPO, NUMBER).issue_comments
        body = summary["body"]
        assert len(body) < 20_000  # far under GitHub's limit: only the entry is cut
        assert "LAST SENTENCE" not in body
        assert f"the whole finding is in `deep-review show {rid}`" in body


def test_a_finding_that_fits_is_whole(tmp_path: Path) -> None:
    short = REVIEW.replace(LONG, "The call hides failures.")
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh, review=short)
        assert review(fakes, clone, env, "--post").returncode == 0
        (summary,) = gh.pull(REPO, NUMBER).issue_comments
        assert "LAST SENTENCE: so every caller loses the error." in summary["body"]
        assert "whole finding is in" not in summary["body"]
