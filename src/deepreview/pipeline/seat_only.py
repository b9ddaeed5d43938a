"""`deep-review review … --seat-only NAME --out DIR`: one seat, on one runner, no report.

The seat runs exactly as in a normal review (same target resolution, prompt, worktree and home
isolation, redaction); what it leaves is a portable seat result in DIR (`seat_result`) instead
of a stored review: no consolidation, no lead, and no entry in the review store. DIR is the
whole record of the run; `deep-review finish --from DIR...` turns several of them into one
stored review.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deepreview import __version__
from deepreview.agents.base import ProgressEvent
from deepreview.errors import ExitCode, UsageError
from deepreview.pipeline.checkout_watch import CheckoutWatch, checkout_note
from deepreview.pipeline.context import Prepared, series_of
from deepreview.pipeline.prepare import ReviewRequest, explained_config_errors, resolve
from deepreview.pipeline.review import seat_prompt
from deepreview.pipeline.seat_result import (
    SEAT_NAME,
    RecordedSeat,
    SeatResultRecord,
    diff_hash,
    file_hash,
    read_seat_name,
)
from deepreview.pipeline.seats import agents_source, plan_seat, require_usable
from deepreview.runfiles import SEAT_RESULT_JSON, THREADS_JSON, seat_file_globs, seat_files
from deepreview.runmodel import SeatRun
from deepreview.runner import SeatPlan, SeatResult, run_seats
from deepreview.stop_signals import StopSignals
from deepreview.store.location import review_store_root
from deepreview.store.redact import Redactor
from deepreview.store.store import Store
from deepreview.userpaths import path_problem


@dataclass(frozen=True)
class SeatOnly:
    """A checked `--seat-only` run, ready to start: nothing is written yet."""

    prepared: Prepared
    plan: SeatPlan
    panel: tuple[str, ...]
    out_dir: Path
    history: Store | None  # the review store, when it exists: a later round's prompt needs it


@dataclass(frozen=True)
class SeatOnlyOutcome:
    out_dir: Path
    record: SeatResultRecord
    exit_code: ExitCode
    notes: tuple[str, ...] = ()  # for the terminal, redacted: the checkout changed, say


def _refuse_ignored_options(req: ReviewRequest) -> None:
    """A review option that would have no effect on one seat's run is refused (exit 2), as a
    review refuses what it cannot honour, rather than accepted and dropped without a word.
    Checked before the settings are read: `--check-fixes` is refused as such, not first
    sent for an `--allow-exec` that would not make it run."""
    cli = req.cli
    if req.panel is not None:
        raise UsageError("--seat-only runs the seat it names; drop --panel")
    if req.budget_usd is not None:  # whatever its value: `nan` too
        raise UsageError(
            "--seat-only runs the seat it names; drop --budget-usd (it sizes --panel auto)"
        )
    if cli.lead is not None:
        raise UsageError("--seat-only runs no lead; pass --lead to `deep-review finish`")
    if cli.formats is not None:
        raise UsageError(
            "--seat-only writes no report; drop --format and pass it to `deep-review finish`"
        )
    if cli.check_fixes or cli.probe_tests:
        raise UsageError("--seat-only runs no checks; drop --check-fixes/--probe-tests")
    for name, value in (
        ("--test-cmd", cli.test_cmd),
        ("--probe-max", cli.probe_max),
        ("--probe-minutes", cli.probe_minutes),
        ("--jobs", cli.jobs),
    ):
        if value is not None:
            raise UsageError(f"--seat-only runs no checks; drop {name}")


def prepare_seat_only(req: ReviewRequest, seat: str, out_dir: Path) -> SeatOnly:
    """Every check a review makes before it writes, plus the `--out` folder's."""
    if not SEAT_NAME.match(seat):
        raise UsageError(f"--seat-only {seat!r}: not a seat name (e.g. --seat-only claude)")
    if req.uncommitted:
        raise UsageError(
            "--seat-only reviews a commit other machines can fetch; commit the change first "
            "(--uncommitted makes a commit that exists only here)"
        )
    _refuse_ignored_options(req)
    r = resolve(req)
    settings = r.settings
    if settings.passes > 1:
        raise UsageError("--seat-only runs one pass; drop --passes/--thorough (or passes = 1)")
    panel = tuple(settings.agents) if settings.agents else (seat,)
    if seat not in panel:
        # the list may not be on the command line at all: say which setting holds it
        where, _ = agents_source(settings)
        fix = {
            "--agents": "add it to --agents or drop --agents",
            "DEEP_REVIEW_AGENTS": "add it to DEEP_REVIEW_AGENTS or unset it",
        }.get(where, "add it there, or pass --agents naming it")
        raise UsageError(
            f"--seat-only {seat}: not one of the review's seats ({', '.join(panel)}), "
            f"which {where} names; {fix}"
        )
    with explained_config_errors(r.copy_note):
        plan = plan_seat(seat, settings)
        require_usable(plan, req.env)
    _check_out_dir(out_dir, seat)
    _refuse_links_in_checkout(out_dir, Path(r.target.repo_root))
    # made now, as a review makes its store: a folder that cannot be is refused before the
    # review is announced
    Store(out_dir).ensure_writable(store=False)
    root = review_store_root(settings.store, r.target, req.env)
    history = Store(root) if (root / "index.sqlite").is_file() else None
    prepared = Prepared(
        r.target,
        settings,
        history or Store(out_dir),
        [plan],
        "none",
        list(r.target.notes),
        req.env,
        r.steering,
        warnings=(r.copy_note,) if r.copy_note else (),
        settings_cli=req.cli,
    )
    return SeatOnly(prepared, plan, panel, out_dir, history)


