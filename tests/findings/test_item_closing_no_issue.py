"""A finding the reviewer closes itself with "**No issue.**" / "No issue here." / "Not an issue."
(a free-form review's `### Finding 1: Title` + `**File:** …` + text that checks a suspicion and
finds it holds up) is a spot the seat checked, not a finding: it was counted as important.

The words must be the item's whole last sentence: "No issue with the tests, but the loop drops
the last row" or a fault told before them keeps the finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_CHECKED = (
    "### Finding 1: Budget may never refill\n**File:** `jobs/budget.py:40`\n\n"
    "The refill runs in `tick()`, which the scheduler calls every minute, so the budget is "
    "refilled after all. {closing}\n\n"
)
_REAL = (
    "### Finding 2: Wrong error on an empty queue\n**File:** `jobs/queue.py:77`\n\n"
    "`pop()` raises `IndexError` where callers catch `QueueEmpty`, so workers crash.\n"
)


@pytest.mark.parametrize(
    "closing",
    [
        "**No issue.**",
        "No issue here.",
        "**Not an issue.**",
        "No problem here.",
        "**No issue — both are correct and intentional.**",
    ],
)
def test_an_item_closed_with_no_issue_is_no_finding(closing: str) -> None:
    text = "## Findings\n\n" + _CHECKED.format(closing=closing) + _REAL
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [
        ("I1", "Wrong error on an empty queue")
    ], review.findings


@pytest.mark.parametrize(
    "closing",
    [
        # the fault comes first: the closing words do not take it back
        "But the first refill drops the tokens left over. **No issue.**",
        "No issue with the tests, but the first refill drops the leftover tokens.",
    ],
)
def test_a_fault_beside_no_issue_keeps_the_finding(closing: str) -> None:
    text = "## Findings\n\n" + _CHECKED.format(closing=closing) + _REAL
    review = parse_review(text, seat="alpha")
    assert len(review.findings) == 2, review.findings


def test_the_verdict_counts_only_the_real_one(tmp_path: Path) -> None:
    text = "## Findings\n\n" + _CHECKED.format(closing="**No issue.**") + _REAL
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
    assert "I1 needs attention" in verdict["reason"], verdict
