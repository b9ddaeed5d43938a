"""What the parser reads in a small review, for parser tests that compare a few fields."""

from __future__ import annotations

from typing import NamedTuple

from deepreview.findings import parse_review


class Read(NamedTuple):
    id: str
    level: str
    title: str
    places: list[tuple[str, int | None]]


def read_findings(text: str) -> list[Read]:
    """Each finding read in `text` (ID, level, title, places as (path, start line)); fails the
    test when any of the review's findings text is left unread."""
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [
        Read(f.id, f.severity.value, f.title, [(loc.path, loc.start) for loc in f.locations])
        for f in review.findings
    ]
