"""One log per test run of the checks -- the baseline, each fix, each mutant -- in the review
folder (`runfiles.CHECK_LOGS`), so that a badge or a "killed" can be read back against what the
tests printed. The output is the change's own, and may print the environment: every log is
written through the run's redactor, like every other text the store keeps."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.checks.testrun import SuiteRun
from deepreview.errors import StoreError
from deepreview.runfiles import CHECK_LOGS
from deepreview.runmodel import format_duration

# A suite may print megabytes (and up to 20 mutants each as much): the start says how it went
# about it, the end how it ended; the middle is cut.
_HEAD_CHARS: Final = 64 << 10
_TAIL_CHARS: Final = 192 << 10


@dataclass(frozen=True)
class CheckLogs:
    review_dir: Path
    write: Callable[[Path, str], None]  # the store's atomic write
    redact: Callable[[str], str]

    def record(
        self, name: str, argv: Sequence[str], run: SuiteRun, what: str, detail: str = ""
    ) -> str:
        """Write `<name>.log` for `run` of `argv`; `what` says in a few words what the worktree
        held, `detail` shows it (the fix's diff, the mutated line). The log's path in the review
        folder, as run.json names it; "" when it could not be written (a full disk fails no
        check)."""
        rel = f"{CHECK_LOGS}/{name}.log"
        try:
            (self.review_dir / CHECK_LOGS).mkdir(exist_ok=True)
            self.write(self.review_dir / rel, self.redact(_text(argv, run, what, detail)))
        except (OSError, StoreError):
            return ""
        return rel


def _text(argv: Sequence[str], run: SuiteRun, what: str, detail: str) -> str:
    outcome = run.outcome + (f" ({run.failing})" if run.failing else "")
    if run.reason:
        outcome += f": {run.reason}"
    head = (
        f"$ {shlex.join(argv)}\n"
        f"# in a scratch worktree at the review SHA, {what}\n"
        f"# outcome: {outcome}, {format_duration(run.duration_s)}\n"
    )
    shown = f"\n{detail.rstrip()}\n" if detail.strip() else ""
    return f"{head}{shown}\n--- output ---\n{_clip(run.output)}"


def _clip(output: str) -> str:
    if len(output) <= _HEAD_CHARS + _TAIL_CHARS:
        return output
    cut = len(output) - _HEAD_CHARS - _TAIL_CHARS
    return f"{output[:_HEAD_CHARS]}\n[… {cut} characters cut …]\n{output[-_TAIL_CHARS:]}"


def logged(
    logs: CheckLogs | None,
    name: str,
    argv: Sequence[str],
    run: SuiteRun,
    what: str,
    detail: str = "",
) -> str:
    """`logs.record(...)`, or "" when this run keeps no logs."""
    return logs.record(name, argv, run, what, detail) if logs is not None else ""
