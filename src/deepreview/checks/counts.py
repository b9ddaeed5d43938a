"""How many tests a run executed and how many of them passed, as the test runner's own summary
says. A fix whose run passes has proved something only when the tests that ran without it ran
again and passed: a "fix" that skips the failing test, deselects it or ends the process with
exit 0 before any test runs also makes the command pass.

Each runner's summary is read by its own pattern (`runner_counts`), and the one printed last
wins (a `make test` that runs two suites is judged by the last one). Skipped, ignored, pending
and to-do tests did not run. A runner whose summary names no count says nothing here (None):
plain `go test` prints `ok  pkg 0.01s` and only the failing tests' names, so a pass cannot be
told from a run of fewer tests; `go test -v` and `go test -json` name every test (`go_packages`
counts the packages plain `go test` names, for the badge alone).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.checks.runner_counts import RunCounts, Summary, runner_summaries

# pytest's last line, with or without `-q`'s bare form: `==== 1 failed, 3 passed in 0.12s ====`,
# `3 passed, 1 skipped in 0.05s`, `no tests ran in 0.01s`.
_PYTEST: Final = re.compile(
    r"^=*\s*(?P<counts>(?:\d+ [a-z]+(?:, )?)+|no tests ran) in \d[\d.]*s\b[^\n]*$", re.M
)
_PYTEST_ITEM: Final = re.compile(r"(\d+) ([a-z]+)")
# pytest's outcomes that ran a test, and those of them that count as its passing.
_RAN: Final = frozenset(("passed", "failed", "error", "errors", "xfailed", "xpassed"))
_OK: Final = frozenset(("passed", "xfailed", "xpassed"))
# unittest: `Ran 4 tests in 0.001s`, then `OK`, `OK (skipped=1)` or `FAILED (failures=1, …)`.
_UNITTEST_RAN: Final = re.compile(r"^Ran (\d+) tests? in \d[\d.]*s$", re.M)
_UNITTEST_END: Final = re.compile(r"^(?:OK|FAILED)(?: \((?P<counts>[^)\n]*)\))?$", re.M)
_UNITTEST_ITEM: Final = re.compile(r"([a-z ]+)=(\d+)")


def _pytest(text: str) -> Summary | None:
    found = list(_PYTEST.finditer(text))
    if not found:
        return None
    last = found[-1]
    items = [(word, int(n)) for n, word in _PYTEST_ITEM.findall(last.group("counts"))]
    return Summary(
        last.end(),
        RunCounts(
            ran=sum(n for word, n in items if word in _RAN),
            ok=sum(n for word, n in items if word in _OK),
        ),
    )


def _unittest(text: str) -> Summary | None:
    found = list(_UNITTEST_RAN.finditer(text))
    if not found:
        return None
    total = int(found[-1].group(1))
    end = _UNITTEST_END.search(text, found[-1].end())
    said = {k.strip(): int(v) for k, v in _UNITTEST_ITEM.findall((end and end["counts"]) or "")}
    executed = total - said.get("skipped", 0)
    ok = (
        executed
        - said.get("failures", 0)
        - said.get("errors", 0)
        - said.get("unexpected successes", 0)
    )
    return Summary(found[-1].end(), RunCounts(ran=executed, ok=ok))


def read_counts(text: str) -> RunCounts | None:
    """The counts of the run's last summary, or None when its output gives none."""
    found = [f for f in (_pytest(text), _unittest(text)) if f is not None]
    found += runner_summaries(text)
    return max(found, key=lambda f: f.end).counts if found else None


def short_run(run: RunCounts | None, without: RunCounts | None) -> str:
    """Why a passing run does not show the tests that ran without the fix passing now: fewer of
    them passed, or it names no count at all (`only 3 passed where 4 ran without the fix`); ""
    when it does, or when the run without the fix gave no count to compare with."""
    if without is None or without.ran == 0:
        return ""
    tests = f"{without.ran} {'test' if without.ran == 1 else 'tests'}"
    if run is None:
        return f"print no test count, where {tests} ran without the fix"
    if run.ok < without.ran:
        passed = f"only {run.ok}" if run.ok else "no test"
        return f"{passed} passed where {without.ran} ran without the fix"
    return ""


__all__ = ["RunCounts", "read_counts", "short_run"]
