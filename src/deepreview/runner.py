"""Run seats in parallel, each in its own worktree and home; one failing seat sinks nothing."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from deepreview.agents.base import (
    Agent,
    ProgressEvent,
    SeatOutcome,
    SeatSettings,
    SeatTask,
    final_grace,
    output_cap,
)
from deepreview.agents.registry import display_name
from deepreview.errors import StoreError
from deepreview.late_imports import LATE_IMPORTS
from deepreview.runfiles import seat_files
from deepreview.runmodel import SeatRun, added_count
from deepreview.seat_output import (
    cap_review,
    checked_status,
    later_pass_state,
    later_pass_timeout,
    output_facts,
    review_json,
    seat_reason,
    seat_state,
    stats_fields,
)
from deepreview.stop_signals import StopSignals
from deepreview.store.redact import Redactor
from deepreview.store.store import Store
from deepreview.store.write_error import write_hint
from deepreview.targets.target import Target
from deepreview.untrusted_text import without_escapes
from deepreview.workspace.ledger import Ledger, recorded_group
from deepreview.workspace.worktree import (
    WorktreeState,
    isolated_home,
    seat_worktree,
    worktree_changes,
    worktree_lost,
    worktree_state,
)

_LOGGER: Final = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeatPlan:
    seat: str
    agent: Agent
    settings: SeatSettings
    timeout: float
    # The seat's text must be a review (parseable, else the seat failed); the lead answers JSON.
    writes_review: bool = True

    @property
    def display_name(self) -> str:
        return self.settings.display_name or display_name(self.seat)


@dataclass(frozen=True)
class SeatResult:
    seat: str
    review_text: str
    run: SeatRun
    # Values the seat flagged as secrets (in memory only): masked in every stored file.
    secrets: tuple[str, ...] = ()
    pass_no: int = 1


class SeatPasses(Protocol):
    """A seat's passes (`--passes N`): where each seat starts and whether it goes on.

    Every pass of a seat runs in the seat's one worktree, in the seat's own thread, so a seat's
    pass 2 never waits for another seat's pass 1. Both methods are called from seat threads.
    """

    def start(self, seat: str) -> tuple[int, str]:
        """The pass this seat starts with (1, or a later one on `resume`) and its prompt."""
        ...

    def after(self, result: SeatResult) -> str | None:
        """Record a finished pass; the prompt of the seat's next pass, or None to stop."""
        ...

    def spent(self, seat: str) -> float:
        """Seconds the seat's passes before the one `start` gave ran: they share its timeout."""
        ...


@dataclass(frozen=True)
class _Pass:
    """One pass's agent run, before its output is stored."""

    outcome: SeatOutcome
    started: float
    duration: float
    changes: tuple[str, ...] = ()
    later: bool = False  # a later pass (its earlier ones ran): the seat's review stands


