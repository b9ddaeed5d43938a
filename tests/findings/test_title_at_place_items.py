"""Numbered items under a findings section with no level that name their place inside a short
title (`1. Crash on an empty cache at `pkg/cache.py:14`: …`): each is a finding
(no level: important, unrated), titled by the words before the place, the text after the colon
its body. Before, the list was findings text that could not be read (the verdict Unverified).
A list of such items that names no problem, in an ordinary section, stays prose.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_AT = (
    "## Findings\n\n"
    "1. Crash on an empty cache at `pkg/cache.py:14`: `evict()` raises `KeyError`.\n"
    "2. Lost header at `pkg/export.py:31`: the writer drops the first row.\n"
)


def test_each_item_is_a_finding_titled_before_its_place() -> None:
    review = parse_review(_AT, seat="alpha")
    assert not review.unread_findings
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("I1", "Crash on an empty cache", "pkg/cache.py:14"),
        ("I2", "Lost header", "pkg/export.py:31"),
    ]
    assert "raises `KeyError`" in review.findings[0].body


def test_descriptive_items_in_an_ordinary_section_stay_prose() -> None:
    text = (
        "## Changes\n\n"
        "1. New helper at `pkg/cache.py:14`: it copies the mapping before storing it.\n"
        "2. Renamed argument at `pkg/export.py:31`: `rows` instead of `r`.\n\n"
        "No issues found.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings and not review.unread_findings


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _AT})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
