"""Findings written as sub-headings that carry their place, under a plain `## Findings`
heading and with no level: `### Title (`a.py:58`)` + a paragraph, or with `**Problem:**` /
`**Impact:**` paragraphs.

They were findings text that could not be read (the verdict Unverified). Like `1. **Title** —
`a.py:3`` items in such a section they are findings now, taken as important (unrated). A
sub-heading with no place of its own was kept unread here too; one whose text names a place with
a line and a problem is a finding now (`test_heading_findings_placed_in_text.py`), one whose text
names no place stays unread.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Summary\n\nThe job queue gains a retry budget. Two problems.\n\n## Findings\n\n"
    "### Budget is never refilled (`jobs/budget.py:31`)\n\n"
    "Each failure takes a token and nothing puts one back, so no job retries after a bad hour.\n\n"
    "### Wrong error raised on an empty queue (`jobs/queue.py:77`)\n\n"
    "**Problem:** `pop()` raises `IndexError`.\n\n"
    "**Impact:** workers catching `QueueEmpty` crash.\n\n"
    "## Verdict\n\nRequest changes.\n"
)


def test_each_placed_heading_is_a_finding() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    got = [(f.id, f.title, [(loc.path, loc.start) for loc in f.locations]) for f in review.findings]
    assert got == [
        ("I1", "Budget is never refilled", [("jobs/budget.py", 31)]),
        ("I2", "Wrong error raised on an empty queue", [("jobs/queue.py", 77)]),
    ]
    assert list(review.unrated) == ["I1", "I2"]


def test_a_heading_with_its_place_only_in_its_text_is_a_finding_there() -> None:
    text = (
        "## Findings\n\n### Budget is never refilled\n\n"
        "Each failure takes a token (`jobs/budget.py:31`) and nothing puts one back.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.title, f.locations[0].start) for f in review.findings] == [
        ("Budget is never refilled", 31)
    ]


def test_a_heading_whose_text_names_no_place_stays_unread() -> None:
    text = (
        "## Findings\n\n### Budget is never refilled\n\n"
        "Each failure takes a token and nothing puts one back.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings and review.unread_findings


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
