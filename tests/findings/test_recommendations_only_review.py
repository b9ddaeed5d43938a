"""A review told only as `## Recommendations`, each item asking for a change at a place with a
line (`1. Cap the retries in `net/fetch.py:40` — the loop never gives up.`): each item is a
suggestion at that place (one with its own level, `**Important:** …`, at that level), titled
by its first clause. Before, the seat failed as an unparseable review. A Recommendations
section that recommends nothing, or only general advice with no place, stays clean.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_ADVICE = (
    "## Recommendations\n\n"
    "1. Cap the retries in `net/fetch.py:40` — the loop never gives up on a dead host.\n"
    "2. Log the status code at `net/fetch.py:52`.\n"
)


def test_each_placed_recommendation_is_a_suggestion() -> None:
    review = parse_review(_ADVICE, seat="alpha")
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("S1", "Cap the retries in `net/fetch.py:40`", "net/fetch.py:40"),
        ("S2", "Log the status code at `net/fetch.py:52`", "net/fetch.py:52"),
    ]
    assert "never gives up" in review.findings[0].body


def test_an_item_with_its_own_level_keeps_it() -> None:
    text = _ADVICE.replace("2. Log", "2. **Important:** log")
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.severity.value) for f in review.findings] == [
        ("S1", "suggestion"),
        ("I1", "important"),
    ]


def test_the_report_lists_the_suggestions(tmp_path: Path) -> None:
    res, _out, report = review_printed(tmp_path, {"alpha": _ADVICE})
    assert report, res.stderr[-2000:]
    assert sorted(f["severity"] for f in report["findings"]) == ["suggestion", "suggestion"]


def test_recommending_nothing_stays_clean(tmp_path: Path) -> None:
    text = (
        "## Recommendations\n\n"
        "1. Consider a test for list input in a later change.\n\n"
        "The change looks good to me.\n"
    )
    _res, _out, report = review_printed(tmp_path, {"alpha": text})
    assert report["findings"] == []
    assert report["header"]["verdict"]["label"] == "Merge as-is", report["header"]["verdict"]
