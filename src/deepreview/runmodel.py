"""What a review records about its own run, apart from the report: the commits it reviewed,
each seat's measured run, the effort levels, the units its figures are shown in, and the JSON
schema version every command prints. The measured checks are `checkmodel`'s.

Its own module because a review needs it before its first seat and the report's model
(`deepreview.model`, ~25 frozen dataclasses, ~20 ms to import) only after the seats: see
benchmarks/README.md, "first seat spawned after". The report's model builds on it.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    from collections.abc import Sequence

SCHEMA_VERSION = 1

# Reasoning effort a seat is asked for; each agent adapter maps it to its CLI's own flag.
Effort = Literal["low", "medium", "high", "xhigh"]
EFFORTS: Final[tuple[str, ...]] = get_args(Effort)


def format_usd(value: float | None, *, step: float | None = None) -> str:
    """Dollars as every report shows them: cents from $0.01 up, and below a cent two
    significant digits ("$0.0018"), so a cheap run never reads as "$0.00"; `—` when no cost
    was reported (as `format_duration` shows a duration that was not measured).

    `step`: the value is a chart axis tick, a multiple of `step`, shown with as many decimals
    as the step needs (at least two). Rounded to cents, ticks $0.025 apart would read "$0.03",
    "$0.05", "$0.08"; to two significant digits, $0.0025 and $0.01 would differ in places.
    """
    if value is None:
        return "—"
    if step is not None:
        places = next((d for d in range(2, 10) if abs(round(step, d) - step) < 1e-12), 10)
        return f"${max(value, 0.0):.{places}f}"
    if value >= 0.01 or value <= 0:
        return f"${max(value, 0.0):.2f}"
    decimals = min(1 - math.floor(math.log10(value)), 10)
    text = f"{value:.{decimals}f}"
    return f"${value:.2f}" if float(text) >= 0.01 else f"${text}"  # 0.00996 rounds to a cent


def format_duration(seconds: float | None) -> str:
    """The one way a duration is shown (report header, retro, run table, charts, progress).

    `0.4 s` and `7.5 s` under ten seconds (a sub-second seat is not `0 s`), then whole units:
    `45 s`, `5 min 40 s`, `1 h 2 min`, `1 h 2 min 3 s`; `—` when it was not measured.
    """
    if seconds is None:
        return "—"
    if seconds < 9.95:
        return f"{max(seconds, 0.0):.1f} s"
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes, secs = divmod(total, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} h"]
    if minutes or secs:
        parts.append(f"{minutes} min")
    if secs:
        parts.append(f"{secs} s")
    return " ".join(parts)


@dataclass(frozen=True)
class Commit:
    sha: str
    subject: str


# Why a seat failed when its output was over the 1 MiB a review keeps (`seat_output.cap_review`:
# its beginning and its end) and its findings were only in the middle that the cut removed. It
# starts as the plain reason, so the statistics count it with the other unparseable reviews.
REVIEW_CUT_REASON: Final = (
    "unparseable review: its output was over 1 MiB and was cut where its findings were"
)

# A failed seat's reason is one line of at most this many characters (`seat_output.seat_reason`),
# in run.json, the terminal and every report alike: a reason quoting a 2 MB stderr line must not
# carry it into each place that names the failure (the whole line stays in the seat's stderr
# log). Room for our own longest reasons (a seat not run, with the changed files it would run,
# and what to do) and for the few stderr lines a CLI's message wraps onto (`_stderr.stderr_tail`).
REASON_MAX_CHARS: Final = 500


# What an ok seat's run says, after any reason it has ("exited with code 1; review cut off"),
# when the seat fell short of a whole review (`consolidate.shortfalls`): its findings text could
# not be read, or its review is cut off. (A seat that timed out says so in its status.)
RUN_NOTES: Final = {
    "unread": "findings text could not be read",
    "cut_off": "review cut off",
}


def with_notes(reason: str | None, notes: Sequence[str]) -> str | None:
    """`reason` with `notes` after what it says besides (any earlier note replaced)."""
    said = [p for p in (reason or "").split("; ") if p and p not in RUN_NOTES.values()]
    return "; ".join([*said, *notes]) or None


def run_notes(reason: str | None) -> list[str]:
    """The notes of `RUN_NOTES` a seat's reason holds."""
    return [p for p in (reason or "").split("; ") if p in RUN_NOTES.values()]


