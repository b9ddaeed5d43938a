"""What a review records about the tests it ran (`--allow-exec`): each fix check, each
mutation probe, and the results they add up to (`checks/` measures them).

Beside `runmodel`, not in it: the run's own record (commits, seat runs, units) is one fact, the
measured checks another; both are loaded before the first seat, the report's model
(`deepreview.model`) only after the seats, and builds on them.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from deepreview.markdown_fence import code_span

if TYPE_CHECKING:
    from collections.abc import Sequence

TestOutcome = Literal["pass", "fail", "timeout", "error", "not run"]
MutantStatus = Literal["killed", "survived", "timeout", "error"]


@dataclass(frozen=True)
class FixCheck:
    """What happened when the finding's fix diff was applied and the tests were run."""

    applies: bool
    # Why it does not apply, or why the tests did not run; else where we placed it when the diff
    # did not say ("re-anchored at a.py:9"), as `anchor_note` says it whatever happened next.
    reason: str = ""
    tests: TestOutcome = "not run"
    failing_test: str | None = None  # the first failing test to blame: `test_x`, `TestFoo`
    fails_without_fix: bool = False  # every test failing with the fix failed without it too
    output_tail: str = ""  # last lines of the test output when they did not pass
    diff: str = ""  # the diff that was applied, as extracted from the fix
    log: str = ""  # its test run's log in the review folder ("checks/fix-2.log")
    # The same tests without any fix: a pass they gave anyway proves nothing about the fix.
    baseline: TestOutcome = "not run"
    # The failing tests that passed without the fix (`test_a.py::test_x`); empty when none
    # did, or when either run failed without naming a test (then nothing can excuse the fix).
    new_failures: tuple[str, ...] = ()
    edits_tests: tuple[str, ...] = ()  # test files the fix changes (it may bend its own proof)
    # Both runs failed and the one without the fix stopped at its first failures (pytest `-x`, a
    # collection error): a test failing with the fix may never have run without it.
    baseline_stopped: bool = False
    # Where we placed a fix whose diff did not say ("re-anchored at a.py:9"): its own field, as
    # `reason` may have to say why the tests did not run (their baseline timed out) instead.
    anchor_note: str = ""
    # The tests passed with the fix, after failing without it, but fewer passed than ran
    # without it (a skipped or deselected test, an exit 0 before any test ran): what ran
    # ("only 3 passed where 4 ran without the fix"). Such a pass does not speak for the fix.
    short_run: str = ""
    # How many tests the run with the fix executed, as its runner's summary says
    # (`checks.counts`); None when it says none (plain `go test`) or the tests did not run.
    tests_ran: int | None = None
    # Plain `go test` counts no tests, only packages: how many ran (had tests) and failed, the
    # count the badge shows when `tests_ran` is None ("3 packages passed"); None when unknown.
    packages_ran: int | None = None
    packages_failed: int = 0

    @property
    def badge(self) -> str:
        """`applies · tests pass (4 ran), and fail without the fix`, `applies (re-anchored at
        a.py:9) · tests fail (test_x)`, `does not apply (why)`; ` · edits tests/test_a.py` when
        the fix changes tests."""
        if not self.applies:
            return f"does not apply ({self.reason})" if self.reason else "does not apply"
        edits = ""
        if self.edits_tests:
            shown = ", ".join(self.edits_tests[:3]) + (", …" if len(self.edits_tests) > 3 else "")
            edits = f" · edits {shown}"
        # Placed by us, not where the diff said: "applies (re-anchored at shop.py:19)". A record
        # older than `anchor_note` has it in `reason` when the tests ran; when they did not,
        # `reason` says why (`_tests_text`), not where the fix went.
        ran = self.tests not in ("error", "not run")
        placed = self.anchor_note or (self.reason if ran else "")
        applies = f"applies ({placed})" if placed else "applies"
        return f"{applies} · {self._tests_text}{edits}"

    @property
    def _tests_text(self) -> str:
        if self.tests == "pass":
            if self.baseline == "fail" and self.short_run:
                return f"tests pass, but {self.short_run}"  # its counts said there
            # How many passed, when the runner says: "1 ran" proves less than "40 ran".
            ran = self._packages or (None if self.tests_ran is None else f"{self.tests_ran} ran")
            passed = f"tests pass ({ran})" if ran else "tests pass"
            if self.baseline == "pass":
                return f"{passed}, as they did without the fix: no test tells it apart"
            if self.baseline == "fail":
                return f"{passed}, and fail without the fix"
            return passed
        if self.tests == "fail":
            said = "; ".join(w for w in (self.failing_test, self._packages) if w)
            who = f" ({said})" if said else ""
            if self.fails_without_fix:
                return f"tests fail{who}, failing before the fix too"
            if self.unnamed_before and self.baseline_stopped:
                return (
                    f"tests fail{who}, as they did without the fix, which stopped at its first "
                    "failures: nothing to compare"
                )
            if self.unnamed_before:
                return "tests fail, as they did without the fix, naming no test to compare"
            return f"tests fail{who}"
        if self.tests == "timeout":
            return "tests timeout"
        if self.tests == "error":
            return f"tests could not run ({self.reason})"
        return f"tests not run ({self.reason})" if self.reason else "tests not run"

    @property
    def _packages(self) -> str:
        """`3 packages passed`, `1 of 3 packages failed`: plain `go test`'s only count (`the
        package failed`, `all 2 packages failed`, when no package passed)."""
        if self.packages_ran is None or self.tests_ran is not None:
            return ""
        noun = "package" if self.packages_ran == 1 else "packages"
        if self.packages_failed >= self.packages_ran == 1:
            return "the package failed"
        if self.packages_failed >= self.packages_ran:
            return f"all {self.packages_ran} packages failed"
        if self.packages_failed:
            return f"{self.packages_failed} of {self.packages_ran} {noun} failed"
        return f"{self.packages_ran} {noun} passed"

    @property
    def unnamed_before(self) -> bool:
        """The tests failed with and without the fix, and which tests cannot be told apart."""
        return (
            self.tests == "fail"
            and self.baseline == "fail"
            and not self.fails_without_fix
            and not self.new_failures
        )

    @property
    def tone(self) -> str:
        """`ok` when the run speaks for the fix, `weak` when it proves little (the tests passed
        without it too, it edits tests, they did not run), `bad` when it fails or breaks."""
        if not self.applies or self.tests in ("fail", "timeout", "error"):
            return "bad"
        if (
            self.tests == "pass"
            and self.baseline != "pass"
            and not self.edits_tests
            and not self.short_run
        ):
            return "ok"
        return "weak"


