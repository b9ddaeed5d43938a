"""A seat's references to the previous round's findings, said so before they are merged.

In round N >= 2 a seat's prompt lists round N-1's open findings by their IDs there (`I2`), and
seats refer to them so ("once I2 is settled"). This round's report numbers its findings anew,
so a bare `I2` left as written names another finding of the report. Each such reference — an ID
of round N-1's findings that the seat has no finding of its own for (its own are renamed by
`local_ids`) — becomes `round 1's I2`; `rounds.apply` adds what became of it (`(now I3)`).
One that already names its round ("round 1's I2", "I2 of round 1") is left as written.
Only in prose (findings' text and fixes, design observations, assessments, limitations): code
spans and blocks, and tokens that read as names ("uploads to S3"), stay as written; the
appendix keeps the seat's review word for word. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.local_ids import ID_TOKEN, is_name, names_round, notes_rewritten
from deepreview.markdown_fence import outside_code
from deepreview.model import AgentReview


def prior_label(previous: int, prior_id: str) -> str:
    """How a reference to round `previous`'s finding reads in the report."""
    return f"round {previous}'s {prior_id}"


def with_prior_refs(
    seat_reviews: Sequence[SeatReview], prior_ids: Collection[str], previous: int
) -> tuple[SeatReview, ...]:
    """The seat reviews with their references to round `previous`'s findings said so."""
    if not prior_ids:
        return tuple(seat_reviews)
    return tuple(
        sr if sr.review is None else replace(sr, review=_said(sr.review, set(prior_ids), previous))
        for sr in seat_reviews
    )


def _said(review: AgentReview, prior: set[str], previous: int) -> AgentReview:
    own = {f.id for f in review.findings}
    refs = prior - own
    if not refs:
        return review

    def one(prose: str, m: re.Match[str]) -> str:
        fid = m.group(1)
        # one that already names its round ("round 1's I2", "I2 of round 1") is left as it is
        if fid not in refs or names_round(prose, m) or is_name(prose, m, refs):
            return fid
        return prior_label(previous, fid)

    def text(t: str) -> str:
        return outside_code(t, lambda prose: ID_TOKEN.sub(lambda m: one(prose, m), prose))

    findings = tuple(replace(f, body=text(f.body), fix=text(f.fix)) for f in review.findings)
    return notes_rewritten(replace(review, findings=findings), text)