def _check_out_dir(out_dir: Path, seat: str) -> None:
    if (why := path_problem(out_dir)) is not None:
        raise UsageError(f"--out {out_dir}: {why}; pass another folder for the seat result")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} is a file; pass a folder for the seat result")
    if not out_dir.is_dir() or not any(out_dir.iterdir()):
        return
    held = read_seat_name(out_dir)
    if held is None:
        raise UsageError(
            f"--out {out_dir} is not empty and holds no seat result; pass a new or empty folder"
        )
    if held != seat:
        raise UsageError(
            f"--out {out_dir} already holds the seat result of {held}; pass another folder "
            f"for {seat} (one folder per seat)"
        )


def _refuse_links_in_checkout(out_dir: Path, repo_root: Path) -> None:
    """In CI the checkout is the reviewed change's, which may commit `--out`'s folder (or one
    above it) as a symbolic link to any folder of the runner: nothing is written through it."""
    out = Path(os.path.abspath(out_dir))
    try:
        parts = out.relative_to(repo_root).parts
    except ValueError:
        return  # outside the checkout: the user's own path, links and all
    here = repo_root
    for part in parts:
        here = here / part
        if here.is_symlink():
            raise UsageError(
                f"--out {out_dir}: {here.relative_to(repo_root)} is a symbolic link in the "
                "checkout (the reviewed change may have put it there); pass a folder that is "
                "no link, e.g. one outside the checkout"
            )


def run_seat_only(
    s: SeatOnly, *, on_progress: Callable[[ProgressEvent], None] | None = None
) -> SeatOnlyOutcome:
    p = s.prepared
    out = Store(s.out_dir)
    # Rerunning the same seat into its own folder replaces its old files, never another's.
    for pattern in (*seat_file_globs(s.plan.seat), SEAT_RESULT_JSON, THREADS_JSON):
        for old in s.out_dir.glob(pattern):
            old.unlink()
    created_at = datetime.now().astimezone().isoformat(timespec="seconds")
    redactor = p.redactor()
    # A later round asks about the previous round's findings, as a local review would; that
    # needs the review store the previous rounds are in. A PR's threads go into DIR: `finish`
    # reports on them.
    # No review ID: the result is stored nowhere, so no stored review is this run (the ID a
    # review would get can be that of the previous round, stored in the same second).
    sp = seat_prompt(p, "", created_at, out, s.out_dir, rounds=s.history is not None)
    # The round the seat is asked about, for `finish` to compare with (None: no store to ask).
    previous_round = sp.previous_round if s.history is not None else None
    # The same check of the user's checkout as a review's (`--out` and the store are ours).
    checkout = CheckoutWatch.start(p.target.repo_root)
    with StopSignals() as stop:
        results, interrupted = _run(s, sp.text, out, redactor, stop, on_progress)
    changes = checkout.changes(s.out_dir, p.store.root)
    run = results[0].run if results else SeatRun(s.plan.seat, "interrupted", "interrupted")
    if interrupted and run.status == "ok":
        run = dataclasses.replace(run, status="interrupted", reason="interrupted")
    _mask_flagged(s, run, redactor)
    record = _record(s, run, created_at, previous_round, changes)
    out.write_json(s.out_dir / SEAT_RESULT_JSON, redactor.json(record.to_data()))
    if interrupted:
        code = ExitCode.INTERRUPTED
    else:
        code = ExitCode.OK if run.status == "ok" else ExitCode.ALL_SEATS_FAILED
    notes = (redactor.text(checkout_note(changes)),) if changes else ()
    return SeatOnlyOutcome(s.out_dir, record, code, notes)


