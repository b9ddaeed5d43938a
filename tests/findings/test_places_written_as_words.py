"""Terse reviews write a finding's place without code spans: `- [high] pkg/cache.py:14 evict
raises KeyError` (the bare place with its line, then the title). The place is the finding's
location, not the start of its title. A bare word with no line (`- [low] cleanup needed`)
stays in the title.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_TAGGED = (
    "Issues:\n"
    "- [high] pkg/cache.py:14 evict() raises KeyError once an entry has expired\n"
    "- [low] pkg/cache.py:3 the module docstring is stale\n"
)


def test_a_bare_place_after_the_tag_is_the_location() -> None:
    review = parse_review(_TAGGED, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("evict() raises KeyError once an entry has expired", "pkg/cache.py:14"),
        ("the module docstring is stale", "pkg/cache.py:3"),
    ]


def test_a_tagged_title_with_no_place_keeps_its_words() -> None:
    review = parse_review("Issues:\n- [low] cleanup needed in the cache module\n", seat="alpha")
    assert [(f.title, f.locations) for f in review.findings] == [
        ("cleanup needed in the cache module", ())
    ]


def test_the_report_places_the_finding(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _TAGGED})
    found = [f for f in report["findings"] if f["severity"] == "critical"]
    assert [loc["path"] for f in found for loc in f["locations"]] == ["pkg/cache.py"], found


_WORDED = (
    "## Review\n\n"
    "1) pkg/cache.py line 14: `evict()` raises KeyError once an entry has expired.\n"
    "2) Line 40 of pkg/cache.py: every lookup never releases the lock on error.\n\n"
    "Verdict: request changes\n"
)


def test_a_file_and_line_in_words_lead_the_item() -> None:
    review = parse_review(_WORDED, seat="alpha")
    assert [str(f.locations[0]) for f in review.findings] == ["pkg/cache.py:14", "pkg/cache.py:40"]
    assert review.findings[0].title.startswith("`evict()` raises KeyError")


def test_an_item_naming_a_line_of_no_file_stays_prose() -> None:
    text = "## Review\n\n1) the cache line 14: nothing to add.\n\nApprove.\n"
    assert not parse_review(text, seat="alpha").findings


def test_the_worded_review_asks_for_the_fixes(tmp_path: Path) -> None:
    res, _out, report = review_printed(tmp_path, {"alpha": _WORDED})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", res.stdout[-2000:]
