"""The part every transcript-producing CLI adapter shares.

Subclasses say how to build the command (`build`), which transcript format stdout is, and how
their CLI signals failure (`failure`); this class runs it (through `CliAgent.run`), feeds a live
parser for progress, parses the transcript with `deepreview.transcripts`, and decides the status.
"""

from __future__ import annotations

import threading
from abc import abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, Final

from deepreview import proc
from deepreview.agents import _doctor
from deepreview.agents._home import sync_back_credentials, user_env
from deepreview.agents._park import parked, seat_parked
from deepreview.agents._stderr import Retries, stderr_retries, stderr_tail
from deepreview.agents.base import (
    Availability,
    CliAgent,
    ProgressEvent,
    SeatOutcome,
    SeatSettings,
    SeatTask,
    outcome_from_proc,
)
from deepreview.transcripts import parse_file
from deepreview.transcripts.stats import TranscriptStats
from deepreview.transcripts.stream import StreamParser

_LABEL_MAX: Final = 120
# A review that stopped before its end: the words `findings.readable.UNFINISHED` fails one with.
UNFINISHED_REVIEW: Final = "unfinished review"
# Seats of one agent run in threads side by side: their live parsers share the agent's dict.
_LIVE_LOCK: Final = threading.Lock()


def tool_label(tool: str | None, what: str | None) -> str:
    label = f"{tool}: {what}" if tool and what else (tool or "")
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


def _last_error(stats: TranscriptStats | None, retries: Retries | None) -> str:
    """Why a timed-out seat got nowhere, when its transcript or its retries say: a CLI
    retrying a 429 or an unreachable server until the timeout is not a slow review."""
    if stats is not None and stats.errors:
        return f" (last error: {stats.errors[-1][:300]})"
    return f" (last error: {retries})" if retries is not None else ""


