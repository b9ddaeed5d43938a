"""Running the project's test command once: its environment, outcome and first failing test."""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.runmodel import TestOutcome
from deepreview.store.redact import is_secret_name

_MAX_OUTPUT: Final = 4 << 20
_TAIL_LINES: Final = 15
_FIRST_FAILING: Final = (
    # pytest's short summary: "FAILED tests/test_a.py::test_x - assert 1 == 2" -- but not
    # unittest's closing "FAILED (failures=1)", which names no test.
    re.compile(r"^FAILED (?:\S+::)*(?P<name>[^\s:(][^\s:]*)(?: - |\s*$)", re.M),
    # go test: "--- FAIL: TestFoo (0.00s)"
    re.compile(r"^\s*--- FAIL: (?P<name>\S+)", re.M),
    # unittest: "FAIL: test_x (tests.test_a.TestA.test_x)"
    re.compile(r"^(?:FAIL|ERROR): (?P<name>\w+) \(", re.M),
    # pytest collection errors: "ERROR tests/test_a.py - SyntaxError: ..."
    re.compile(r"^ERROR (?P<name>\S+)", re.M),
)


@dataclass(frozen=True)
class SuiteRun:
    outcome: TestOutcome
    failing: str | None = None
    tail: str = ""
    duration_s: float = 0.0
    reason: str = ""  # for "error": why the command could not run
    output: str = ""  # stdout, then stderr (for the run's log: `checks.logs`)


def scrubbed_env(env: Mapping[str, str], passed: Sequence[str]) -> dict[str, str]:
    """`env` without secrets (API keys, tokens, passwords) unless `[checks] env` names them.

    Bytecode caches are off: a mutant and the original can have the same size and mtime second,
    and Python would then run a stale `.pyc` of the other.
    """
    out = {k: v for k, v in env.items() if k in passed or not is_secret_name(k)}
    out["PYTHONDONTWRITEBYTECODE"] = "1"
    return out


def first_failing(output: str) -> str | None:
    for pattern in _FIRST_FAILING:
        m = pattern.search(output)
        if m:
            return m.group("name")
    return None


def _tail(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return "\n".join(lines[-_TAIL_LINES:])


def run_tests(
    argv: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    timeout: float,
    cancel: threading.Event | None = None,
) -> SuiteRun:
    result = proc.run(
        argv, cwd=cwd, env=env, timeout=timeout, max_output_bytes=_MAX_OUTPUT, cancel=cancel
    )
    output = result.stdout_text + ("\n" + result.stderr_text if result.stderr else "")
    took = result.duration_s
    if result.spawn_error:
        return SuiteRun("error", reason=result.spawn_error, duration_s=took)
    if result.timed_out:
        return SuiteRun("timeout", tail=_tail(output), duration_s=took, output=output)
    if result.cancelled:
        return SuiteRun("error", reason="interrupted", duration_s=took, output=output)
    if result.returncode == 0:
        return SuiteRun("pass", duration_s=took, output=output)
    return SuiteRun(
        "fail", failing=first_failing(output), tail=_tail(output), duration_s=took, output=output
    )
