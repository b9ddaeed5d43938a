"""A kind lead with its level in parentheses (`**Bug (high):** `a.py:2` — …`) beside a kind
lead with none (`**Performance:** `a.py:9` — …`), in a review with no findings section: two
findings, the first at its level (high: critical), the second important and unrated, each with
its kind as classification. Before, the second was the first's text (lost). A kind lead that
says all is well (`**Performance:** Fine for …`) stays no finding.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_LEADS = (
    "## Review\n\n"
    "**Bug (high):** `sync/queue.py:31` — `pop()` raises `IndexError` on an empty queue.\n\n"
    "**Performance:** `sync/queue.py:58` — `drain()` sorts the whole queue on every call.\n"
)


def test_both_leads_are_findings() -> None:
    review = parse_review(_LEADS, seat="alpha")
    assert [(f.id, f.classification, str(f.locations[0])) for f in review.findings] == [
        ("C1", "bug", "sync/queue.py:31"),
        ("I1", "performance", "sync/queue.py:58"),
    ]


def test_a_lead_saying_all_is_well_stays_prose() -> None:
    text = _LEADS.replace(
        "`sync/queue.py:58` — `drain()` sorts the whole queue on every call.",
        "Fine for the queue sizes involved.",
    )
    review = parse_review(text, seat="alpha")
    assert [f.id for f in review.findings] == ["C1"]


def test_the_report_has_both(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _LEADS})
    assert sorted(f["severity"] for f in report["findings"]) == ["critical", "important"]