class TranscriptCliAgent(CliAgent):
    """A `CliAgent` whose stdout is a JSONL transcript that `transcript_parser` reads."""

    transcript_parser: ClassVar[type[StreamParser]]

    # -- setup -------------------------------------------------------------------------------
    def binary(self, task: SeatTask) -> str:
        s = task.settings
        return _doctor.resolve_binary(s, task.env, self.default_binary) or (
            s.binary or self.default_binary
        )

    @abstractmethod
    def check_auth(self, settings: SeatSettings, env: Mapping[str, str]) -> tuple[bool | None, str]:
        """(looks authenticated?, how we know) from the environment the seat will get."""

    def availability(self, settings: SeatSettings, env: Mapping[str, str]) -> Availability:
        return _doctor.check(
            name=self.name,
            display=self.display_name,
            settings=settings,
            env=env,
            default_binary=self.default_binary,
            npm_package=self.npm_package or "",
            auth=self.check_auth(settings, _with_values(user_env(settings.env, env))),
        )

    # -- running -----------------------------------------------------------------------------
    def run(self, task: SeatTask) -> SeatOutcome:
        names = seat_parked(task.worktree)
        try:
            with parked(task.worktree, names, task.home / "parked-seat-files", files_only=True):
                return super().run(task)
        finally:
            sync_back_credentials(task.home)

    def line_observer(self, task: SeatTask) -> Callable[[bytes], None] | None:
        """Progress (tool calls so far), and a parser that sees every line: past the output
        cap the stored transcript keeps only its head and tail, and the tool calls between
        are counted from this one (`read_stats`)."""
        on_progress = task.on_progress
        parser = self.transcript_parser()
        with _LIVE_LOCK:
            self._live()[task.transcript_path] = parser
        seen = [0]

        def observe(line: bytes) -> None:
            parser.feed(line)
            count = parser.tool_call_count
            if count == seen[0] or on_progress is None:
                return
            seen[0] = count
            call = parser.last_call
            what = (call.command or call.detail) if call is not None else None
            tool = call.tool if call is not None else parser.last_tool
            on_progress(ProgressEvent(task.seat, "tool", tool_label(tool, what), count))

        return observe

    @staticmethod
    def prompt_bytes(task: SeatTask) -> bytes:
        """The prompt goes on stdin: no ARG_MAX limit, and not visible in `ps`."""
        return task.prompt.encode("utf-8")

    # -- reading the result ----------------------------------------------------------------------
    def api_retries(self, task: SeatTask) -> Retries | None:
        """The API retries the CLI reported outside its transcript: on stderr (Gemini), unless
        a subclass knows where else its CLI says so."""
        return stderr_retries(task.stderr_path)

    def interpret(self, task: SeatTask, result: proc.ProcResult) -> SeatOutcome:
        stats = self.read_stats(task, result)
        seen = self.api_retries(task)
        if stats is not None and not stats.retries and seen is not None:
            # A CLI whose transcript does not report retries may say so elsewhere.
            stats = replace(stats, retries=seen.count, retry_causes=(seen.cause,))
        model = (stats.model if stats is not None else None) or task.settings.model
        if result.timed_out or result.cancelled:
            _, reason = outcome_from_proc(result)
            # A seat stopped by its timeout or by Ctrl-C keeps what it had written (its
            # review file; the report's appendix shows a timed-out seat's as cut short, and
            # `finish` a `--seat-only` seat's stopped on its runner, neither read for
            # findings), as a command seat keeps what it printed; its raw stream is in its
            # transcript already. A review's `resume` runs a Ctrl-C'd seat again.
            written = stats.final_text if stats is not None else ""
            if result.timed_out:
                reason = f"{reason or 'timed out'}{_last_error(stats, seen)}"
            status: Final = "timeout" if result.timed_out else "interrupted"
            return SeatOutcome(
                status, review_text=written, reason=reason, stats=stats, proc=result, model=model
            )
        if result.spawn_error:
            return SeatOutcome("failed", reason=result.spawn_error, proc=result, model=model)
        # The model's own text (the parsers leave out the CLI's error messages), kept even when
        # the CLI then ended in an error (Claude's `error_max_turns` result, Codex's
        # `turn.failed`, Gemini's error result): a review written before it is no review lost.
        text = stats.final_text if stats is not None else ""
        finished = stats is not None and stats.ended_normally and bool(text.strip())
        failure = self.failure(task, result, stats)
        if failure is None and stats is not None and stats.cut_off and text.strip():
            # Cut by the output limit: unfinished, whatever the exit code (Claude Code exits 1
            # then); never read as a complete review that only exited oddly (below).
            failure = f"{UNFINISHED_REVIEW}: its answer was cut off by {stats.cut_off}"
        if failure is None and not result.ok:
            if finished and result.stopped_after_done is not None:
                # It printed its final result and did not exit (kept alive by a hook, a server
                # or a child): its work was done, the review complete. The stop is noted.
                return SeatOutcome("ok", review_text=text, stats=stats, proc=result, model=model)
            failure = result.describe_failure()
            tail = stderr_tail(task.stderr_path)
            if tail:
                failure += f": {tail}"
            if finished and result.returncode is not None and result.returncode > 0:
                # A non-zero exit after a complete, successful run: what it wrote decides, as
                # for a command seat (`seat_output.checked_status`); the exit is noted.
                return SeatOutcome(
                    "failed", review_text=text, reason=failure, stats=stats, proc=result,
                    model=model, output_decides=True,
                )  # fmt: skip
        if failure is None and not text.strip():
            failure = "empty review (the agent produced no final answer)"
        if failure is not None:
            # What it wrote is kept in its review file, shown in the report's appendix as a
            # failed seat's output (not read for findings).
            return SeatOutcome(
                "failed", review_text=text, reason=failure, stats=stats, proc=result, model=model
            )
        return SeatOutcome("ok", review_text=text, stats=stats, proc=result, model=model)

    def done_watch(self, task: SeatTask, done: threading.Event) -> Callable[[bytes], None] | None:
        """Done once the live parser has seen the CLI's final event (`line_observer` made it,
        and `CliAgent.run` calls it before this on every line)."""
        with _LIVE_LOCK:
            parser = self._live().get(task.transcript_path)
        if parser is None:
            return None

        def watch(line: bytes) -> None:
            if parser.finished:
                done.set()

        return watch

    def read_stats(self, task: SeatTask, result: proc.ProcResult) -> TranscriptStats | None:
        with _LIVE_LOCK:
            live = self._live().pop(task.transcript_path, None)
        if not task.transcript_path.is_file():
            return None
        stats = parse_file(self.transcript_parser, task.transcript_path)
        if result.output_truncated and live is not None:
            # The rest (the final answer, the usage) is in the stored tail; the tool calls
            # of the cut middle only the live parser saw.
            calls = live.result().tool_calls
            if len(calls) > len(stats.tool_calls):
                stats = replace(stats, tool_calls=calls)
        return stats

    def _live(self) -> dict[Path, StreamParser]:
        """The live parser of each run of this agent, by its transcript (one per seat pass)."""
        live: dict[Path, StreamParser] | None = self.__dict__.get("_live_parsers")
        if live is None:
            live = self.__dict__["_live_parsers"] = {}
        return live

    def failure(
        self, task: SeatTask, result: proc.ProcResult, stats: TranscriptStats | None
    ) -> str | None:
        """Why the run failed, in the CLI's own terms; None when the transcript looks fine.

        The default: the transcript reported an error, or never reached its terminal event.
        """
        if stats is None:
            return None
        if stats.is_error:
            return stats.errors[-1] if stats.errors else "the CLI reported an error"
        if not stats.ended_normally and result.ok:
            return "the transcript ended without a final result event"
        return None


def _with_values(env: Mapping[str, str]) -> dict[str, str]:
    """`env` without the variables that hold only blanks: a key of spaces (a template's
    placeholder) authenticates nothing, so doctor must not call the seat logged in."""
    return {k: v for k, v in env.items() if v.strip()}