def _run(
    s: SeatOnly,
    prompt: str,
    out: Store,
    redactor: Redactor,
    stop: StopSignals,
    on_progress: Callable[[ProgressEvent], None] | None,
) -> tuple[list[SeatResult], bool]:
    p = s.prepared
    if stop.requested:
        return [], True
    return run_seats(
        [s.plan],
        on_result=lambda result: None,
        cancel=threading.Event(),
        stop=stop,
        target=p.target,
        prompt=prompt,
        store=out,
        review_dir=s.out_dir,
        env=p.env,
        redactor=redactor,
        allow_exec=p.settings.allow_exec,
        on_progress=on_progress,
    )


def _mask_flagged(s: SeatOnly, run: SeatRun, redactor: Redactor) -> None:
    """Mask, in DIR's files, what the seat flagged as a secret, as `finish` does in a review
    folder: DIR travels as a CI artifact, and its prompt holds the diff with the value.
    Before `_record`, which hashes the files as they stay."""
    # Imported here, after the seat ran: the report's modules stay out of the seat's start.
    from deepreview.pipeline import secret_sweep
    from deepreview.pipeline.stored_seats import repository_paths, stored_review

    if run.status == "ok":
        target = s.prepared.target
        # read as the report reads it: a secret at `ops/bootstrap:3` is masked here too
        review = stored_review(
            s.out_dir, s.plan.seat, target.changed_paths, repository_paths(target), target.repo_root
        )
        redactor.add(secret_sweep.flagged_values(s.prepared.target, [review]))
    if redactor.extended:
        secret_sweep.sweep(s.out_dir, redactor)


def _record(
    s: SeatOnly,
    run: SeatRun,
    created_at: str,
    previous_round: str | None,
    checkout_changes: tuple[str, ...],
) -> SeatResultRecord:
    p, plan = s.prepared, s.plan
    target = p.target
    files = seat_files(s.out_dir, plan.seat)
    names = {k: v for k, v in files.names().items() if (s.out_dir / v).is_file()}
    if files.findings.is_file():
        names["findings"] = files.findings.name
    return SeatResultRecord(
        seat=plan.seat,
        seat_settings=recorded_seat(plan),
        panel=s.panel,
        created_at=created_at,
        status=run.status,
        reason=run.reason,
        run=run,
        target=dataclasses.replace(target, diff=""),
        diff_sha256=diff_hash(target.diff),
        pr_number=target.pr.number if target.pr else None,
        series=series_of(target),
        deep_review_version=__version__,
        files=names,
        # Every file `finish` reads, the PR's threads included (`finish_reads`).
        file_sha256={
            n: h
            for n in (*names.values(), THREADS_JSON)
            if (h := file_hash(s.out_dir / n)) is not None
        },
        previous_round=previous_round,
        checkout_changes=checkout_changes,
    )


def recorded_seat(plan: SeatPlan) -> RecordedSeat:
    st = plan.settings
    return RecordedSeat(
        display_name=plan.display_name,
        kind=st.kind,
        model=st.model,
        effort=st.effort,
        model_label=st.model_label,
    )
