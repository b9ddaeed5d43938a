"""After the seats: consolidate their reviews (read by `stored_seats`), lead, render, store,
index.

Imported, with everything it imports, while the seats work (`index_step.while_seats_run`), not
before the first seat: they cost ~0.3 s (pydantic, markdown-it, pygments).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview.consolidate import SeatReview, build_report, cluster_findings
from deepreview.consolidate.build import verdict_sentence
from deepreview.consolidate.labels import seat_labels
from deepreview.consolidate.prior_refs import with_prior_refs
from deepreview.consolidate.scope import renamed_paths
from deepreview.consolidate.shortfalls import SeatOutcomes, seat_outcomes
from deepreview.errors import DeepReviewError, ExitCode, StoreError
from deepreview.formats import RENDERERS, Renderer, stored_formats
from deepreview.model import REPORT_COMMITS, Header, LeadInfo, Report, Reviewer
from deepreview.pipeline import feedback_step, passes_step, rounds_step, secret_sweep
from deepreview.pipeline.checks_step import check_lead_fixes, run_check_step, with_checks
from deepreview.pipeline.context import (
    FailedRelead,
    Prepared,
    ReviewOutcome,
    StateWriter,
    interrupted_outcome,
    series_of,
)
from deepreview.pipeline.index_step import register_status
from deepreview.pipeline.lead_step import run_lead
from deepreview.pipeline.line_counts import cited_sources, present_files
from deepreview.pipeline.panel import with_panel_notes
from deepreview.pipeline.rounds_prompt_step import previous_round
from deepreview.pipeline.runstate import LeadEntry, RunState
from deepreview.pipeline.stored_seats import mask_flagged_secrets, seat_notes, stored_seat_reviews
from deepreview.prompts.inline import verdict_clause
from deepreview.prompts.review import unlisted_files
from deepreview.runmodel import Commit, SeatRun, run_notes, with_notes
from deepreview.serialize import report_from_data
from deepreview.store.dates import UNKNOWN
from deepreview.store.redact import Redactor
from deepreview.store.report_files import ReportFileRecord, file_record
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from deepreview.targets.target import Target
from deepreview.untrusted_text import clean_strings

if TYPE_CHECKING:
    from deepreview.agents.base import ProgressEvent
    from deepreview.consolidate.cluster import Cluster
    from deepreview.rounds.previous import PreviousRound


def round_label(round_no: int, target: Target) -> str:
    """`1`, or `3 (of PR #711)` / `2 (of feature/x)` once a series has history; "" for a
    review in no series (round 0): the report shows no Round, as `list` shows none."""
    if round_no <= 0:
        return ""
    if round_no == 1:
        return "1"
    if target.pr is not None:
        return f"{round_no} (of PR #{target.pr.number})"
    if target.series_pr is not None:
        return f"{round_no} (of PR #{target.series_pr})"
    return f"{round_no} (of {target.branch})" if target.branch else str(round_no)


def mode_label(target: Target) -> str | None:
    """The header's Mode: an `--uncommitted` review's Review SHA is a snapshot of the work
    tree made for it, in no branch; without this row the report reads as a review of the
    branch's last commit. None for every other review."""
    if target.kind != "uncommitted":
        return None
    return (
        f"uncommitted changes on top of {target.base_sha[:7]} (staged, unstaged and "
        "untracked; the Review SHA is their snapshot, in no branch)"
    )