def run_seat(
    plan: SeatPlan,
    *,
    target: Target,
    prompt: str,
    store: Store,
    review_dir: Path,
    env: Mapping[str, str],
    redactor: Redactor,
    cancel: threading.Event,
    allow_exec: bool = False,
    pass_no: int = 1,
    on_progress: Callable[[ProgressEvent], None] | None = None,
    passes: SeatPasses | None = None,
    on_ready: Callable[[], None] | None = None,
    ledger: Ledger | None = None,
) -> SeatResult:
    """Run the seat's passes (one, without `passes`) in one worktree; the last pass's result.
    `on_ready` is called once the seat's worktree is set up and its agent is about to start
    (or the setup failed). `ledger`: where the worktree and home are written down while they
    exist (`workspace.ledger`: a later command removes them if this process is killed)."""
    ready = on_ready or (lambda: None)
    spent = 0.0  # what the seat's earlier passes ran (before a `resume` too)
    if passes is not None:
        pass_no, prompt = passes.start(plan.seat)
        spent = passes.spent(plan.seat)
    ctx = _PassContext(plan, target, store, review_dir, env, redactor, cancel, allow_exec, ledger)
    with contextlib.ExitStack() as stack:
        t0, started = time.monotonic(), time.time()

        def unprepared(outcome: SeatOutcome) -> SeatResult:
            ready()
            ran = _Pass(outcome, started, time.monotonic() - t0)
            store.write_text(
                seat_files(review_dir, plan.seat, pass_no).prompt, redactor.text(prompt)
            )
            result = ctx.result(pass_no, ran, on_progress)
            if passes is not None:
                passes.after(result)
            return result

        try:
            worktree = stack.enter_context(
                seat_worktree(target.repo_root, target.head_sha, plan.seat, ledger, cancel=cancel)
            )
            home = stack.enter_context(isolated_home(plan.seat, ledger))
        except Exception as exc:
            _LOGGER.debug("seat %s could not run", plan.seat, exc_info=True)
            if cancel.is_set():
                # Stopped while it waited for the repository's lock or set up (the Ctrl-C may
                # have reached its git too): interrupted, so that `resume` runs it, not failed.
                return unprepared(SeatOutcome(status="interrupted", reason="interrupted"))
            # Deleted while the worktree was made, git fails on whatever it read last (a
            # missing object, a lock): the reason the user can act on is the repository's.
            cause = (
                f"the repository {target.repo_root} is gone (deleted or moved while the seats ran)"
                if not target.repo_root.exists()
                else str(exc)
            )
            return unprepared(
                SeatOutcome(status="failed", reason=f"could not prepare the seat: {cause}")
            )
        if cancel.is_set():
            # Ctrl-C came while the worktree was set up: no agent is started after it.
            return unprepared(SeatOutcome(status="interrupted", reason="interrupted"))
        # The first pass's time includes preparing the seat; a later pass's changes are those
        # made after the pass before it (they share the worktree).
        setup: float | None = time.monotonic() - t0
        ready()
        # The terminal shows the seat's run, as run.json and the retro do: its passes summed.
        earlier = _Earlier(on_progress)
        while True:
            # By content: a later pass that rewrites a file its earlier pass left, byte for
            # byte, changed nothing (the seat's own worktree: small, unlike the user's).
            before = (
                worktree_state(worktree, by_content=True, pointers=True) if setup is None else None
            )
            ran = ctx.run_agent(pass_no, prompt, worktree, home, earlier.relay, before, spent)
            if setup is not None:
                ran = dataclasses.replace(ran, started=started, duration=ran.duration + setup)
                setup = None
            result = ctx.result(pass_no, ran, earlier.relay)
            earlier.add(result.run)
            spent += result.run.duration_s or 0.0
            following = passes.after(result) if passes is not None else None
            if following is None or cancel.is_set():
                return result
            pass_no, prompt = pass_no + 1, following


class EarlierRuns:
    """The runs before the one now running (a seat's earlier passes, the lead's earlier
    attempts): its progress events show their tool calls and duration added, as the report's
    totals and run.json do. One run not measured (None) leaves the count unknown."""

    def __init__(self) -> None:
        self.tools: int | None = 0
        self.duration = 0.0

    def add(self, run: SeatRun) -> None:
        self.tools = added_count(self.tools, run.tool_calls)
        self.duration += run.duration_s or 0.0

    def added(self, event: ProgressEvent) -> ProgressEvent:
        """`event` with the earlier runs' tool calls and duration added."""
        if self.tools == 0 and not self.duration:
            return event
        duration = event.duration_s
        return dataclasses.replace(
            event,
            tool_calls=added_count(event.tool_calls, self.tools),
            duration_s=None if duration is None else round(duration + self.duration, 3),
        )


class _Earlier(EarlierRuns):
    """Progress of a seat's later pass with its earlier passes (this process ran) added."""

    def __init__(self, on_progress: Callable[[ProgressEvent], None] | None) -> None:
        super().__init__()
        self.on_progress = on_progress

    def relay(self, event: ProgressEvent) -> None:
        if self.on_progress is not None:
            self.on_progress(self.added(event))


