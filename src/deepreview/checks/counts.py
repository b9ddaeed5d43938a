"""How many tests a run executed and how many of them passed, as the test runner's closing
summary says (pytest's `1 failed, 3 passed in 0.12s`, unittest's `Ran 4 tests` and `OK
(skipped=1)`). A fix whose run passes has proved something only when the tests that ran without
it ran again and passed: a "fix" that skips the failing test, deselects it or ends the process
with exit 0 before any test runs also makes the command pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

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


@dataclass(frozen=True)
class RunCounts:
    ran: int  # tests executed (skipped and deselected ones are not)
    ok: int  # of them, those that passed (an expected failure too)


def read_counts(text: str) -> RunCounts | None:
    """The counts of the run's last summary, or None when its output gives none."""
    pytest = list(_PYTEST.finditer(text))
    ran = list(_UNITTEST_RAN.finditer(text))
    if pytest and (not ran or pytest[-1].start() > ran[-1].start()):
        counts = pytest[-1].group("counts")
        items = [(word, int(n)) for n, word in _PYTEST_ITEM.findall(counts)]
        return RunCounts(
            ran=sum(n for word, n in items if word in _RAN),
            ok=sum(n for word, n in items if word in _OK),
        )
    if ran:
        total = int(ran[-1].group(1))
        end = _UNITTEST_END.search(text, ran[-1].end())
        said = {k.strip(): int(v) for k, v in _UNITTEST_ITEM.findall((end and end["counts"]) or "")}
        executed = total - said.get("skipped", 0)
        return RunCounts(
            ran=executed,
            ok=executed
            - said.get("failures", 0)
            - said.get("errors", 0)
            - said.get("unexpected successes", 0),
        )
    return None


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
