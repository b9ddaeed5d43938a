"""The note on reviews without a lead reads as English for one review and for one of many."""

from __future__ import annotations

from deepreview.stats.aggregate import StatsTable
from deepreview.stats.cells import no_lead_note


def _table(reviews: int, with_lead: int) -> StatsTable:
    return StatsTable(reviews, with_lead, (), None, None)


def test_no_lead_note_wording() -> None:
    assert no_lead_note(_table(3, 3)) is None
    one = no_lead_note(_table(1, 0)) or ""
    assert one.startswith("The one review had no lead: it counts raised findings"), one
    assert (no_lead_note(_table(7, 6)) or "").startswith("1 of 7 reviews had no lead: it counts")
    assert (no_lead_note(_table(7, 5)) or "").startswith("2 of 7 reviews had no lead: they count")
