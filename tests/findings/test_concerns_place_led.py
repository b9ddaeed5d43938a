"""A `### Concerns` section whose items each lead with a place and name a problem is a list of
findings (important, unrated), as the same list under `## Findings` or `### Concern` is.

Before, only bold-titled or graded items made a Concerns section a findings one: the place-led
problem was lost, and beside "LGTM with one concern." the review read "Merge as-is". A
Concerns list of plain remarks stays a design note.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "### Summary\nLGTM with one concern.\n\n"
    "### Concerns\n"
    "- `src/cache.py:31`: `evict()` raises `KeyError` when the entry already expired; "
    "`sweep()` hits that path.\n"
)


def test_a_place_led_concern_is_a_finding() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert [(f.id, str(f.locations[0])) for f in review.findings] == [("I1", "src/cache.py:31")]
    assert review.unrated == ("I1",)


def test_a_concerns_list_of_remarks_stays_prose() -> None:
    text = (
        "### Summary\nLGTM.\n\n### Concerns\n"
        "- `src/cache.py:31`: `evict()` now takes the key first, as the other helpers do.\n"
    )
    assert not parse_review(text, seat="alpha").findings


def test_the_verdict_asks_for_the_fix(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