@dataclass(frozen=True)
class _PassContext:
    """What every pass of one seat shares."""

    plan: SeatPlan
    target: Target
    store: Store
    review_dir: Path
    env: Mapping[str, str]
    redactor: Redactor
    cancel: threading.Event
    allow_exec: bool
    ledger: Ledger | None = None

    def run_agent(
        self,
        pass_no: int,
        prompt: str,
        worktree: Path,
        home: Path,
        on_progress: Callable[[ProgressEvent], None] | None,
        before: WorktreeState | None,
        spent: float = 0.0,
    ) -> _Pass:
        plan, files = self.plan, seat_files(self.review_dir, self.plan.seat, pass_no)
        self.store.write_text(files.prompt, self.redactor.text(prompt))
        started, t0 = time.time(), time.monotonic()
        if on_progress:
            on_progress(ProgressEvent(plan.seat, "state", "running"))
        limit = plan.timeout - spent  # the rest of the seat's timeout (none: it never starts)
        if limit <= 0:
            outcome = later_pass_timeout(SeatOutcome("timeout"), limit, plan.timeout)
            return _Pass(outcome, started, 0.0, later=True)
        try:
            # Agents read the unredacted prompt from their private home; the store keeps the
            # redacted copy.
            prompt_file = home / "deep-review-prompt.md"
            prompt_file.write_text(prompt, encoding="utf-8")
            task = SeatTask(
                seat=plan.seat,
                prompt=prompt,
                prompt_file=prompt_file,
                worktree=worktree,
                home=home,
                transcript_path=files.transcript,
                stderr_path=files.stderr,
                settings=plan.settings,
                timeout=limit,
                env=self.env,
                base_sha=self.target.base_sha,
                changed_files=self.target.changed_paths,
                allow_exec=self.allow_exec,
                pass_no=pass_no,
                cancel=self.cancel,
                on_progress=on_progress,
                max_output_bytes=output_cap(self.env),
                final_grace=final_grace(self.env),
                watch=functools.partial(recorded_group, self.ledger),
            )
            outcome = plan.agent.run(task)
            if spent:
                outcome = later_pass_timeout(outcome, limit, plan.timeout)
        except Exception as exc:
            _LOGGER.debug("seat %s crashed", plan.seat, exc_info=True)
            outcome = SeatOutcome(status="failed", reason=f"internal error: {exc}")
        # Later passes share the worktree: each reports only what it changed itself.
        changes = worktree_changes(worktree, self.target.head_sha, since=before, pointers=True)
        lost = worktree_lost(worktree)
        if lost is not None and outcome.status == "ok":
            # It printed something, but not about the change: its checkout was gone under it.
            outcome = dataclasses.replace(outcome, status="failed", reason=lost)
        return _Pass(outcome, started, time.monotonic() - t0, changes, later=spent > 0)

    def result(
        self, pass_no: int, ran: _Pass, on_progress: Callable[[ProgressEvent], None] | None
    ) -> SeatResult:
        """Store one pass's output (redacted) and measure it."""
        plan, store, redactor = self.plan, self.store, self.redactor
        files = seat_files(self.review_dir, plan.seat, pass_no)
        outcome = ran.outcome
        if outcome.proc is not None and outcome.proc.output_error:
            # The store is failing (disk full): what was kept is partial and unredacted.
            for path in (files.transcript, files.stderr):
                with contextlib.suppress(OSError):
                    path.unlink()
            hint = write_hint(OSError(outcome.proc.output_errno, outcome.proc.output_error))
            raise StoreError(
                f"cannot store the output of seat {plan.seat} in {self.review_dir}: "
                f"{outcome.proc.output_error}; {hint} or pass --store DIR"
            )
        for path in (files.transcript, files.stderr):
            if path.exists():
                redactor.file(path)
            else:
                store.write_bytes(path, b"")
        # (read and stored without terminal escapes; the transcript keeps what it printed)
        review_text, review_cut = cap_review(without_escapes(outcome.review_text))
        redactor.add(outcome.secrets)
        review_text = redactor.text(review_text)
        store.write_text(files.review, review_text)
        if outcome.review is not None:
            store.write_text(files.findings, redactor.json_text(review_json(outcome.review)))
        status, reason = checked_status(
            outcome,
            review_text,
            review_cut,
            # A reason quotes the seat (its stderr may echo a secret): cleaned, redacted, cut.
            reason=seat_reason(outcome.reason, redactor.text),
            seat=plan.seat,
            writes_review=plan.writes_review,
        )
        duration = ran.duration
        measures = stats_fields(outcome)
        if not plan.agent.counts_tools:
            measures["tool_calls"] = None  # its program tells none: not measured, never 0
        run = SeatRun(
            seat=plan.seat,
            status=status,
            reason=reason,
            started_at=ran.started,
            ended_at=ran.started + duration,
            duration_s=round(duration, 3),
            worktree_changes=ran.changes,
            output_truncated=review_cut or bool(outcome.proc and outcome.proc.output_truncated),
            **output_facts(outcome.proc),
            **measures,  # type: ignore[arg-type]
        )
        if on_progress:
            state = later_pass_state(status, pass_no) if ran.later else seat_state(status, reason)
            on_progress(
                ProgressEvent(plan.seat, "state", state, run.tool_calls, duration_s=run.duration_s)
            )
        return SeatResult(
            seat=plan.seat,
            review_text=review_text,
            run=run,
            secrets=outcome.secrets,
            pass_no=pass_no,
        )