@dataclass(frozen=True)
class Mutant:
    """One mutation of a changed line and whether the test suite noticed it."""

    path: str
    line: int
    operator: str  # "flip comparison", "and/or", "off by one", ...
    original: str  # the whole line before and after
    mutated: str
    status: MutantStatus = "survived"
    killed_by: str | None = None  # first failing test, when known
    log: str = ""  # its test run's log in the review folder ("checks/mutant-3.log")

    @property
    def caught(self) -> bool:
        return self.status in ("killed", "timeout")

    @property
    def one_line_diff(self) -> str:
        return f"-{self.original.strip()} +{self.mutated.strip()}"


class _Checked(Protocol):
    """A report finding, as far as the fix-check list needs it (`deepreview.model` builds on
    this module, so it cannot be imported here)."""

    @property
    def id(self) -> str: ...
    @property
    def fix_check(self) -> FixCheck | None: ...
    @property
    def verification(self) -> str | None: ...


@dataclass(frozen=True)
class CheckResults:
    """Measured evidence about the tests: fix checks and mutation probes (`--allow-exec`)."""

    test_command: tuple[str, ...] = ()
    note: str = ""  # "no test command configured", or why nothing ran
    baseline: TestOutcome = "not run"
    baseline_failing: str | None = None
    baseline_duration_s: float | None = None
    baseline_log: str = ""  # the run without any fix or mutation ("checks/baseline.log")
    fixes_requested: bool = False
    fix_checks: tuple[FixCheck, ...] = ()
    probes_requested: bool = False
    mutants: tuple[Mutant, ...] = ()
    probe_note: str = ""  # "stopped at --probe-minutes after 8 of 20", "no Python or Go lines"
    # The report's findings (IDs) whose fix diff this run did not check: the lead wrote it after
    # the tests ran, and they were not run again for it (a relead; `lead_unchecked`). Set with
    # the report's badges; `fix_checks` then holds only the checks of fixes the report shows
    # (not those of findings the lead merged away or dropped).
    unchecked: tuple[str, ...] = ()
    # Why the fix diffs the lead wrote were not checked after it ran ("the tests time out
    # without any fix"); empty when they were, or when no tests ran after the lead (a relead).
    lead_unchecked: str = ""
    # `git status` lines of the user's checkout that changed while the tests ran.
    checkout_changes: tuple[str, ...] = ()

    @property
    def baseline_text(self) -> str:
        """How the tests did at the review SHA without any fix or mutation."""
        return {
            "pass": "tests pass",
            "fail": "tests fail",
            "timeout": "tests time out",
            "error": "tests could not run",
        }.get(self.baseline, "tests not run")

    @property
    def test_command_text(self) -> str:
        """The test command as one shell line that can be pasted back (`sh -c 'exit 1'`)."""
        return shlex.join(self.test_command)

    def listed_fix_checks(self, findings: Sequence[_Checked]) -> tuple[tuple[str, FixCheck], ...]:
        """The fix checks the Testing Assessment lists (all but applied-and-passing ones that
        ran every test and edit none), each with the IDs of the findings whose fix it checked
        (`I1`, `I1, S3`; empty when none holds it).
        """
        out = []
        for check in self.fix_checks:
            passed = check.applies and check.tests == "pass"
            if passed and not check.edits_tests and not check.short_run:
                continue
            ids = ", ".join(f.id for f in findings if f.fix_check == check and f.id)
            out.append((ids, check))
        return tuple(out)

    def unchecked_badge(self, finding: _Checked) -> str | None:
        """`not checked (why)` for a finding whose fix diff this run did not check."""
        if finding.id not in self.unchecked:
            return None
        by_lead = finding.verification == "added-by-lead"
        if self.lead_unchecked:
            who = "written by the lead; " if by_lead else ""
            return f"not checked ({who}{self.lead_unchecked})"
        if by_lead:
            return "not checked (written by the lead after the tests ran)"
        return "not checked (not among this run's fix checks)"

    def unchecked_badges(self, findings: Sequence[_Checked]) -> tuple[tuple[str, str], ...]:
        """(ID, badge) of each finding whose fix diff was not checked, as the list shows them."""
        return tuple(
            (f.id, badge) for f in findings if (badge := self.unchecked_badge(f)) is not None
        )

    @property
    def survivors(self) -> tuple[Mutant, ...]:
        return tuple(m for m in self.mutants if m.status == "survived")

    @property
    def fixes_summary(self) -> str:
        """`5 fixes: 4 apply, 3 pass tests (as they did without any fix), 1 breaks `TestFoo`; 1
        more not checked`."""
        checks = self.fix_checks
        # Not measured, so never counted with those that were: said apart, at the end.
        unchecked = len(self.unchecked)
        if not checks and unchecked:
            return f"{unchecked} {'fix' if unchecked == 1 else 'fixes'}, not checked"
        if not checks:
            return "No finding proposed a fix diff to check"
        n, applied = len(checks), sum(c.applies for c in checks)
        parts = [f"{applied} {'applies' if applied == 1 else 'apply'}", _passed(checks)]
        failed = [c for c in checks if c.tests == "fail"]
        # A test that already failed without the fix is not the fix's doing (README, "Proof,
        # not opinion"): counted apart, never as a test the fix breaks. Nor is a failure we
        # cannot compare, as no test is named: counted apart too, excused by nothing.
        broken = [
            c.failing_test or "a test"
            for c in failed
            if not c.fails_without_fix and not c.unnamed_before
        ]
        if broken:
            verb = "breaks" if len(broken) == 1 else "break"
            # a test's name is the project's own output: a backtick in it must not end the span
            names = ", ".join(b if b == "a test" else code_span(b) for b in dict.fromkeys(broken))
            parts.append(f"{len(broken)} {verb} {names}")
        before = sum(c.fails_without_fix for c in failed)
        if before:
            parts.append(f"{before} with tests already failing before the fix")
        unnamed = sum(c.unnamed_before and not c.baseline_stopped for c in failed)
        if unnamed:
            verb = "fails" if unnamed == 1 else "fail"
            parts.append(
                f"{unnamed} {verb} as the tests did without any fix (no test named to compare)"
            )
        stopped = sum(c.unnamed_before and c.baseline_stopped for c in failed)
        if stopped:
            verb = "fails" if stopped == 1 else "fail"
            parts.append(
                f"{stopped} {verb} as the tests did without any fix (which stopped at their "
                "first failures: nothing to compare)"
            )
        timeouts = sum(c.tests == "timeout" for c in checks)
        if timeouts:
            parts.append(f"{timeouts} {'times' if timeouts == 1 else 'time'} out")
        not_run = [c for c in checks if c.applies and c.tests == "not run"]
        if not_run:
            why = f" ({not_run[0].reason})" if not_run[0].reason else ""
            parts.append(f"{len(not_run)} not run{why}")
        edits = sum(bool(c.applies and c.edits_tests) for c in checks)
        if edits:
            parts.append(f"{edits} {'edits' if edits == 1 else 'edit'} test files")
        summary = f"{n} {'fix' if n == 1 else 'fixes'}: " + ", ".join(parts)
        return f"{summary}; {unchecked} more not checked" if unchecked else summary

    @property
    def probe_summary(self) -> str:
        """`Probed 20 mutations of the changed lines: the suite caught 14; 6 survived`."""
        n = len(self.mutants)
        if not n:
            return "No mutation of the changed lines was run" + (
                f" ({self.probe_note})" if self.probe_note else ""
            )
        caught = sum(m.caught for m in self.mutants)
        timeouts = sum(m.status == "timeout" for m in self.mutants)
        errors = sum(m.status == "error" for m in self.mutants)
        head = f"Probed {n} mutation{'s' if n != 1 else ''} of the changed lines: "
        if caught == n:
            body = "all killed"
        else:
            body = f"the suite caught {caught}; {len(self.survivors)} survived"
        if timeouts:
            body += f" ({timeouts} caught by timeout)"
        if errors:
            body += f"; {errors} could not run"
        return head + body


def _passed(checks: Sequence[FixCheck]) -> str:
    """`3 pass tests (as they did without any fix)`, `1 makes the tests pass`: whether the
    tests passed without the fixes too, which leaves a pass proving nothing about them."""
    passed = [c for c in checks if c.tests == "pass" and not c.short_run]
    # A pass with fewer tests than ran without the fix is said apart: it made nothing pass.
    short = sum(c.tests == "pass" and bool(c.short_run) for c in checks)
    fewer = f", {short} {'passes' if short == 1 else 'pass'} with fewer tests" if short else ""
    n = len(passed)
    if n and all(c.baseline == "fail" for c in passed):
        return f"{n} {'makes' if n == 1 else 'make'} the tests pass{fewer}"
    text = f"{n} {'passes' if n == 1 else 'pass'} tests"
    if n and all(c.baseline == "pass" for c in passed):
        text += " (as they did without any fix)"
    return text + fewer
