"""The closing summaries of test runners other than pytest and unittest (`counts` reads those
two), each read to the same two numbers: the tests that ran (skipped, ignored, pending and to-do
ones did not) and how many of them passed.

One reader per runner, each anchored on its summary's own wording at a line's start, so a test's
output that mentions "passed" is not taken for a summary. Runners that print one summary per
test binary, module or package (cargo, Maven, dotnet, `go test -v`) are added up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class RunCounts:
    ran: int  # tests executed (skipped and deselected ones are not)
    ok: int  # of them, those that passed (an expected failure too)


@dataclass(frozen=True)
class Summary:
    end: int  # where the runner's (last) summary ends in the output: the one printed last wins
    counts: RunCounts


_WORD_COUNT: Final = re.compile(r"(\d+) ([a-z][a-z ]*?)(?=,|\s*\||\s*\(|\s*$)")


def _words(text: str) -> dict[str, int]:
    """`1 failed, 1 skipped, 3 passed` (or `|`-separated) as {word: count}."""
    out: dict[str, int] = {}
    for n, word in _WORD_COUNT.findall(text):
        out[word.strip()] = out.get(word.strip(), 0) + int(n)
    return out


# go test -v: every test and subtest ends in `--- PASS: TestX (0.00s)` (indented for a
# subtest), `--- FAIL:` or `--- SKIP:`. Without -v only failures are named, so the lines are
# read only when the run says `=== RUN` (a plain `go test` that passes names none).
_GO_RUN: Final = re.compile(r"^=== RUN ", re.M)
_GO_END: Final = re.compile(r"^[ \t]*--- (PASS|FAIL|SKIP): \S+", re.M)


def _go_verbose(text: str) -> Summary | None:
    if not _GO_RUN.search(text):
        return None
    ends = list(_GO_END.finditer(text))
    if not ends:
        return None
    passed = sum(m.group(1) == "PASS" for m in ends)
    failed = sum(m.group(1) == "FAIL" for m in ends)
    return Summary(ends[-1].end(), RunCounts(passed + failed, passed))


# go test -json: one event per line; a test's last is {"Action":"pass"|"fail"|"skip","Test":…}.
_GO_EVENT: Final = re.compile(r'^\{[^\n]*"Action":"(?:pass|fail)"[^\n]*"Test":[^\n]*$', re.M)


def _go_json(text: str) -> Summary | None:
    passed = failed = end = 0
    for m in _GO_EVENT.finditer(text):
        try:
            event = json.loads(m.group(0))
        except json.JSONDecodeError:
            continue
        if not isinstance(event, dict) or not event.get("Test"):
            continue
        passed += event.get("Action") == "pass"
        failed += event.get("Action") == "fail"
        end = m.end()
    return Summary(end, RunCounts(passed + failed, passed)) if end else None


# gotestsum: `DONE 12 tests, 2 skipped, 1 failure in 0.512s` (skipped ones are in the total).
_GOTESTSUM: Final = re.compile(r"^DONE (\d+) tests?(?P<rest>(?:, \d+ [a-z]+)*) in \d", re.M)


def _gotestsum(text: str) -> Summary | None:
    m = _last(_GOTESTSUM, text)
    if m is None:
        return None
    said = _words(m["rest"])
    ran = int(m.group(1)) - said.get("skipped", 0)
    bad = sum(n for w, n in said.items() if w.startswith(("failure", "error")))
    return Summary(m.end(), RunCounts(ran, ran - bad))


# cargo test: `test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered
# out; finished in 0.07s`, one per test binary (unit tests, each integration test, doc tests).
_CARGO: Final = re.compile(
    r"^test result: [A-Za-z]+\. (?P<passed>\d+) passed; (?P<failed>\d+) failed;", re.M
)


def _summed(pattern: re.Pattern[str]) -> Callable[[str], Summary | None]:
    """A runner printing one summary line per test binary or assembly (`passed` and `failed`
    groups): the run's counts are their sums."""

    def read(text: str) -> Summary | None:
        found = list(pattern.finditer(text))
        if not found:
            return None
        passed = sum(int(m["passed"]) for m in found)
        failed = sum(int(m["failed"]) for m in found)
        return Summary(found[-1].end(), RunCounts(passed + failed, passed))

    return read


# cargo nextest: `Summary [   0.010s] 4 tests run: 3 passed, 1 failed, 2 skipped`.
_NEXTEST: Final = re.compile(r"^[ \t]*Summary \[[^\]\n]*\] (\d+) tests? run: ([^\n]*)$", re.M)


def _nextest(text: str) -> Summary | None:
    m = _last(_NEXTEST, text)
    if m is None:
        return None
    said = _words(m.group(2))
    return Summary(m.end(), RunCounts(int(m.group(1)), said.get("passed", 0)))


# jest: `Tests:       1 failed, 1 skipped, 3 passed, 5 total`; vitest: `Tests  1 failed |
# 3 passed | 1 skipped (5)`.
_JEST: Final = re.compile(r"^[ \t]*Tests:[ \t]+([^\n]*?), \d+ total[ \t]*$", re.M)
_VITEST: Final = re.compile(r"^[ \t]*Tests[ \t]{2,}(\d+ [a-z][^\n]*?)[ \t]+\(\d+\)[ \t]*$", re.M)


def _passed_failed(pattern: re.Pattern[str]) -> Callable[[str], Summary | None]:
    def read(text: str) -> Summary | None:
        m = _last(pattern, text)
        if m is None:
            return None
        said = _words(m.group(1))
        passed, failed = said.get("passed", 0), said.get("failed", 0)
        return Summary(m.end(), RunCounts(passed + failed, passed))

    return read