# How long the idle work waits after the last seat started its agent: an agent CLI's own
# start-up (a Node CLI: 0.1-0.5 s of CPU) is on the review's critical path, the idle work (~0.3 s
# of CPU) is not, and on a two-core machine they would share the cores (benchmarks/README.md,
# "round 5": the first seat's start-up took ~40 ms longer).
AGENT_START_S: Final = 0.2


def _wait_until_ready(
    ready: threading.Semaphore,
    count: int,
    running: set[Future[SeatResult]],
    cancel: threading.Event,
    stop: StopSignals | None,
) -> None:
    """Until `count` seats said they are ready and `AGENT_START_S` more passed, or every seat
    ended, or a stop was asked for."""

    def over() -> bool:
        stopped = cancel.is_set() or (stop is not None and stop.requested)
        return stopped or all(fut.done() for fut in running)

    for _ in range(count):
        while not ready.acquire(timeout=0.05):
            if over():
                return
    deadline = time.monotonic() + AGENT_START_S
    while (left := deadline - time.monotonic()) > 0 and not over():
        cancel.wait(min(0.05, left))


def run_seats(
    plans: list[SeatPlan],
    *,
    on_result: Callable[[SeatResult], None],
    cancel: threading.Event,
    stop: StopSignals | None = None,
    idle: Callable[[], None] | None = None,
    **kwargs: object,
) -> tuple[list[SeatResult], bool]:
    """Run all plans at once. Returns (results in plan order, interrupted?).

    Ctrl-C (a stop requested through `stop`, or a KeyboardInterrupt when no `StopSignals` is
    active) sets `cancel`; every seat then kills its process group and removes its worktree
    before we return. `idle` runs once in this (main) thread while the seats work.
    """
    results: dict[str, SeatResult] = {}
    interrupted = False
    error: Exception | None = None
    ready = threading.Semaphore(0)
    with ThreadPoolExecutor(max_workers=max(1, len(plans)), thread_name_prefix="seat") as pool:
        futures: dict[Future[SeatResult], SeatPlan] = {
            pool.submit(
                run_seat,
                plan,
                cancel=cancel,
                on_ready=ready.release,
                **kwargs,  # type: ignore[arg-type]
            ): plan
            for plan in plans
        }
        pending = set(futures)
        if idle is not None:
            # The seats set up their worktrees and start their agents first: the idle work
            # (imports, ~0.3 s of CPU) would hold the GIL that they need for it, and delay them.
            try:
                _wait_until_ready(ready, len(plans), pending, cancel, stop)
                with LATE_IMPORTS:  # its imports must not meet a seat thread's (late_imports.py)
                    idle()
            except KeyboardInterrupt:  # Ctrl-C without StopSignals: as in the loop below
                interrupted = True
                cancel.set()
            except Exception:  # only ever an optimisation: never fail the review
                _LOGGER.debug("idle work failed", exc_info=True)
        while pending:
            try:
                done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            except KeyboardInterrupt:
                interrupted = True
                cancel.set()
                continue
            if stop is not None and stop.requested and not cancel.is_set():
                interrupted = True
                cancel.set()
            for fut in done:
                try:
                    result = fut.result()
                    if error is None and (interrupted or cancel.is_set()):
                        interrupted = True
                    results[result.seat] = result
                    on_result(result)
                except Exception as exc:  # re-raised below, once every seat is down
                    # The store failed (a seat's own failure never raises): stop every seat
                    # instead of waiting for them, then report the first error.
                    _LOGGER.debug("stopping all seats after an error", exc_info=True)
                    error = error or exc
                    cancel.set()
    if error is not None:
        raise error
    ordered = [results[p.seat] for p in plans if p.seat in results]
    stopped = stop is not None and stop.requested
    return ordered, interrupted or stopped or cancel.is_set()
