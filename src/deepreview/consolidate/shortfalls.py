"""Which seats fell short of a whole review, decided once per review (`seat_outcomes`): the
verdict says it in its reason (`verdict.qualify`, for the report and again for a later round's
verdict, from the same `SeatOutcomes`), and the run of each ok seat that is cut off or unread
carries it in its `reason` (`runmodel.RUN_NOTES`; its status stays "ok": its review was read),
so the seat lines, `--json`, run.json, the report's runs and its HTML Runs table say of the
seat what the verdict says.

- `unread`: findings text the tool could not read (`unread_reviewers`);
- `cut_off`: the review stopped before it was done but was kept (`cut_off_reviewers`);
- `timed_out`: a seat stopped by its timeout (failed, its text not read for findings) whose
  text so far holds findings: they were never judged, so the seat's silence is no approval;
- `failed_findings`: the same of a model seat that failed otherwise after writing findings (its
  answer cut by the output limit, the CLI's error after its review): kept, not read, not judged;
- `checks_timed_out`: the same of an analyzer seat (the static seat): its checks did not
  finish, whatever the findings its analyzers finished say (its verdict words differ);
- `checks_stopped`: an analyzer seat stopped by its timeout whose findings so far were read
  (a review, `pipeline.stored_seats`: each of its findings is whole), so they are in the
  report; its checks did not finish all the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from deepreview.consolidate.coverage import said_not_analyzed
from deepreview.consolidate.inputs import SeatReview
from deepreview.findings.head import locations_in
from deepreview.findings.list_siblings import listed_fault
from deepreview.model import AgentReview
from deepreview.runmodel import RUN_NOTES, SeatRun, with_notes

Kind = Literal[
    "unread", "cut_off", "timed_out", "failed_findings", "checks_timed_out", "checks_stopped"
]


@dataclass(frozen=True)
class Shortfall:
    seat: str
    name: str  # as the report names the seat
    kind: Kind


@dataclass(frozen=True)
class SeatOutcomes:
    """What a review's seats came to, as its verdict is qualified by (`verdict.qualify`): how
    many ran and failed, whether a model reviewed, and who fell short. Computed once per review
    (a timed-out seat's text is parsed to tell whether it wrote findings), then passed to each
    verdict said of it: the report's and a later round's."""

    seats: int
    failed: int
    model_reviewed: bool
    falls: tuple[Shortfall, ...] = ()
    # (files an analyzer seat read, files its coverage lists), None without one: a static-only
    # verdict must not say "found nothing" of an image it never read (`analysed_files`)
    analysed: tuple[int, int] | None = None

    def named(self, kind: Kind) -> tuple[str, ...]:
        """The seats (as the report names them) that fell short this way."""
        return named(self.falls, kind)


def seat_outcomes(seat_reviews: Sequence[SeatReview]) -> SeatOutcomes:
    ok = [sr for sr in seat_reviews if sr.review is not None]
    return SeatOutcomes(
        seats=len(seat_reviews),
        failed=len(seat_reviews) - len(ok),
        model_reviewed=any(sr.model_backed for sr in ok),
        falls=shortfalls(seat_reviews),
        analysed=analysed_files(seat_reviews),
    )


def analysed_files(seat_reviews: Sequence[SeatReview]) -> tuple[int, int] | None:
    """(read, listed): of the changed files the analyzer seats' Coverage Summaries list (the
    static seat lists every one), how many at least one of them read, not `Not analyzed
    (binary)`; None when no analyzer seat produced a review."""
    read: dict[str, bool] = {}
    for sr in seat_reviews:
        if sr.review is None or sr.model_backed:
            continue
        for entry in sr.review.coverage:
            seen = not said_not_analyzed(entry.status)
            read[entry.path] = read.get(entry.path, False) or seen
    if not read:
        return None
    return sum(read.values()), len(read)


def shortfalls(seat_reviews: Sequence[SeatReview]) -> tuple[Shortfall, ...]:
    ok = [(sr.reviewer.name, sr.review) for sr in seat_reviews if sr.review is not None]
    seat_of = {sr.reviewer.name: sr.seat for sr in seat_reviews}
    out = [Shortfall(seat_of[n], n, "unread") for n in unread_reviewers(ok)]
    out += [Shortfall(seat_of[n], n, "cut_off") for n in cut_off_reviewers(ok)]
    out += [
        Shortfall(sr.seat, sr.reviewer.name, "timed_out" if sr.model_backed else "checks_timed_out")
        for sr in seat_reviews
        if sr.review is None
        and sr.run is not None
        and sr.run.status == "timeout"
        and wrote_findings(sr.output)
    ]
    out += [
        Shortfall(sr.seat, sr.reviewer.name, "failed_findings")
        for sr in seat_reviews
        if sr.review is None
        and sr.model_backed
        and sr.run is not None
        and sr.run.status == "failed"
        and wrote_findings(sr.output)
    ]
    out += [
        Shortfall(sr.seat, sr.reviewer.name, "checks_stopped")
        for sr in seat_reviews
        if sr.review is not None
        and not sr.model_backed
        and sr.run is not None
        and sr.run.status == "timeout"
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


def unread_reviewers(reviews: Sequence[tuple[str, AgentReview | None]]) -> tuple[str, ...]:
    """Names of reviewers whose findings text (a findings section's, or prose naming problems
    at places) holds no finding we could read; beside findings that were read, only text that
    names a place with a line (`- `a.py:2` unused import.` under `**Non-blocking**`) — an
    opening sentence (`I found two issues:`) is no finding left unread; nor a list item that
    names a fault (`* `retry` swallows the final exception.` beside `* Minor: …`)."""
    return tuple(name for name, review in reviews if review is not None and findings_unread(review))


def findings_unread(review: AgentReview) -> bool:
    """Whether the review's findings text holds findings we could not read (as above)."""
    return bool(review.unread_findings) and (
        not review.findings or any(_placed(u) or listed_fault(u) for u in review.unread_findings)
    )


def _placed(text: str) -> bool:
    return any(loc.start is not None for loc in locations_in(text))


def cut_off_reviewers(reviews: Sequence[tuple[str, AgentReview | None]]) -> tuple[str, ...]:
    """Names of reviewers whose review stopped before it was done (a seat with nothing usable in
    it, no finding, findings section or verdict, failed as "unfinished review" instead)."""
    return tuple(name for name, review in reviews if review is not None and review.cut_off)
