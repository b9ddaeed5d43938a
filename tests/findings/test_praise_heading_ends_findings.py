"""A praise sub-heading after heading findings under `## Issues` (`### What looks good`,
`### Positives`, `### Strengths`) ends the last finding: its bullets are the review's praise,
neither that finding's text nor findings. Before, `### What looks good` and its bullets were the
last finding's body. A sub-heading of the finding's own (`#### Suggested fix`) stays its text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_ISSUES = (
    "## Review\n\nI read the cache change.\n\n## Issues\n\n"
    "### 1. Stale entries are served\n\n"
    "`pkg/cache.py:14` — `get()` never checks the expiry time.\n\n"
    "### 2. Size counter is wrong\n\n"
    "`pkg/cache.py:30` — `put()` never updates the size counter, so it is wrong after an "
    "overwrite.\n\n"
    "### What looks good\n\n"
    "- The eviction order is easy to follow.\n"
    "- The new tests cover a full cache.\n"
)


@pytest.mark.parametrize("title", ["What looks good", "Positives", "Strengths"])
def test_praise_ends_the_last_finding(title: str) -> None:
    review = parse_review(_ISSUES.replace("What looks good", title), seat="alpha")
    assert [f.title for f in review.findings] == [
        "Stale entries are served",
        "Size counter is wrong",
    ]
    assert "eviction order" not in review.findings[1].body
    assert not review.unread_findings


def test_a_sub_heading_of_the_finding_stays_its_text() -> None:
    text = _ISSUES.replace(
        "### What looks good\n\n- The eviction order", "#### Suggested fix\n\n- The eviction order"
    )
    review = parse_review(text, seat="alpha")
    assert "eviction order" in review.findings[1].body + review.findings[1].fix


def test_the_report_keeps_the_praise_out_of_the_finding(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _ISSUES})
    bodies = " ".join(f["body"] for f in report["findings"])
    assert len(report["findings"]) == 2, report["findings"]
    assert "eviction order" not in bodies, bodies
