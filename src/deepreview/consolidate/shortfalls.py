"""Which seats fell short of a whole review, decided once per report: the verdict says it in
its reason (`verdict.qualify`), and the run of each ok seat that is cut off or unread carries
it in its `reason` (`runmodel.RUN_NOTES`; its status stays "ok": its review was read), so the
seat lines, `--json`, run.json, the report's runs and its HTML Runs table say of the seat what
the verdict says.

- `unread`: findings text the tool could not read (`verdict.unread_reviewers`);
- `cut_off`: the review stopped before it was done but was kept (`verdict.cut_off_reviewers`);
- `timed_out`: a seat stopped by its timeout (failed, its text not read for findings) whose
  text so far holds findings: they were never judged, so the seat's silence is no approval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.verdict import cut_off_reviewers, findings_unread, unread_reviewers
from deepreview.model import AgentReview
from deepreview.runmodel import RUN_NOTES, SeatRun, with_notes

Kind = Literal["unread", "cut_off", "timed_out"]


@dataclass(frozen=True)
class Shortfall:
    seat: str
    name: str  # as the report names the seat
    kind: Kind


def shortfalls(seat_reviews: Sequence[SeatReview]) -> tuple[Shortfall, ...]:
    ok = [(sr.reviewer.name, sr.review) for sr in seat_reviews if sr.review is not None]
    seat_of = {sr.reviewer.name: sr.seat for sr in seat_reviews}
    out = [Shortfall(seat_of[n], n, "unread") for n in unread_reviewers(ok)]
    out += [Shortfall(seat_of[n], n, "cut_off") for n in cut_off_reviewers(ok)]
    out += [
        Shortfall(sr.seat, sr.reviewer.name, "timed_out")
        for sr in seat_reviews
        if sr.review is None
        and sr.run is not None
        and sr.run.status == "timeout"
        and wrote_findings(sr.output)
    ]
    return tuple(out)


def named(falls: Sequence[Shortfall], kind: Kind) -> tuple[str, ...]:
    return tuple(f.name for f in falls if f.kind == kind)


def wrote_findings(text: str) -> bool:
    """Whether a failed seat's kept text holds a finding the parser reads."""
    if not text.strip():
        return False
    from deepreview.findings.parse import parse_review  # (the parser imports late)

    return bool(parse_review(text).findings)


def review_notes(review: AgentReview) -> tuple[str, ...]:
    """What the run of a seat whose review this is says of it, as `shortfalls` decides: for its
    live line, when the seat ends (the report's `noted_run` has the last word)."""
    kinds = ["unread"] if findings_unread(review) else []
    kinds += ["cut_off"] if review.cut_off else []
    return tuple(RUN_NOTES[k] for k in kinds)


def noted_run(run: SeatRun, falls: Sequence[Shortfall]) -> SeatRun:
    """`run` whose reason says its seat's shortfalls, and only those (a note the seat's live
    line gave, from a parse without the change's file names, is replaced by the report's)."""
    notes = [RUN_NOTES[f.kind] for f in falls if f.seat == run.seat and f.kind in RUN_NOTES]
    reason = with_notes(run.reason, notes)
    return run if reason == run.reason else replace(run, reason=reason)
