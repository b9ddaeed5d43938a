"""Findings written as paragraphs led by their place, with no list mark, under a findings
section with no level: `Line 14 of pkg/cache.py: … raises …` (the place in words) or
``pkg/cache.py:14`: …``. Each that names a problem is a finding (important, unrated), as the
same lines written as list items are; before, the section was findings text that could not be
read (the verdict Unverified). Paragraphs that only describe the change name no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_WORDS = (
    "## Findings\n\n"
    "Line 14 of pkg/cache.py: `evict()` raises `KeyError` once an entry has expired.\n\n"
    "Line 40 of pkg/cache.py: `put()` never releases the lock when the write fails,\n"
    "so the next caller hangs.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _WORDS,
        _WORDS.replace("Line 14 of pkg/cache.py:", "`pkg/cache.py:14`:").replace(
            "Line 40 of pkg/cache.py:", "`pkg/cache.py:40`:"
        ),
    ],
    ids=["words", "code-span"],
)
def test_each_place_led_paragraph_is_a_finding(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [
        ("I1", "pkg/cache.py:14"),
        ("I2", "pkg/cache.py:40"),
    ]
    assert "next caller hangs" in review.findings[1].title + review.findings[1].body


def test_paragraphs_that_describe_the_change_are_no_findings() -> None:
    text = (
        "## Findings\n\n"
        "Line 14 of pkg/cache.py: `evict()` now takes the entry's key.\n\n"
        "Line 40 of pkg/cache.py: `put()` stores a copy of the value.\n"
    )
    assert not parse_review(text, seat="alpha").findings


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _WORDS})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
