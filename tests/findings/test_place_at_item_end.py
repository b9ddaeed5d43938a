"""A fault whose place closes its sentence.

An item may give its place at its end (`- Logged-out visitors can open the billing page
(`web/billing.py:12`).`): in a free-form list or under `## Issues` such an item naming a fault
is a finding (important, unrated) at that place; before, it was unread text (verdict
Unverified, or the seat failed as an unparseable review). A harmless item so placed is none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _places(review):  # type: ignore[no-untyped-def]
    return [
        (f.id, f.severity.value, [(loc.path, loc.start) for loc in f.locations])
        for f in review.findings
    ]


_PLACE_AT_END = (
    "- Logged-out visitors can open the billing page (`web/billing.py:12`).\n"
    "- The retry drops the final error (`lib/fetch.py:88`).\n"
)


@pytest.mark.parametrize("lead", ["A few notes:\n\n", "## Issues\n\n"])
def test_a_fault_whose_place_ends_the_item_is_a_finding(lead: str) -> None:
    review = parse_review(f"{lead}{_PLACE_AT_END}", seat="alpha")
    assert _places(review) == [
        ("I1", "important", [("web/billing.py", 12)]),
        ("I2", "important", [("lib/fetch.py", 88)]),
    ], review
    assert review.findings[1].title.startswith("The retry drops the final error"), review
    assert not review.unread_findings, review.unread_findings


def test_a_harmless_item_placed_at_its_end_is_no_finding() -> None:
    text = (
        "A few notes:\n\n"
        "- The handler is well named (`web/billing.py:3`).\n"
        "- The retry drops the final error (`lib/fetch.py:88`).\n"
    )
    review = parse_review(text, seat="alpha")
    assert _places(review) == [("I1", "important", [("lib/fetch.py", 88)])], review


def test_the_seat_reports_the_fault_placed_at_the_end(tmp_path: Path) -> None:
    res, out, report = review_printed(tmp_path, {"alpha": f"## Issues\n\n{_PLACE_AT_END}"})
    assert out["seats"][0]["status"] == "ok", (out["seats"], res.stderr[-2000:])
    places = sorted(f["locations"][0]["path"] for f in report["findings"])
    assert places == ["lib/fetch.py", "web/billing.py"], report["findings"]