def header_for(
    rid: str, p: Prepared, state: RunState, reviewers: list[Reviewer], round_no: int
) -> Header:
    t = p.target
    try:
        # The review's own local time, as it was written (the index shows UTC).
        date = datetime.fromisoformat(state.created_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:  # a run.json edited by hand: the report still gets written
        date = UNKNOWN
    pr = t.pr
    # The repository's text (a PR's title, commit subjects, authors, a branch's or folder's
    # name) is cleaned as a seat's is: a terminal escape in it would run when the report is
    # `cat`ed or shown.
    return clean_strings(
        Header(
            review_id=rid,
            date=date,
            repo=t.repo_name,
            repo_url=t.repo_url,
            round=round_label(round_no, p.target) or None,
            mode=mode_label(t),
            author=f"@{pr.author}" if pr and pr.author else t.author,
            author_url=pr.author_url if pr else None,
            pr_number=pr.number if pr else None,
            pr_url=pr.url if pr else None,
            pr_title=pr.title if pr else None,
            branch=t.branch or t.range_branch or None,
            commits=tuple(Commit(c.sha[:7], c.subject) for c in t.commits[:REPORT_COMMITS]),
            commits_more=max(0, len(t.commits) - REPORT_COMMITS),
            review_sha=t.head_sha,
            reviewers=tuple(reviewers),
            wall_clock_s=None,
        )
    )


def _names(state: RunState) -> dict[str, str]:
    return {seat: entry.display_name for seat, entry in state.seats.items() if entry.display_name}


@dataclasses.dataclass(frozen=True)
class Deterministic:
    """The report before the lead and what the lead starts from: the same clusters (computed
    once per review) and the files at the review SHA."""

    report: Report
    seat_reviews: list[SeatReview]
    runs: list[SeatRun]
    clusters: tuple[Cluster, ...]
    present_files: Mapping[str, int | None] | None
    round_no: int  # this review's round (`Store.round_for`), as the header names it
    # The previous round (None: a first round), looked up once: its report is read, its
    # interdiff computed, for the seats' references here and the round's verdicts after the
    # lead (`rounds_step.apply`).
    previous: PreviousRound | None
    outcomes: SeatOutcomes  # what the seats came to (`seat_outcomes`), computed once


def deterministic_report(
    p: Prepared, rid: str, state: RunState, review_dir: Path, redactor: Redactor | None = None
) -> Deterministic:
    """The report before the lead, rebuilt from the stored reviews and run.json (the review,
    `resume` and `relead` all start the lead from this). With `redactor`, every value a seat
    flagged as a secret is first masked in the review folder's files (and in `redactor`)."""

    seat_reviews, reviewers, runs = stored_seat_reviews(p, state, review_dir)
    if redactor is not None and mask_flagged_secrets(p.target, seat_reviews, redactor):
        secret_sweep.sweep(review_dir, redactor)
        seat_reviews, reviewers, runs = stored_seat_reviews(p, state, review_dir)
    # the notes name seats as the report does (`Claude`, `Claude (claude-2)` beside another)
    labels = seat_labels([*state.seats, *(run.seat for run in runs)], _names(state))
    notes = (
        *state.notes,
        *seat_notes(runs, review_dir, labels),
        *passes_step.pass_notes(state, labels),
        *secret_sweep.unmasked_notes(p.target, [sr.review for sr in seat_reviews if sr.review]),
    )
    round_no = p.store.round_for(
        series_of(p.target),
        p.target.branch or "",
        state.created_at,
        rid,
        p.target.kind,
        repo=Repository.of_target(p.target),
    )
    header = header_for(rid, p, state, reviewers, round_no)
    changed = p.target.changed_paths
    prev = previous_round(p, rid, state.created_at, state.previous_round)
    if prev is not None:
        # Round N >= 2: the seats' `I2` of round N-1's list is not this report's I2.
        ids = [f.id for f in prev.open_findings]
        seat_reviews = list(with_prior_refs(seat_reviews, ids, prev.number))
    renamed = renamed_paths(p.target.removed_paths)
    present = present_files(p.target, seat_reviews)
    clusters = cluster_findings(
        seat_reviews,
        changed_files=changed,
        renamed=renamed,
        present_files=present,
        sources=cited_sources(p.target, seat_reviews, present),
    )
    outcomes = seat_outcomes(seat_reviews)  # once: the lead's report and a round's verdict too
    report = build_report(
        header,
        seat_reviews,
        changed_files=changed,
        present_files=present,
        removed_files=p.target.removed_paths,
        notes=notes,
        clusters=clusters,
        # the files the seats' prompt only counted are no miss of a seat that did not name them
        unlisted_files=unlisted_files(p.target, p.settings.diff_budget),
        # nor are the files with no changed line to read (deletions, binaries, pure renames)
        lineless_files=p.target.lineless_paths,
        outcomes=outcomes,
    )
    names = {sr.seat: sr.reviewer.name for sr in seat_reviews}
    once = {
        seat for seat in state.seats if passes_step.runs_once(p.settings.seat(seat).kind or seat)
    }
    report = passes_step.add_passes(report, review_dir, state, names, once)
    # each seat's run as the report says it (`consolidate.shortfalls`: "review cut off"), for
    # the seat lines and `--json` as for run.json (`noted_seats`)
    noted = {run.seat: run for run in report.runs}
    runs = [noted.get(run.seat, run) for run in runs]
    return Deterministic(report, seat_reviews, runs, clusters, present, round_no, prev, outcomes)


def noted_seats(state: RunState, runs: Sequence[SeatRun]) -> RunState:
    """run.json's seats with the notes the report gave their runs (`deterministic_report`):
    the seat's run, and its own reason (pass 1's) with the same notes."""
    for run in runs:
        entry = state.seats.get(run.seat)
        if entry is None or entry.run is None or entry.run.reason == run.reason:
            continue
        reason = with_notes(entry.reason, run_notes(run.reason))
        state = state.with_seat(run.seat, run=run, reason=reason)
    return state


def finish_review(
    p: Prepared,
    rid: str,
    review_dir: Path,
    writer: StateWriter,
    redactor: Redactor,
    on_progress: Callable[[ProgressEvent], None] | None = None,
    *,
    relead: bool = False,
    earlier: LeadEntry | None = None,
) -> ReviewOutcome:
    """Consolidate, lead, render and store; run.json says `complete` last.

    `earlier` (a relead): the stored report's lead entry in run.json. If the new lead does not
    judge where the earlier one did, nothing is written: the outcome is the stored report, with
    `failed_relead` saying why (the relead puts run.json and the lead files back)."""
    try:
        return _finish(p, rid, review_dir, writer, redactor, on_progress, relead, earlier)
    except KeyboardInterrupt:
        # Ctrl-C (or SIGTERM) while the seats' reviews are consolidated or the report is
        # written: as during the lead, run.json says interrupted and the caller names the
        # review to resume; no half of the report is left. A relead of a complete review (or
        # a report already complete) stands as stored.
        if relead or writer.state.status == "complete":
            raise
        remove_report(p.store, rid)
        if writer.state.status != "interrupted":
            writer.set(status="interrupted")
            register_status(p.store, rid, p.target, writer.state, "interrupted")
        return interrupted_outcome(p, rid, review_dir, writer.state.seat_runs())


def _finish(
    p: Prepared,
    rid: str,
    review_dir: Path,
    writer: StateWriter,
    redactor: Redactor,
    on_progress: Callable[[ProgressEvent], None] | None,
    relead: bool,
    earlier: LeadEntry | None,
) -> ReviewOutcome:
    det = deterministic_report(p, rid, writer.state, review_dir, redactor)
    runs = det.runs
    # Measured before the lead, so that fixes that do not apply and surviving mutants are
    # evidence it can act on; attached again after it, as the lead rebuilds the findings. A
    # relead (or a resume without the flags) shows what the review measured, never reruns it.
    measured = None if relead else run_check_step(p, det.report, writer, det.previous)
    checks = measured.results if measured is not None else writer.state.checks
    report = with_checks(det.report, checks)
    if not relead:
        writer.set(before_lead_s=round(writer.elapsed(), 3))
    try:
        report = run_lead(
            p,
            rid,
            review_dir,
            report,
            det.seat_reviews,
            det.clusters,
            writer,
            redactor,
            on_progress=on_progress,
            present_files=det.present_files,
            relead=relead,
            outcomes=det.outcomes,
        )
    except KeyboardInterrupt:
        if writer.state.status != "interrupted":
            raise  # a relead of a complete review: its stored report stands
        # as after a Ctrl-C during the seats: the caller names the review to resume
        return interrupted_outcome(p, rid, review_dir, det.runs)
    if (
        earlier is not None
        and earlier.status == "ok"
        and report.lead is not None
        and report.lead.status in _NO_JUDGEMENT
    ):
        kept = _keep_earlier(p, rid, review_dir, writer, report.lead, runs)
        if kept is not None:
            return kept
    # Round N >= 2: fix verdicts, carried-forward and declined findings (after the lead, so its
    # decisions cannot drop a prior finding that is still open).
    report = rounds_step.apply(
        p, rid, report, det.seat_reviews, det.round_no, det.previous, det.outcomes
    )
    # The fix diffs the lead wrote are checked too, as the others were (a relead runs no tests:
    # they say they were not checked).
    if measured is not None:
        checks = check_lead_fixes(p, report, measured, writer)
    # After the rounds step: a carried finding gets this run's badge, not its round's.
    report = with_checks(report, checks)
    report = feedback_step.apply(report, review_dir, det.seat_reviews)
    report = with_panel_notes(report, writer.state)
    report = with_not_inlined(report, writer.state)
    # Covers the whole review (seats, lead, rendering), across resumes.
    report = dataclasses.replace(
        report, header=dataclasses.replace(report.header, wall_clock_s=round(writer.elapsed(), 1))
    )
    writer.update(lambda s: noted_seats(s, runs))
    try:
        paths = write_report(p.store, rid, report, stored_formats(p.settings.formats), redactor)
        register_status(p.store, rid, p.target, writer.state, "complete", report)
        # Last: run.json saying "complete" is what makes `resume` refuse to run again.
        now = time.time()
        written = report_records(paths)
        if relead:
            writer.set(status="complete", report=paths, report_files=written, releaded_at=now)
        else:
            writer.set(status="complete", ended_at=now, report=paths, report_files=written)
    except StoreError:
        # All or nothing: a report the index and run.json do not know about (or half of the
        # formats) would only confuse `list`, `show` and `resume`.
        remove_report(p.store, rid)
        raise
    return complete_outcome(
        p, rid, review_dir, report, paths, runs, lead_reason=writer.state.lead.reason
    )


_NO_JUDGEMENT = ("failed", "fallback")


def with_not_inlined(report: Report, state: RunState) -> Report:
    """A "Merge as-is" says when some files' diffs were not in the seats' prompts: the seats
    were told to read them with git, and no one can tell whether they did."""
    verdict = report.header.verdict
    if not state.not_inlined or verdict.label != "Merge as-is":
        return report
    clause = verdict_clause(len(state.not_inlined), len(state.target.changed_files))
    if clause in verdict.reason:
        return report
    qualified = dataclasses.replace(verdict, reason=f"{verdict.reason.rstrip('.')}; {clause}")
    # The Executive Summary restates the verdict: it says what the header says, clause included.
    summary = report.executive_summary.replace(
        verdict_sentence(verdict), verdict_sentence(qualified)
    )
    return dataclasses.replace(
        report,
        header=dataclasses.replace(report.header, verdict=qualified),
        executive_summary=summary,
    )


def _keep_earlier(
    p: Prepared,
    rid: str,
    review_dir: Path,
    writer: StateWriter,
    failed: LeadInfo,
    runs: list[SeatRun],
) -> ReviewOutcome | None:
    """The stored report stands (None if it cannot be read: the relead then writes its own)."""
    paths = dict(writer.state.report or {})
    try:
        stored = report_from_data(json.loads(Path(paths["json"]).read_text(encoding="utf-8")))
    except (KeyError, TypeError, OSError, ValueError, DeepReviewError):
        return None
    outcome = complete_outcome(p, rid, review_dir, stored, paths, runs)
    return dataclasses.replace(outcome, failed_relead=FailedRelead(failed, None))


def complete_outcome(
    p: Prepared,
    rid: str,
    review_dir: Path,
    report: Report,
    paths: dict[str, str],
    runs: list[SeatRun],
    *,
    lead_reason: str | None = None,
) -> ReviewOutcome:
    """A stored review as the commands report it: exit 3 when no seat produced a review.
    `lead_reason`: run.json's, why the lead did not judge (`--json`'s lead `reason`)."""
    ok = any(r.status == "ok" for r in runs)
    return ReviewOutcome(
        review_id=rid,
        status="complete",
        report=report,
        store_root=p.store.root,
        review_dir=review_dir,
        paths=paths,
        seats=runs,
        exit_code=ExitCode.OK if ok else ExitCode.ALL_SEATS_FAILED,
        fail_on=p.settings.fail_on,
        lead_reason=lead_reason,
        series=series_of(p.target),
    )


def write_report(
    store: Store, rid: str, report: Report, renderers: tuple[Renderer, ...], redactor: Redactor
) -> dict[str, str]:
    """`<ID><suffix>` for each of `renderers` (`stored_formats` of the request); format -> path."""
    paths: dict[str, str] = {}
    for renderer in renderers:
        path = store.root / renderer.file_name(rid)
        store.write_text(path, redactor.text(renderer.render(report)))
        paths[renderer.name] = str(path)
    return paths


def report_records(paths: Mapping[str, str]) -> dict[str, ReportFileRecord]:
    """run.json's `report_files` for the files `write_report` just wrote (format -> record)."""
    try:
        return {fmt: file_record(Path(path)) for fmt, path in paths.items()}
    except OSError as exc:
        raise StoreError(f"cannot read back the report just written: {exc}") from exc


def remove_report(store: Store, rid: str) -> None:
    for renderer in RENDERERS:
        with contextlib.suppress(OSError):
            (store.root / renderer.file_name(rid)).unlink()