@dataclass(frozen=True)
class SeatRun:
    """What we measured about one seat's run (or the lead's)."""

    seat: str
    status: Literal["ok", "failed", "timeout", "interrupted", "skipped", "pending"] = "ok"
    reason: str | None = None
    started_at: float | None = None  # epoch seconds
    ended_at: float | None = None
    duration_s: float | None = None  # measured by us
    cli_duration_ms: int | None = None  # the CLI's own figure, when it gives one
    model: str | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None
    # None: not measured (a `command` seat's program prints only its review), shown as unknown
    # everywhere (`—`, JSON null, "not measured"), never as 0; an agent CLI's 0 is a count.
    tool_calls: int | None = 0
    tool_counts: tuple[tuple[str, int], ...] = ()  # (tool name, count), most used first
    shell_breakdown: tuple[tuple[str, int], ...] = ()  # ("git blame", 7), ("sed -n", 21)
    permission_denials: int = 0
    denied_commands: tuple[str, ...] = ()  # the refused shell commands among them (never ran)
    errors: int = 0  # errors the CLI reported (an API failure, a crash): not tool errors
    tool_errors: int = 0  # tool calls that ran and failed
    api_retries: int = 0  # the CLI retried the model API (HTTP 429/5xx/401, network errors)
    # what those retries were, in words ("authentication failed (HTTP 401)"); empty: unknown
    api_retry_causes: tuple[str, ...] = ()
    malformed_lines: int = 0
    worktree_changes: tuple[str, ...] = ()  # `git status --porcelain` lines after the run
    output_truncated: bool = False
    # The transcript (or stderr) went over the cap of this many bytes per stream: its first
    # that many bytes and its last lines are stored (`proc.run`); None: not cut.
    transcript_cut_at: int | None = None
    # Processes it started in sessions of their own still held its output open when it
    # ended: how many were killed, and whether reading stopped with them still there.
    strays: int = 0
    held_open: bool = False
    # It printed its final result event and did not exit: it was stopped this many seconds
    # later (its review read, its work being done). None: it exited on its own.
    stopped_after_result_s: float | None = None

    @property
    def modified_worktree(self) -> bool:
        return bool(self.worktree_changes)

    @property
    def tools_counted(self) -> bool:
        return self.tool_calls is not None

    @property
    def output_note(self) -> str:
        """What the terminal adds to the seat's line about its output: "" when nothing
        happened to it, or when its reason says so already."""
        notes = []
        if self.transcript_cut_at is not None:
            cap = format_bytes(self.transcript_cut_at)
            notes.append(f"output over {cap}: its first {cap} and its last lines are stored")
        elif self.output_truncated and self.reason != REVIEW_CUT_REASON:
            notes.append("output over 1 MiB: only its beginning and end are kept")
        if self.strays:
            left = "a process" if self.strays == 1 else f"{self.strays} processes"
            notes.append(f"killed {left} it left running with its output open")
        if self.held_open:
            notes.append(
                f"stopped reading its output {format_duration(OUTPUT_DRAIN_S)} after it ended: "
                "a process it left held it open"
            )
        if self.stopped_after_result_s is not None:
            after = format_duration(self.stopped_after_result_s)
            notes.append(f"stopped: still running {after} after its final result")
        return "; ".join(notes)

    @property
    def outcome_text(self) -> str:
        """Status and reason as one phrase, never the same word twice.

        "timed out after 3 s", "interrupted", "failed: exited with code 7".
        """
        return outcome_phrase(self.status, self.reason)


