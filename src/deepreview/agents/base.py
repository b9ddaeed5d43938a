"""The small contract every reviewer seat implements.

A seat adapter answers two questions: *can it run here?* (`availability`) and *run this task*
(`run`).  CLI-backed agents subclass `CliAgent` and only say how to build the command line and
how to read the transcript; the subprocess itself always goes through `deepreview.proc.run`.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final, Literal

from deepreview import proc

if TYPE_CHECKING:
    from deepreview.model import AgentReview
    from deepreview.transcripts.stats import TranscriptStats

DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024
# Tests set a small cap through this variable, to pass it without printing 256 MiB.
OUTPUT_CAP_ENV: Final = "DEEP_REVIEW_TEST_OUTPUT_CAP"
# How long a CLI that printed its final result event may take to exit before it is stopped (a
# hook, an MCP server or a child can keep it alive): its work is done, its review complete.
FINAL_GRACE_S: Final = 5.0
# Tests shorten that wait through this variable (seconds).
FINAL_GRACE_ENV: Final = "DEEP_REVIEW_TEST_FINAL_GRACE"


def output_cap(env: Mapping[str, str]) -> int:
    """The most of each of a seat's output streams that is stored (`proc.run`)."""
    raw = env.get(OUTPUT_CAP_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_OUTPUT_BYTES


def final_grace(env: Mapping[str, str]) -> float:
    """Seconds a CLI may keep running after its final result event (`FINAL_GRACE_S`)."""
    try:
        value = float(env.get(FINAL_GRACE_ENV, ""))
    except ValueError:
        return FINAL_GRACE_S
    return value if 0 <= value < FINAL_GRACE_S else FINAL_GRACE_S


@dataclass(frozen=True)
class SeatSettings:
    """Per-seat settings after config precedence has been applied."""

    kind: str | None = None  # adapter for a custom-named seat ("command"); None = the seat name
    binary: str | None = None
    model: str | None = None
    effort: str | None = None  # low | medium | high | xhigh
    timeout: float | None = None
    extra_args: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    argv: tuple[str, ...] = ()  # command seats: the reviewer program
    display_name: str | None = None  # heading name in the report ("Claude")
    model_label: str | None = None  # how the model is shown ("Opus 4.6")


@dataclass(frozen=True)
class Availability:
    name: str
    usable: bool
    found: bool
    reason: str = ""  # why not usable, or how auth was detected
    version: str | None = None
    authenticated: bool | None = None  # None: not applicable or cannot tell
    binary: str | None = None
    install_hint: str | None = None  # e.g. "npm install -g @anthropic-ai/claude-code"
    model_backed: bool = True


@dataclass(frozen=True)
class ProgressEvent:
    seat: str
    kind: Literal["state", "tool", "text"]
    detail: str = ""  # state name, tool label ("Bash: git blame x.py"), ...
    # calls so far; on the final state event, the run's own count (None: not measured)
    tool_calls: int | None = 0
    duration_s: float | None = None  # on the final state event: the run's measured duration


@dataclass(frozen=True)
class SeatTask:
    seat: str
    prompt: str
    prompt_file: Path  # the prompt as stored (prompt-<seat>.md)
    worktree: Path  # detached worktree at the review SHA; the seat's cwd
    home: Path  # isolated, empty, writable dir for the CLI's own state; removed afterwards
    transcript_path: Path  # stdout goes here (transcript-<seat>-pass-N.jsonl)
    stderr_path: Path
    settings: SeatSettings
    timeout: float
    env: Mapping[str, str]  # the user's environment: source of auth and provider variables
    base_sha: str = ""  # the change is base_sha..HEAD of the worktree
    changed_files: tuple[str, ...] = ()  # repo-relative paths changed by the review target
    allow_exec: bool = False
    pass_no: int = 1
    cancel: threading.Event = field(default_factory=threading.Event)
    on_progress: Callable[[ProgressEvent], None] | None = None
    max_output_bytes: int = DEFAULT_MAX_OUTPUT_BYTES
    # Entered with the agent's pid while it runs (`proc.run`'s `watch`): writes its process
    # group down, so a later command stops it should this process be killed outright.
    watch: Callable[[int], AbstractContextManager[object]] | None = None
    # Seconds the CLI may run on after its transcript's final result event (`final_grace`).
    final_grace: float = FINAL_GRACE_S


@dataclass(frozen=True)
class SeatOutcome:
    status: Literal["ok", "failed", "timeout", "interrupted"]
    review_text: str = ""
    reason: str | None = None
    stats: TranscriptStats | None = None
    proc: proc.ProcResult | None = None
    model: str | None = None
    # Structured seats (static) hand over their findings as data; `review_text` is then the
    # Markdown rendered from them, for the appendix. None: `review_text` is parsed.
    review: AgentReview | None = None
    # Values the seat found to be secrets (never stored): masked in every file of the review.
    secrets: tuple[str, ...] = ()
    # Seats without a transcript parser (static): (tool, calls) for the steps they ran.
    tool_counts: tuple[tuple[str, int], ...] = ()
    # A command seat that exited with a non-zero code but printed text ("failed", its reason
    # the exit): that text decides. A review is used (the seat is ok, the exit its note), any
    # other text leaves it failed (`seat_output.checked_status`). Linters exit 1 on findings.
    output_decides: bool = False


@dataclass(frozen=True)
class Invocation:
    argv: tuple[str, ...]
    env: dict[str, str]
    stdin: bytes | None = None  # None: stdin closed


class Agent(ABC):
    name: ClassVar[str]  # registry key
    display_name: ClassVar[str]  # "Claude"
    model_backed: ClassVar[bool] = True
    can_lead: ClassVar[bool] = False
    npm_package: ClassVar[str | None] = None
    # Whether a seat of this adapter has a model for `model` / `--model SEAT=MODEL` to name
    # (the static seat runs analyzers: it has none, and naming one is bad input).
    takes_model: ClassVar[bool] = True
    # Whether the adapter hands the seat's effort to its CLI: only then is it shown beside the
    # reviewer (`Claude Opus 4.6 (effort: high)`); an effort nothing receives changes nothing.
    takes_effort: ClassVar[bool] = False
    # Whether its runs tell how many tool calls the seat made (an agent CLI's transcript, the
    # static seat's analyzers); a `command` seat's program prints only its review.
    counts_tools: ClassVar[bool] = True
    # Whether its review of one change is the same on every run (the static seat's analyzers):
    # a later pass (`--passes N`) could only repeat it, so such a seat runs once.
    deterministic: ClassVar[bool] = False

    @abstractmethod
    def availability(self, settings: SeatSettings, env: Mapping[str, str]) -> Availability:
        """Cheap check (no network): is the binary there, does auth look configured."""

    @abstractmethod
    def run(self, task: SeatTask) -> SeatOutcome:
        """Run one review pass. Never raises for the seat's own failure."""


def outcome_from_proc(result: proc.ProcResult) -> tuple[str, str | None]:
    """Map a finished process to (status, reason) before looking at its output."""
    if result.timed_out:
        return "timeout", result.describe_failure()
    if result.cancelled:
        return "interrupted", "interrupted"
    if not result.ok:
        return "failed", result.describe_failure()
    return "ok", None


class CliAgent(Agent):
    """An agent that is one CLI invocation whose stdout is a transcript."""

    default_binary: ClassVar[str]

    @abstractmethod
    def build(self, task: SeatTask) -> Invocation:
        """Command line and environment for this task; may write files under `task.home`."""

    @abstractmethod
    def interpret(self, task: SeatTask, result: proc.ProcResult) -> SeatOutcome:
        """Read `task.transcript_path` (and stderr) into an outcome."""

    def line_observer(self, task: SeatTask) -> Callable[[bytes], None] | None:
        """Optional live view of stdout lines, for progress (tool calls so far)."""
        return None

    def abort_watch(self, task: SeatTask, abort: threading.Event) -> Callable[[bytes], None] | None:
        """Optional stdout line check that sets `abort` once the run cannot succeed (e.g. the
        API rejected the key and the CLI keeps retrying); the process is then ended."""
        return None

    def done_watch(self, task: SeatTask, done: threading.Event) -> Callable[[bytes], None] | None:
        """Optional stdout line check that sets `done` once the CLI printed its final result:
        should it not exit then, it is stopped `task.final_grace` seconds later."""
        return None

    def run(self, task: SeatTask) -> SeatOutcome:
        inv = self.build(task)
        abort = threading.Event()
        done = threading.Event()
        observers = [
            o
            for o in (
                self.line_observer(task),
                self.abort_watch(task, abort),
                self.done_watch(task, done),
            )
            if o is not None
        ]
        result = proc.run(
            inv.argv,
            cwd=task.worktree,
            env=inv.env,
            timeout=task.timeout,
            stdin=inv.stdin,
            stdout_file=task.transcript_path,
            stderr_file=task.stderr_path,
            on_stdout_line=_each(observers),
            max_output_bytes=task.max_output_bytes,
            cancel=task.cancel,
            abort=abort,
            watch=task.watch,
            done=done,
            done_grace=task.final_grace,
        )
        return self.interpret(task, result)


def _each(observers: list[Callable[[bytes], None]]) -> Callable[[bytes], None] | None:
    if len(observers) <= 1:
        return observers[0] if observers else None

    def observe(line: bytes) -> None:
        for observer in observers:
            observer(line)

    return observe
