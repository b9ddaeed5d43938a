"""A review with no findings section whose concern is a paragraph led by its place
(`### Concern` + ``pkg/cache.py:14`: `evict()` raises `KeyError` …``), or free-form lines each
led by their place in words (`Line 14 of pkg/cache.py: …`): each that names a problem is a
finding (important, unrated). Before, beside "LGTM with one concern." the review read
"Merge as-is — no issues found" (the concern lost). A place-led paragraph that only says
what the change does stays prose.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_CONCERN = (
    "### Summary\n\nLGTM with one concern.\n\n### Concern\n\n"
    "`pkg/cache.py:14`: `evict()` raises `KeyError` once an entry has expired; `sweep()` "
    "calls it on every tick.\n"
)


def test_the_concern_is_a_finding() -> None:
    review = parse_review(_CONCERN, seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [("I1", "pkg/cache.py:14")]


def test_free_form_lines_led_by_places_in_words() -> None:
    text = (
        "Line 14 of pkg/cache.py: evict() raises KeyError once an entry has expired.\n"
        "Line 3 of pkg/cache.py: the module docstring is out of date (minor).\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [
        ("I1", "pkg/cache.py:14"),
        ("S1", "pkg/cache.py:3"),
    ]


def test_a_paragraph_that_describes_the_change_stays_prose() -> None:
    text = _CONCERN.replace("one concern", "one note").replace("### Concern", "### Note")
    text = text.replace(
        "`evict()` raises `KeyError` once an entry has expired; `sweep()` calls it on every tick.",
        "`evict()` now takes the entry's key.",
    )
    assert not parse_review(text, seat="alpha").findings


def test_the_verdict_asks_for_fixes(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _CONCERN})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