def outcome_phrase(status: str, reason: str | None) -> str:
    """`SeatRun.outcome_text` of any status and reason (a pass's too)."""
    verb = _STATUS_WORDS.get(status, status)
    reason = (reason or "").strip()
    if not reason or reason in (verb, status):
        return verb
    if reason.startswith(verb):
        return reason
    return f"{verb}: {reason}"


_STATUS_WORDS = {"timeout": "timed out", "pending": "did not run"}
# How long `proc.run` reads a child's output once its group is gone and the processes still
# holding it were killed (a pipe drains in microseconds: this only bounds a stray's hold).
OUTPUT_DRAIN_S: Final = 2.0


def format_bytes(n: int) -> str:
    """256 MiB, 64 KiB, 100 bytes: the units the output caps are set in."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.4g} {unit}"
    return f"{n} bytes"


def combine_runs(runs: Sequence[SeatRun], seat: str) -> SeatRun | None:
    """One SeatRun for several passes of one seat (or of the lead), run one after another:
    it starts with the first and ends with the last; its durations, counts, tokens and costs
    are the passes' sums (the time between passes, or before a `resume`, is not counted).
    Status, reason and everything else are the last pass's."""
    return added_runs(runs[0], *runs[1:], seat=seat) if runs else None


def added_runs(first: SeatRun, *later: SeatRun, seat: str) -> SeatRun:
    """`first` and the `later` passes as one run (see `combine_runs`)."""
    runs = (first, *later)
    last = runs[-1]

    def total(values: Sequence[int | float | None]) -> int | float | None:
        present = [v for v in values if v is not None]
        return sum(present) if present else None

    tools: Counter[str] = Counter()
    shell: Counter[str] = Counter()
    for r in runs:
        tools.update(dict(r.tool_counts))
        shell.update(dict(r.shell_breakdown))
    tokens_in = total([r.tokens_in for r in runs])
    tokens_out = total([r.tokens_out for r in runs])
    cli_ms = total([r.cli_duration_ms for r in runs])
    return dataclasses.replace(
        last,
        seat=seat,
        started_at=runs[0].started_at,
        # summed floats carry binary noise (2.6790000000000003): keep the precision measured
        duration_s=_rounded(total([r.duration_s for r in runs]), 3),
        cli_duration_ms=None if cli_ms is None else int(cli_ms),
        model=last.model or next((r.model for r in runs if r.model), None),
        tokens_in=None if tokens_in is None else int(tokens_in),
        tokens_out=None if tokens_out is None else int(tokens_out),
        cost_usd=_rounded(total([r.cost_usd for r in runs]), 6),
        # one pass not measured leaves the seat's count unknown: a sum of the rest would be
        # an invented figure
        tool_calls=added_count(*(r.tool_calls for r in runs)),
        tool_counts=tuple(sorted(tools.items(), key=lambda kv: (-kv[1], kv[0]))),
        shell_breakdown=tuple(sorted(shell.items(), key=lambda kv: (-kv[1], kv[0]))),
        permission_denials=sum(r.permission_denials for r in runs),
        denied_commands=tuple(c for r in runs for c in r.denied_commands),
        errors=sum(r.errors for r in runs),
        tool_errors=sum(r.tool_errors for r in runs),
        api_retries=sum(r.api_retries for r in runs),
        api_retry_causes=tuple(dict.fromkeys(c for r in runs for c in r.api_retry_causes)),
        malformed_lines=sum(r.malformed_lines for r in runs),
        worktree_changes=tuple(dict.fromkeys(c for r in runs for c in r.worktree_changes)),
        output_truncated=any(r.output_truncated for r in runs),
        transcript_cut_at=max(
            (r.transcript_cut_at for r in runs if r.transcript_cut_at), default=None
        ),
        strays=sum(r.strays for r in runs),
        held_open=any(r.held_open for r in runs),
    )


def added_count(*counts: int | None) -> int | None:
    """Tool calls of several runs together: None (not measured) when any is."""
    return None if any(c is None for c in counts) else sum(c or 0 for c in counts)


def _rounded(value: int | float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)