# mocha: `3 passing (12ms)`, then `1 pending` and `1 failing` on the lines after it.
_MOCHA: Final = re.compile(
    r"^[ \t]*(\d+) passing \([^)\n]*\)[ \t]*"
    r"(?:\n[ \t]*\d+ pending[ \t]*)?(?:\n[ \t]*(\d+) failing[ \t]*)?$",
    re.M,
)


def _counted(pattern: re.Pattern[str]) -> Callable[[str], Summary | None]:
    """A runner whose last summary gives the passed count in group 1 and the failed one in
    group 2 (left out when none failed)."""

    def read(text: str) -> Summary | None:
        m = _last(pattern, text)
        if m is None:
            return None
        passed, failed = int(m.group(1)), int(m.group(2) or 0)
        return Summary(m.end(), RunCounts(passed + failed, passed))

    return read


# node --test (TAP, or the spec reporter's `ℹ`) and tape: `# tests 6`, `# suites 0`, `# pass 3`,
# `# fail 1`; skipped and to-do tests are counted apart from pass and fail.
_NODE: Final = re.compile(
    r"^(?:#|ℹ) tests[ \t]+\d+[ \t]*\n(?:(?:#|ℹ) suites[ \t]+\d+[ \t]*\n)?"
    r"(?:#|ℹ) pass[ \t]+(\d+)[ \t]*(?:\n(?:#|ℹ) fail[ \t]+(\d+)[ \t]*)?$",
    re.M,
)


# RSpec: `5 examples, 1 failure, 1 pending` (pending examples did not run).
_RSPEC: Final = re.compile(r"^(\d+) examples?, (\d+) failures?(?:, (\d+) pending)?", re.M)


def _rspec(text: str) -> Summary | None:
    m = _last(_RSPEC, text)
    if m is None:
        return None
    ran = int(m.group(1)) - int(m.group(3) or 0)
    return Summary(m.end(), RunCounts(ran, ran - int(m.group(2))))


# PHPUnit: `OK (5 tests, 10 assertions)`, or `Tests: 5, Assertions: 9, Failures: 1, Skipped: 1.`
_PHPUNIT_OK: Final = re.compile(r"^OK \((\d+) tests?, \d+ assertions?\)[ \t]*$", re.M)
_PHPUNIT: Final = re.compile(r"^Tests: (\d+), Assertions: \d+((?:, [A-Za-z ]+: \d+)*)\.", re.M)
_PHPUNIT_ITEM: Final = re.compile(r", ([A-Za-z ]+): (\d+)")


def _phpunit(text: str) -> Summary | None:
    ok, m = _last(_PHPUNIT_OK, text), _last(_PHPUNIT, text)
    if m is None or (ok is not None and ok.end() > m.end()):
        return Summary(ok.end(), RunCounts(int(ok.group(1)), int(ok.group(1)))) if ok else None
    said = {k.lower(): int(n) for k, n in _PHPUNIT_ITEM.findall(m.group(2))}
    ran = int(m.group(1)) - said.get("skipped", 0) - said.get("incomplete", 0)
    return Summary(m.end(), RunCounts(ran, ran - said.get("failures", 0) - said.get("errors", 0)))


# Maven Surefire's total per module (a test class's own line goes on with `, Time elapsed`):
# `[ERROR] Tests run: 5, Failures: 1, Errors: 0, Skipped: 1` (skipped ones are in the run).
_MAVEN: Final = re.compile(
    r"^(?:\[[A-Z]+\] )?Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)[ \t]*$",
    re.M,
)


def _maven(text: str) -> Summary | None:
    found = list(_MAVEN.finditer(text))
    if not found:
        return None
    ran = sum(int(m.group(1)) - int(m.group(4)) for m in found)
    bad = sum(int(m.group(2)) + int(m.group(3)) for m in found)
    return Summary(found[-1].end(), RunCounts(ran, ran - bad))


# dotnet test, one line per test assembly:
# `Failed!  - Failed:     1, Passed:     4, Skipped:     1, Total:     6, Duration: 12 ms`.
_DOTNET: Final = re.compile(
    r"^[ \t]*(?:Passed|Failed)!\s+-\s+Failed:\s+(?P<failed>\d+),\s+Passed:\s+(?P<passed>\d+),"
    r"\s+Skipped:\s+\d+",
    re.M,
)


# CTest: `80% tests passed, 1 tests failed out of 5`.
_CTEST: Final = re.compile(r"^\d+% tests passed, (\d+) tests? failed out of (\d+)", re.M)


def _ctest(text: str) -> Summary | None:
    m = _last(_CTEST, text)
    if m is None:
        return None
    ran = int(m.group(2))
    return Summary(m.end(), RunCounts(ran, ran - int(m.group(1))))


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return found[-1] if found else None


_READERS: Final[tuple[Callable[[str], Summary | None], ...]] = (
    _go_verbose,
    _go_json,
    _gotestsum,
    _summed(_CARGO),
    _nextest,
    _passed_failed(_JEST),
    _passed_failed(_VITEST),
    _counted(_MOCHA),
    _counted(_NODE),
    _rspec,
    _phpunit,
    _maven,
    _summed(_DOTNET),
    _ctest,
)


def runner_summaries(text: str) -> Iterator[Summary]:
    """Each runner's summary found in `text` (at most one per runner)."""
    for read in _READERS:
        found = read(text)
        if found is not None:
            yield found


__all__ = ["RunCounts", "Summary", "runner_summaries"]
