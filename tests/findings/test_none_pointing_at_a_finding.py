"""`None — though I1 comes close.` / `None, but see I1.` under `### Critical Issues`: the "though"
only points at a finding the review raises elsewhere; it takes nothing back, and the section
says none (it was findings text that could not be read, the verdict Unverified). A "but" that
tells a problem of its own (`None, but the cache at `a.py:40` evicts live entries`) still does.
"""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review

_IMPORTANT = (
    "### Important Issues\n\n"
    "I1. **Budget is never refilled** — `jobs/budget.py:31`\n\nNo job retries after a bad hour.\n"
)


@pytest.mark.parametrize(
    "none", ["None — though I1 comes close.", "None, but see I1.", "None (although I1 is close)."]
)
def test_a_none_that_points_at_a_finding_is_none(none: str) -> None:
    text = f"### Critical Issues\n\n{none}\n\n{_IMPORTANT}"
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert [f.id for f in review.findings] == ["I1"]


def test_a_none_taken_back_by_a_problem_is_still_read() -> None:
    text = (
        "### Critical Issues\n\nNone, but I1 aside, the cache at `jobs/cache.py:40` evicts "
        f"live entries.\n\n{_IMPORTANT}"
    )
    review = parse_review(text, seat="alpha")
    assert review.unread_findings or len(review.findings) == 2
