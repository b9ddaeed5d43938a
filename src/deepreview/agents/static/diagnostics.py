"""What every analyzer of the static seat produces, and the shared time budget they run under."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from deepreview import proc
from deepreview.model import Severity

_DEFAULT_LIMIT = 64 * 1024 * 1024
NO_TIME_LEFT = "the seat's time budget ran out"


@dataclass(frozen=True)
class Diagnostic:
    """One analyzer message about one place in a changed file."""

    analyzer: str  # "ruff", "git diff --check", "detect-secrets"
    rule: str  # "F401", "trailing-whitespace", "AWS Access Key"
    path: str  # repo-relative
    line: int
    severity: Severity
    title: str  # Markdown inline
    message: str  # the analyzer's own words, Markdown inline
    end_line: int | None = None
    fix_hint: str = ""  # a sentence, used when there is no fix diff
    fix_diff: str | None = None  # unified diff hunks, without file headers
    url: str | None = None
    category: str | None = None  # "security" for secrets and bandit rules
    # Two analyzers reporting the same problem on a line share a key; the review keeps one.
    dedupe_key: str | None = None
    # Values that must never appear in the review (detect-secrets findings); masked on output.
    secrets: tuple[str, ...] = ()
    mask_literals: bool = False  # hide string literals in the excerpt (hard-coded passwords)

    @property
    def last_line(self) -> int:
        return self.end_line if self.end_line is not None else self.line


@dataclass(frozen=True)
class AnalyzerRun:
    """One analyzer invocation, as logged in the seat's transcript."""

    name: str
    argv: tuple[str, ...] = ()
    exit_code: int | None = None
    duration_s: float = 0.0
    diagnostics: tuple[Diagnostic, ...] = ()
    error: str | None = None  # failed: recorded as a limitation in the review
    skipped: str | None = None  # not run, and why
    stderr: str = ""
    # Secret values found anywhere in a file (also on unchanged lines): masked in every excerpt.
    file_secrets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The files it was to check and did not: before the seat's deadline, or as it failed or was
    # not run (None: all it was given; a cut-off detect-secrets knows the files it answered).
    unreached: tuple[str, ...] | None = None
    # The files it was given to check (set by the seat: a file every analyzer given it missed
    # is not analyzed at all, not "Reviewed, no issues").
    given: tuple[str, ...] = ()

    @classmethod
    def from_proc(cls, name: str, result: proc.ProcResult) -> AnalyzerRun:
        return cls(
            name=name,
            argv=result.argv,
            exit_code=result.returncode,
            duration_s=result.duration_s,
            error=None if result.ok else result.describe_failure(),
            stderr=result.stderr_text,
        )

    @property
    def ran_out_of_time(self) -> bool:
        return self.skipped == NO_TIME_LEFT or (self.error or "").startswith("timed out")

    def log_record(self, kept: int) -> dict[str, Any]:
        return {
            "analyzer": self.name,
            "argv": list(self.argv),
            "exit_code": self.exit_code,
            "duration_s": round(self.duration_s, 3),
            "diagnostics": len(self.diagnostics),
            "kept": kept,
            "error": self.error,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class Budget:
    """The seat's deadline and cancel flag, shared by every analyzer run."""

    deadline: float  # time.monotonic() value
    cancel: threading.Event

    @classmethod
    def starting_now(cls, timeout: float, cancel: threading.Event) -> Budget:
        return cls(time.monotonic() + timeout, cancel)

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0.0

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()


# Bytes of paths per command line: well under Linux's ~2 MB for argv and environment together
# (a change of 25 000 long paths was "Argument list too long" for one run).
ARGV_BATCH_BYTES: Final = 256 * 1024


def argv_batches(paths: Sequence[str], limit: int = ARGV_BATCH_BYTES) -> list[list[str]]:
    """`paths` in order, cut into lists of at most `limit` bytes each (at least one path)."""
    batches: list[list[str]] = [[]]
    size = 0
    for path in paths:
        n = len(os.fsencode(path)) + 1
        if batches[-1] and size + n > limit:
            batches.append([])
            size = 0
        batches[-1].append(path)
        size += n
    return batches


def run_tool(
    argv: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    budget: Budget,
    limit: int = _DEFAULT_LIMIT,
    stdin: bytes | None = None,
) -> proc.ProcResult:
    """Run one analyzer command within what is left of the seat's budget."""
    return proc.run(
        argv,
        cwd=cwd,
        env=env,
        stdin=stdin,
        timeout=max(budget.remaining(), 0.001),
        max_output_bytes=limit,
        cancel=budget.cancel,
    )


def last_line(text: str) -> str:
    return next((ln.strip() for ln in reversed(text.splitlines()) if ln.strip()), "")


def failure_reason(result: proc.ProcResult) -> str:
    """`exited with code 2: <last stderr line>`, for limitations and seat reasons."""
    reason = result.describe_failure() or "failed"
    tail = last_line(result.stderr_text)
    return f"{reason}: {tail}" if tail else reason
