"""Run seats in parallel, each in its own worktree and home; one failing seat sinks nothing."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Final, Protocol

from deepreview.agents.base import ProgressEvent, SeatOutcome
from deepreview.late_imports import LATE_IMPORTS
from deepreview.runfiles import seat_files
from deepreview.runmodel import SeatRun, added_count
from deepreview.seat_pass import PassContext, SeatPass, SeatPlan, SeatResult
from deepreview.stop_signals import StopSignals
from deepreview.store.redact import Redactor
from deepreview.store.store import Store
from deepreview.targets.target import Target
from deepreview.workspace.ledger import Ledger
from deepreview.workspace.worktree import isolated_home, seat_worktree, worktree_state

_LOGGER: Final = logging.getLogger(__name__)


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
    ctx = PassContext(plan, target, store, review_dir, env, redactor, cancel, allow_exec, ledger)
    with contextlib.ExitStack() as stack:
        t0, started = time.monotonic(), time.time()

        def unprepared(outcome: SeatOutcome) -> SeatResult:
            ready()
            ran = SeatPass(outcome, started, time.monotonic() - t0)
            store.write_text(
                seat_files(review_dir, plan.seat, pass_no).prompt, redactor.text(prompt)
            )
            result = ctx.result(pass_no, ran, on_progress)
            if passes is not None:
                passes.after(result)
            return result

        try:
            worktree = stack.enter_context(
                seat_worktree(
                    target.repo_root, target.head_sha, plan.seat, ledger, cancel=cancel, env=env
                )
            )
            home = stack.enter_context(isolated_home(plan.seat, ledger, env))
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
