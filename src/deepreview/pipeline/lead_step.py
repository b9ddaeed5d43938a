"""The lead step: an agent verifies the consolidated clusters and writes the judgment.

The deterministic report is always built first; the lead can only improve it. Without a lead
(`--lead none`, or none usable), or when the lead fails, times out or answers twice with no
valid JSON, that report stands and says so (a note under the header, `LeadInfo.status`).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from deepreview.agents.base import ProgressEvent
from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import AddedFinding, DecisionError
from deepreview.consolidate.local_ids import cluster_names, renamed
from deepreview.consolidate.scope import SUSPECT, mark_scope
from deepreview.consolidate.sections import (
    merge_design_observations,
    merge_documentation,
    merge_testing,
)
from deepreview.lead.apply import report_from_answer
from deepreview.lead.check import check_answer
from deepreview.lead.prompt import LeadContext, unread_seats
from deepreview.lead.runner import (
    AFTER_ANSWERING,
    LEAD_SEAT,
    LeadOutcome,
    clear_lead_files,
    run_lead_agent,
)
from deepreview.model import Finding, LeadInfo, Location, Report
from deepreview.pipeline import index_step, secret_sweep
from deepreview.pipeline.context import Prepared, StateWriter
from deepreview.pipeline.lead_gate import lead_not_run
from deepreview.pipeline.line_counts import with_line_counts
from deepreview.pipeline.runstate import NO_LEAD, LeadEntry, no_lead_note
from deepreview.pipeline.seats import plan_seat
from deepreview.prompts.review import new_nonce, unlisted_files
from deepreview.runfiles import stderr_pointer
from deepreview.store.redact import Redactor
from deepreview.targets.target import Target

if TYPE_CHECKING:
    from deepreview.consolidate import SeatReview
    from deepreview.consolidate.shortfalls import SeatOutcomes

_LOGGER: Final = logging.getLogger(__name__)
_DETERMINISTIC: Final = (
    f"{NO_LEAD}: the findings, verdict and retro below are the deterministic consolidation."
)


def lead_context(
    target: Target,
    seat_reviews: Sequence[SeatReview],
    report: Report,
    *,
    clusters: Sequence[Cluster],
    budget: int,
) -> LeadContext:
    """What the lead decides about: the clusters the deterministic report was built from (passed
    on, not computed again: clustering is the costly half of consolidation), and the seats'
    merged sections with their own finding IDs as the cluster IDs the lead is told to use (the
    report's say C1 where Claude wrote I1, names the lead does not know)."""
    prose = renamed(seat_reviews, cluster_names(clusters))
    return LeadContext(
        target=target,
        seat_reviews=tuple(seat_reviews),
        clusters=tuple(clusters),
        design=merge_design_observations(prose),
        testing=merge_testing(prose),
        documentation=merge_documentation(prose),
        report=report,
        budget=budget,
        nonce=new_nonce(),
    )


def apply_outcome(
    outcome: LeadOutcome,
    lead: str,
    report: Report,
    seat_reviews: Sequence[SeatReview],
    ctx: LeadContext,
    *,
    present_files: Collection[str] | None = None,
    review_dir: Path | None = None,
    outcomes: SeatOutcomes | None = None,
) -> Report:
    """The report after the lead: its judgment applied, or the deterministic one with a note
    (for a lead that failed, naming its stderr in `review_dir` as a failed seat's note does).
    `outcomes`: what the seats came to, as the deterministic report computed it."""
    if outcome.status == "ok" and outcome.answer is not None:
        checked = check_answer(
            outcome.answer,
            ctx.clusters,
            seats=[sr.seat for sr in seat_reviews],
            design_observations=ctx.design,
            testing=ctx.testing,
            documentation=ctx.documentation,
            unread_seats=unread_seats(seat_reviews),
            misplaced=_misplaced(ctx, present_files),
        )
        # its note (rejected claims, clusters without a decision) names findings as the report
        # does, so `report_from_answer` writes it
        info = LeadInfo(seat=lead, status="ok", run=outcome.run)
        try:
            judged = report_from_answer(
                report.header,
                seat_reviews,
                ctx.clusters,
                checked,
                lead=info,
                changed_files=ctx.target.changed_paths,
                present_files=present_files,
                removed_files=ctx.target.removed_paths,
                notes=report.notes,
                unlisted_files=unlisted_files(ctx.target, ctx.budget),
                lineless_files=ctx.target.lineless_paths,
                outcomes=outcomes,
            )
            return _late_note(judged, lead)
        except DecisionError:  # a gap in the checks: never lose the review over it
            # (its message speaks of the lead's cluster IDs, which name nothing in the report)
            _LOGGER.debug("lead decisions did not apply", exc_info=True)
            why = (
                "gave decisions that did not apply (a gap in deep-review's checks; its answer "
                "file in the review folder holds them)"
            )
            return _deterministic(report, lead, "fallback", why, outcome)
    if outcome.status == "fallback":
        why = outcome.reason or "gave no usable answer"
        return _deterministic(report, lead, "fallback", why, outcome)
    pointer = stderr_pointer(review_dir, LEAD_SEAT)
    why = f"failed: {outcome.reason or 'no reason'}{pointer}"
    return _deterministic(report, lead, "failed", why, outcome)


def _late_note(report: Report, lead: str) -> Report:
    """A lead its timeout stopped after a whole answer judged the review, as did one whose
    output limit cut only what it wrote after the answer: its note says so first (the `_Lead:`
    line gives the run's reason), before its notes about the answer."""
    info = report.lead
    if info is None or info.run is None:
        return report
    reason = info.run.reason or ""
    if info.run.status == "timeout":
        late = f"The lead ({lead}) {reason}; its answer was complete and is used."
    elif info.run.status == "ok" and reason.endswith(AFTER_ANSWERING):
        late = f"The lead ({lead}) was {reason}; its answer was complete and is used."
    else:
        return report
    note = f"{late} {info.note}" if info.note else late
    return dataclasses.replace(report, lead=dataclasses.replace(info, note=note))


def _misplaced(
    ctx: LeadContext, present_files: Collection[str] | None
) -> Callable[[AddedFinding], str | None] | None:
    """Why an added finding points at no place in the code, as a seat's would be tagged (its
    file is not in the tree at the review SHA, or every line it cites is past its file's end),
    or None; nothing is measured when the files at the review SHA are not known."""
    if present_files is None:
        return None

    def why(a: AddedFinding) -> str | None:
        f = Finding(id="L", severity=a.severity, title=a.title, locations=a.locations, body=a.body)
        (scoped,) = mark_scope(
            [f],
            changed_files=ctx.target.changed_paths,
            present_files=present_files,
            removed_files=ctx.target.removed_paths,
        )
        return scoped.scope if scoped.scope in SUSPECT else None

    return why


def _deterministic(
    report: Report,
    lead: str,
    status: Literal["failed", "fallback"],
    why: str,
    outcome: LeadOutcome | None,
) -> Report:
    """The deterministic report, saying why the lead's judgment is missing (`why` continues
    "The lead (claude) ...")."""
    note = f"The lead ({lead}) {why}. {_DETERMINISTIC}"
    info = LeadInfo(seat=lead, status=status, note=note, run=outcome.run if outcome else None)
    return dataclasses.replace(report, lead=info)


def lead_record(info: LeadInfo, outcome: LeadOutcome | None) -> LeadEntry:
    """run.json's "lead" entry."""
    if outcome is None:
        return LeadEntry(seat=info.seat, status=info.status, note=info.note)
    return LeadEntry(
        seat=info.seat,
        status=info.status,
        note=info.note,
        reason=outcome.reason,
        passes=outcome.passes,
        files=outcome.files,
        run=outcome.run,
    )


def _why_no_lead(p: Prepared, recorded: LeadEntry) -> str:
    """Asked for now (`--lead none`), else as recorded when this run started (a `resume`
    whose command line does not repeat `--lead none`), else no lead agent could run."""
    if p.settings.lead != "none" and recorded.seat == "none" and recorded.status == "pending":
        return recorded.note or no_lead_note(p.settings.lead)
    return no_lead_note(p.settings.lead)


def run_lead(
    p: Prepared,
    rid: str,
    review_dir: Path,
    report: Report,
    seat_reviews: list[SeatReview],
    clusters: Sequence[Cluster],
    writer: StateWriter,
    redactor: Redactor,
    on_progress: Callable[[ProgressEvent], None] | None = None,
    *,
    present_files: Collection[str] | None = None,
    relead: bool = False,
    outcomes: SeatOutcomes | None = None,
) -> Report:
    """Run the lead chosen in `p` over the deterministic `report` (built from `clusters` and
    `present_files`, the files at the review SHA); record it in run.json.

    The lead's note (why there is no lead judgment) is `report.lead.note`, never a run note.
    Not started when it has nothing to verify, or (but on a `relead`) when its CLI was already
    refused on this review (`lead_gate`).
    """
    if p.lead == "none":
        clear_lead_files(review_dir)  # `relead --lead none`: the earlier lead's files set aside
        info = LeadInfo(seat="none", status="none", note=_why_no_lead(p, writer.state.lead))
        writer.set(lead=lead_record(info, None))
        return dataclasses.replace(report, lead=info)
    blocked = lead_not_run(p.lead, p.settings, seat_reviews, review_id=rid, relead=relead)
    if blocked is not None:
        clear_lead_files(review_dir)
        info = LeadInfo(seat=p.lead, status="none", note=f"{NO_LEAD}: {blocked.note}")
        writer.set(
            lead=LeadEntry(seat=p.lead, status="none", note=info.note, reason=blocked.reason)
        )
        if on_progress is not None:  # the terminal's one line about it
            on_progress(ProgressEvent(LEAD_SEAT, "state", blocked.live_line))
        return dataclasses.replace(report, lead=info)
    try:
        writer.set(lead=LeadEntry(seat=p.lead, status="running"))
    except KeyboardInterrupt:
        # a Ctrl-C right after "running" reached run.json: recorded like one during the run
        _interrupted(p, rid, writer)
        raise
    outcome: LeadOutcome | None = None
    try:
        plan = plan_seat(p.lead, p.settings)
        ctx = lead_context(
            p.target, seat_reviews, report, clusters=clusters, budget=p.settings.diff_budget
        )
        outcome = run_lead_agent(
            plan,
            ctx,
            store=p.store,
            review_dir=review_dir,
            env=p.env,
            redactor=redactor,
            allow_exec=p.settings.allow_exec,
            on_progress=on_progress,
        )
        _mask_lead_flagged(p.target, outcome, review_dir, redactor)
        present_files = _with_lead_places(p.target, outcome, present_files)
        result = apply_outcome(
            outcome,
            p.lead,
            report,
            seat_reviews,
            ctx,
            present_files=present_files,
            review_dir=review_dir,
            outcomes=outcomes,
        )
    except KeyboardInterrupt:
        _interrupted(p, rid, writer)
        raise
    except Exception as exc:  # the lead must never cost the seats' work
        _LOGGER.debug("lead %s crashed", p.lead, exc_info=True)
        why = f"failed: internal error: {exc}"
        result = _deterministic(report, p.lead, "failed", why, outcome)
    assert result.lead is not None
    writer.set(lead=lead_record(result.lead, outcome))
    _LOGGER.debug("lead %s for %s: %s", p.lead, rid, result.lead.status)
    return result


def _with_lead_places(
    target: Target, outcome: LeadOutcome, present: Collection[str] | None
) -> Collection[str] | None:
    """The files at the review SHA with the line counts of those the lead's added findings
    cite too, so that a place it made up past a file's end is said to be, as a seat's is (the
    deterministic report counted only the files the seats cited)."""
    if outcome.answer is None or not outcome.answer.added_findings:
        return present
    if not isinstance(present, Mapping):
        return present  # no counts at all (the commit is gone): nothing is measured
    findings = [
        Finding(
            id=f"L{n}",
            severity=a.severity,
            title=a.title,
            locations=tuple(Location(x.path, x.start, x.end) for x in a.locations),
        )
        for n, a in enumerate(outcome.answer.added_findings, start=1)
    ]
    return with_line_counts(target, present, findings)


def _mask_lead_flagged(
    target: Target, outcome: LeadOutcome, review_dir: Path, redactor: Redactor
) -> None:
    """A secret the lead's added findings flag (its "hard-coded password" at `db.py:3`) is
    masked as a seat's is: the report is written through `redactor`, and the files already in
    the review folder (the prompts hold the diff, the lead's transcript and answer quote it) are
    rewritten now that it knows the value."""
    if outcome.answer is None:
        return
    if redactor.add(secret_sweep.flagged_in(target, outcome.answer.added_findings)):
        secret_sweep.sweep(review_dir, redactor)


def _interrupted(p: Prepared, rid: str, writer: StateWriter) -> None:
    """run.json says so, the lead owed: `resume` finishes the review with its lead (a `relead`
    of a complete review leaves it as it was: its stored report stands)."""
    if writer.state.status == "complete":
        return
    writer.update(
        lambda s: dataclasses.replace(
            s, status="interrupted", lead=LeadEntry(seat=p.lead, status="pending")
        )
    )
    index_step.register_status(p.store, rid, p.target, writer.state, "interrupted")


__all__ = [
    "NO_LEAD",
    "apply_outcome",
    "lead_context",
    "lead_record",
    "run_lead",
]
