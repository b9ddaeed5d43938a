"""`deep-review review`: run the seats, then finish the report; `resume` (`pipeline.resume`)
runs the seats and the report through the same steps.

All checks that can fail on bad input (repo, target, config, trust, seat names, store) happen in
`pipeline.prepare` before anything is written or started, so bad input leaves nothing
half-written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from deepreview.agents.base import ProgressEvent
from deepreview.config import (
    CliOverrides,
)
from deepreview.config_trust import content_hash
from deepreview.errors import (
    ConfigError,
    GitError,
    StoreError,
)
from deepreview.pipeline import index_step, pr_series, rounds_prompt_step
from deepreview.pipeline.checkout_watch import CheckoutWatch, checkout_note
from deepreview.pipeline.context import Prepared, ReviewOutcome, StateWriter, interrupted_outcome
from deepreview.pipeline.passes_step import (
    SeatPassRecorder,
    interrupted_passes,
    seat_runs_after_interrupt,
)
from deepreview.pipeline.prepare import settings_record
from deepreview.pipeline.runstate import (
    RERUN_STATUSES,
    RunState,
    new_state,
)
from deepreview.prompts.review import (
    build_review_prompt,
    diff_plan,
    new_nonce,
    read_base_context,
    untrusted_fences,
)
from deepreview.runfiles import RUN_JSON
from deepreview.runner import SeatPlan, run_seats
from deepreview.stop_signals import StopSignals
from deepreview.store import runlock
from deepreview.store.store import Store
from deepreview.targets.target import review_id


def execute(
    p: Prepared, *, on_progress: Callable[[ProgressEvent], None] | None = None
) -> ReviewOutcome:
    # From the first write on, Ctrl-C / SIGTERM only request a stop (see `StopSignals`) until
    # the seats are stopped and run.json says so: `resume` then always has a consistent record.
    with StopSignals() as stop:
        return _execute(p, stop, on_progress)


def _execute(
    p: Prepared, stop: StopSignals, on_progress: Callable[[ProgressEvent], None] | None
) -> ReviewOutcome:
    now = datetime.now().astimezone()
    p = pr_series.for_range(p)
    rid, review_dir = p.store.create_review_dir(review_id(p.target, now, p.redactor().name))
    writer: StateWriter | None = None
    with contextlib.ExitStack() as held:
        try:
            # Held until the review ends, however it ends (released after `store_failed`): a
            # run.json left saying running by a process killed outright is told from this one.
            held.enter_context(runlock.holding(review_dir, rid, "review", then="resume it"))
            writer, prompt = _start(p, rid, review_dir, now)
            return run_and_finish(p, rid, review_dir, prompt, writer, p.plans, on_progress, stop)
        except StoreError as exc:
            raise store_failed(p, rid, review_dir, writer, exc) from exc


def seat_prompt(
    p: Prepared,
    rid: str,
    created_at: str,
    threads_store: Store,
    threads_dir: Path,
    *,
    rounds: bool = True,
    pinned: str | None = None,
) -> SeatPrompt:
    """The seats' prompt (`review`, `resume`, `--seat-only`): the change and the base revision's
    context, the previous round's findings on a later round, and a PR's unresolved threads —
    fetched once into `threads_dir`, read from there afterwards. `pinned`: the previous round
    an earlier prompt of this review named (run.json's `previous_round`)."""
    base_ctx = read_base_context(p.target, p.steering)
    nonce = new_nonce()
    fences = untrusted_fences(nonce)
    prompt = build_review_prompt(p.target, base_ctx, budget=p.settings.diff_budget, nonce=nonce)
    prev = rounds_prompt_step.previous_round(p, rid, created_at, pinned) if rounds else None
    prompt += rounds_prompt_step.prompt_addition(p, prev, fences)
    if p.target.pr is not None:
        # Only a PR has threads. Lazy: feedback_step brings the GitHub client and consolidation,
        # which any other review would import before its first seat for nothing
        # (benchmarks/README.md, "first seat spawned after").
        from deepreview.pipeline import feedback_step

        fetched = feedback_step.threads_for(
            p.target, threads_store, threads_dir, p.env, p.redactor()
        )
        prompt += feedback_step.prompt_addition(fetched, fences)
    return SeatPrompt(prompt, prev.row.id if prev is not None else "")


@dataclasses.dataclass(frozen=True)
class SeatPrompt:
    text: str
    previous_round: str  # the previous round's review ID it names, "" for none (run.json)


def _start(p: Prepared, rid: str, review_dir: Path, now: datetime) -> tuple[StateWriter, str]:
    """Write the first run.json and index row; the writer, and the seats' prompt."""
    created_at = now.isoformat(timespec="seconds")
    sp = seat_prompt(p, rid, created_at, p.store, review_dir)
    state = new_state(
        review_id=rid,
        created_at=created_at,
        started_at=time.time(),
        target=p.target,
        seats={plan.seat: plan.display_name for plan in p.plans},
        lead=p.lead,
        lead_requested=p.settings.lead,
        notes=p.notes,
        settings=settings_record(p),
    )
    # `resume` after Ctrl-C needs the same --config seats: keep where it was and what it said.
    state = with_config(state, p.settings_cli)
    not_inlined = tuple(f.path for f in diff_plan(p.target, p.settings.diff_budget).omitted)
    state = dataclasses.replace(
        state, panel=p.panel, previous_round=sp.previous_round, not_inlined=not_inlined
    )
    writer = StateWriter(p.store, review_dir, state, p.redactor())
    writer.update()
    index_step.register_running(p.store, rid, p.target, state)
    return writer, sp.text


def with_config(state: RunState, cli: CliOverrides | None) -> RunState:
    """`state` recording the run's `--config FILE` (absolute path and SHA-256), if any."""
    path = cli.config_path if cli is not None else None
    if path is None:
        return state
    try:
        digest = content_hash(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read --config {path}: {exc}") from exc
    return dataclasses.replace(state, config_path=str(path.resolve()), config_sha256=digest)


def store_failed(
    p: Prepared, rid: str, review_dir: Path, writer: StateWriter | None, exc: StoreError
) -> StoreError:
    """Record, as far as the failing store allows, that this run stopped; the error to raise."""
    if writer is None or not (review_dir / RUN_JSON).is_file():
        # Nothing worth resuming was written: leave no empty review folder behind.
        shutil.rmtree(review_dir, ignore_errors=True)
        return exc
    with contextlib.suppress(StoreError):
        writer.set(status="failed", error=exc.message)
    with contextlib.suppress(StoreError):
        index_step.register_status(p.store, rid, p.target, writer.state, "failed")
    return StoreError(f"{exc.message}; once fixed, `deep-review resume {rid}` finishes this review")


def run_and_finish(
    p: Prepared,
    rid: str,
    review_dir: Path,
    prompt: str,
    writer: StateWriter,
    plans: list[SeatPlan],
    on_progress: Callable[[ProgressEvent], None] | None,
    stop: StopSignals,
    starts: Mapping[str, int] | None = None,
) -> ReviewOutcome:
    """Run the seats (with `stop` active), then finish the report (with it released).
    `starts`: seats that start with a later pass (resume), seat -> pass number."""
    redactor = writer.redactor  # the one run.json is written with: it learns what seats flag
    cancel = threading.Event()
    # Records each seat's passes in run.json as they end (in the seat threads); a seat goes on
    # to its next pass in its own worktree without waiting for the others.
    recorder = SeatPassRecorder(
        writer,
        review_dir,
        passes=p.settings.passes,
        prompt=prompt,
        starts=starts,
        once={plan.seat for plan in plans if plan.agent.deterministic},
    )

    lookup: list[pr_series.PrLookup | None] = [None]

    def idle() -> None:
        # Every seat has started its agent: run.json says so (`pending` is "not started", what
        # `resume` owes). Then ask GitHub (if it can) for the branch's open PR, whose series the
        # report joins.
        writer.update(lambda s: _mark_running(s, [plan.seat for plan in plans]))
        lookup[0] = pr_series.start(p.target, p.env)
        index_step.while_seats_run(p.store)

    checkout = CheckoutWatch.start(p.target.repo_root)
    # A stop requested while we were still preparing starts no seat at all.
    interrupted = stop.requested
    if not interrupted:
        _, interrupted = run_seats(
            plans,
            on_result=lambda result: None,  # the recorder wrote it
            cancel=cancel,
            stop=stop,
            target=p.target,
            prompt=prompt,
            store=p.store,
            review_dir=review_dir,
            env=p.env,
            redactor=redactor,
            allow_exec=p.settings.allow_exec,
            on_progress=on_progress,
            idle=idle,
            passes=recorder,
            ledger=p.store.ledger(rid),
        )
    gone = not interrupted and checkout.gone()
    if not gone:
        _note_checkout_changes(writer, checkout.changes(p.store.root))
    if interrupted and lookup[0] is not None:
        lookup[0].cancel()  # keep what it found, do not wait for it
    p = pr_series.joined(p, lookup[0], writer)
    if interrupted:
        _mark_interrupted(p, rid, writer)
        stop.release()
        return interrupted_outcome(p, rid, review_dir, seat_runs_after_interrupt(writer.state))
    # Rendering may take a while on a big change: Ctrl-C is a plain KeyboardInterrupt again
    # (run.json still says running; `resume` finishes the report).
    stop.release()
    if gone:
        raise _repository_gone(p, rid, review_dir, writer)
    # The report step: imported while the seats ran (`index_step.while_seats_run`), not before.
    from deepreview.pipeline import finish

    return finish.finish_review(p, rid, review_dir, writer, redactor, on_progress)


def _repository_gone(p: Prepared, rid: str, review_dir: Path, writer: StateWriter) -> GitError:
    """The checkout was deleted while the seats ran: the lead and the report would read a
    repository that is not there. The seats' reviews stay in the store; the review is marked
    failed, which `resume` finishes once the checkout is back."""
    message = (
        f"the repository {p.target.repo_root} is gone (deleted or moved while the seats ran); "
        f"the seats' reviews are kept in {review_dir}: put the checkout back and run "
        f"`deep-review resume {rid}` there"
    )
    writer.set(status="failed", error=message)
    index_step.register_status(p.store, rid, p.target, writer.state, "failed")
    return GitError(message)


def _note_checkout_changes(writer: StateWriter, changes: tuple[str, ...]) -> None:
    if changes:
        note = checkout_note(changes)
        writer.update(lambda s: dataclasses.replace(s, notes=(*s.notes, note)))


def _mark_running(s: RunState, seats: list[str]) -> RunState:
    # A seat that already ended (its recorder wrote ok/failed) keeps its status.
    for name in seats:
        entry = s.seats.get(name)
        if entry is not None and entry.status == "pending":
            s = s.with_seat(name, status="running")
    return s


def _mark_interrupted(p: Prepared, rid: str, writer: StateWriter) -> None:
    # Seats cut short by Ctrl-C are pending again: `resume` reruns exactly those.
    def mark(s: RunState) -> RunState:
        for name, entry in s.seats.items():
            if entry.status in RERUN_STATUSES:
                s = s.with_seat(name, status="pending")
        return dataclasses.replace(interrupted_passes(s), status="interrupted")

    writer.update(mark)
    index_step.register_status(p.store, rid, p.target, writer.state, "interrupted")
