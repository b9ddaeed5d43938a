"""Which seats of a round raised a carried finding, told by the first word of the reviewer's
heading name (the model may have changed: `Claude Opus 4.6` is the seat `Claude`): whether they
all reviewed this round (`raisers_reviewed`), and a failed seat's carried findings
(`carried_for`).
"""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.consolidate import SeatReview
from deepreview.model import Finding


def _first_word(name: str) -> str:
    return name.strip().split(" ", 1)[0].lower()


def carried_for(
    seat: str, seat_reviews: Sequence[SeatReview], findings: Sequence[Finding], carried: set[str]
) -> list[str]:
    """For a seat that failed this round: the carried findings credited to it (by heading
    name's first word, as `raisers_reviewed` tells seats apart)."""
    sr = next((sr for sr in seat_reviews if sr.seat == seat), None)
    if sr is None or sr.review is not None:
        return []
    name = _first_word(sr.reviewer.name)
    return [
        f.id
        for f in findings
        if f.id in carried and any(_first_word(r) == name for r in f.reviewers)
    ]


def raisers_reviewed(p: Finding, seat_reviews: Sequence[SeatReview]) -> bool:
    """Every seat that raised the prior finding reviewed this round (by heading name: the
    model may have changed, `Claude Opus 4.6` is the seat `Claude`)."""
    reviewed = {_first_word(sr.reviewer.name) for sr in seat_reviews if sr.review is not None}
    raisers = {_first_word(r) for r in p.reviewers}
    return bool(raisers) and raisers <= reviewed
