"""Running the project's test command once: its environment, outcome and first failing test."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.checkmodel import TestOutcome
from deepreview.checks.counts import RunCounts, read_counts
from deepreview.checks.go_packages import PackageCounts, go_packages
from deepreview.store.redact import is_secret_name, mask_shapes
from deepreview.targets.git import without_inherited
from deepreview.untrusted_text import clean_text

# Entered with the test command's pid once it runs, left once its process group is gone.
Watch = Callable[[int], AbstractContextManager[object]]

_MAX_OUTPUT: Final = 4 << 20
_TAIL_LINES: Final = 15
# Each pattern reads a test's `id` (unique in the run: what two runs are compared by) and its
# short `name` (what a badge shows). In order of trust: the first pattern that matches names
# the first failing test.
_FAILING: Final = (
    # pytest's short summary: "FAILED tests/test_a.py::test_x - assert 1 == 2" -- but not
    # unittest's closing "FAILED (failures=1)", which names no test.
    re.compile(r"^FAILED (?P<id>(?:\S+::)*(?P<name>[^\s:(][^\s:]*))(?: - |\s*$)", re.M),
    # go test: "--- FAIL: TestFoo (0.00s)"
    re.compile(r"^\s*--- FAIL: (?P<id>(?P<name>\S+))", re.M),
    # unittest: "FAIL: test_x (tests.test_a.TestA.test_x)" (older Pythons name only the class)
    re.compile(r"^(?:FAIL|ERROR): (?P<id>(?P<name>\w+) \([^)\s]*\))", re.M),
    # pytest collection errors: "ERROR tests/test_a.py - SyntaxError: ..."
    re.compile(r"^ERROR (?P<id>(?P<name>\S+))", re.M),
    # cargo test: "test tests::caps_big ... FAILED"
    re.compile(r"^test (?P<id>(?:\S+::)?(?P<name>[^\s:]+)) \.\.\. FAILED$", re.M),
    # TAP (node --test, tape): "not ok 2 - big is capped" (indented for a subtest), but not a
    # to-do or skipped one ("not ok 3 - later # TODO")
    re.compile(
        r"^[ \t]*not ok \d+ - (?![^\n]*# (?:TODO|SKIP)\b)(?P<id>(?P<name>[^\n]*?\S))[ \t]*$",
        re.M,
    ),
)


# pytest's word that it stopped before running every test: `-x` / `--maxfail` ("!!! stopping
# after 1 failures !!!") or a collection error ("!!! Interrupted: 1 error during collection !!!").
_STOPPED: Final = re.compile(r"^!+ (?:stopping after \d+ failures?|Interrupted: [^\n]*?) !+$", re.M)


@dataclass(frozen=True)
class Failure:
    id: str  # `tests/test_a.py::test_x`, `test_x (t.A.test_x)`, `TestFoo`
    name: str  # `test_x`, `TestFoo`


@dataclass(frozen=True)
class SuiteRun:
    outcome: TestOutcome
    failing: str | None = None  # the first failing test's name
    tail: str = ""
    duration_s: float = 0.0
    reason: str = ""  # for "error": why the command could not run
    failures: tuple[Failure, ...] = ()  # every failing test the output names
    output: str = ""  # stdout, then stderr (for the run's log: `checks.logs`)
    # It stopped at its first failures (`_STOPPED`): the tests it never ran are not known.
    stopped_early: bool = False
    # How many tests ran and passed, as the runner's summary says; None when it says nothing.
    counts: RunCounts | None = None
    # Plain `go test` counts no tests, only packages (`go_packages`); None when `counts` is known.
    packages: PackageCounts | None = None


def scrubbed_env(env: Mapping[str, str], passed: Sequence[str]) -> dict[str, str]:
    """`env` without secrets (API keys, tokens, passwords) unless `[checks] env` names them.

    Bytecode caches are off: a mutant and the original can have the same size and mtime second,
    and Python would then run a stale `.pyc` of the other.
    """
    # Nor what points git at the user's repository: the tests run in the scratch worktree.
    out = {k: v for k, v in without_inherited(env).items() if k in passed or not _secret(k, v)}
    out["PYTHONDONTWRITEBYTECODE"] = "1"
    return out


def _secret(name: str, value: str) -> bool:
    """A variable the change's tests do not get: a secret by its name, an agent's socket with
    such a name (`SSH_AUTH_SOCK`: a location to redaction, but it signs as the user), or a value
    holding a secret of a known shape (a URL's password, a token)."""
    socket = name.upper().endswith("_SOCK") and is_secret_name(name[: -len("_SOCK")])
    return is_secret_name(name) or socket or mask_shapes(value) != value


def failing_tests(output: str) -> tuple[Failure, ...]:
    """Every failing test `output` names, the first one first (see `_FAILING`), each once."""
    seen: dict[str, Failure] = {}
    for pattern in _FAILING:
        for m in pattern.finditer(output):
            seen.setdefault(m.group("id"), Failure(m.group("id"), m.group("name")))
    return tuple(seen.values())


def first_failing(output: str) -> str | None:
    failures = failing_tests(output)
    return failures[0].name if failures else None


def new_failures(run: SuiteRun, without: SuiteRun) -> tuple[Failure, ...] | None:
    """The tests failing in `run` that passed in `without` (the same tests before a change);
    None when that cannot be told: both failed and either named no failing test, or `without`
    stopped at its first failures."""
    if run.outcome != "fail":
        return ()
    if without.outcome != "fail":
        return run.failures
    # `without` stopped early: a test failing now may never have run then.
    if not run.failures or not without.failures or without.stopped_early:
        return None
    before = {f.id for f in without.failures}
    return tuple(f for f in run.failures if f.id not in before)


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
    watch: Watch | None = None,
) -> SuiteRun:
    """`watch`: see `proc.run` (the run's group written down, `ledger.recorded_group`)."""
    result = proc.run(
        argv,
        cwd=cwd,
        env=env,
        timeout=timeout,
        max_output_bytes=_MAX_OUTPUT,
        cancel=cancel,
        watch=watch,
    )
    output = result.stdout_text + ("\n" + result.stderr_text if result.stderr else "")
    # Read as plain text: coloured output (`--color=yes`, CI's `PY_COLORS` / `FORCE_COLOR`)
    # hid every `FAILED` line from the patterns, and its escape sequences would reach the
    # report's tail. The log keeps the output as printed, as a transcript does.
    text = clean_text(output)
    took = result.duration_s
    if result.spawn_error:
        return SuiteRun("error", reason=result.spawn_error, duration_s=took)
    if result.timed_out:
        return SuiteRun("timeout", tail=_tail(text), duration_s=took, output=output)
    if result.cancelled:
        return SuiteRun("error", reason="interrupted", duration_s=took, output=output)
    if result.returncode == 0:
        counts = read_counts(text)
        return SuiteRun(
            "pass", duration_s=took, output=output, counts=counts, packages=_packages(counts, text)
        )
    failures = failing_tests(text)
    return SuiteRun(
        "fail",
        failing=failures[0].name if failures else None,
        tail=_tail(text),
        duration_s=took,
        failures=failures,
        output=output,
        stopped_early=bool(_STOPPED.search(text)),
        counts=(counts := read_counts(text)),
        packages=_packages(counts, text),
    )


def _packages(counts: RunCounts | None, text: str) -> PackageCounts | None:
    """The packages plain `go test` ran, the one count it gives, when no runner counted tests."""
    return go_packages(text) if counts is None else None
