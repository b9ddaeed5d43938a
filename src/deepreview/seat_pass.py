"""One pass of a seat: what it runs (`SeatPlan`), its agent's run in the seat's worktree and
home, and its output stored (redacted) and measured (`SeatResult`). `runner` runs the passes
and the seats."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

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
from deepreview.runfiles import seat_files
from deepreview.runmodel import SeatRun
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
from deepreview.store.redact import Redactor
from deepreview.store.store import Store
from deepreview.store.write_error import write_hint
from deepreview.targets.target import Target
from deepreview.untrusted_text import without_escapes
from deepreview.workspace.ledger import Ledger, recorded_group
from deepreview.workspace.worktree import WorktreeState, worktree_changes, worktree_lost

# (the runner's: a seat's debug lines read as one log, as before the pass had a module)
_LOGGER: Final = logging.getLogger("deepreview.runner")


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


@dataclass(frozen=True)
class SeatPass:
    """One pass's agent run, before its output is stored."""

    outcome: SeatOutcome
    started: float
    duration: float
    changes: tuple[str, ...] = ()
    later: bool = False  # a later pass (its earlier ones ran): the seat's review stands


@dataclass(frozen=True)
class PassContext:
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
    ) -> SeatPass:
        plan, files = self.plan, seat_files(self.review_dir, self.plan.seat, pass_no)
        self.store.write_text(files.prompt, self.redactor.text(prompt))
        started, t0 = time.time(), time.monotonic()
        if on_progress:
            on_progress(ProgressEvent(plan.seat, "state", "running"))
        limit = plan.timeout - spent  # the rest of the seat's timeout (none: it never starts)
        if limit <= 0:
            outcome = later_pass_timeout(SeatOutcome("timeout"), limit, plan.timeout)
            return SeatPass(outcome, started, 0.0, later=True)
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
        return SeatPass(outcome, started, time.monotonic() - t0, changes, later=spent > 0)

    def result(
        self, pass_no: int, ran: SeatPass, on_progress: Callable[[ProgressEvent], None] | None
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
