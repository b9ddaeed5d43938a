"""What a review records about its own run, apart from the report: the commits it reviewed,
each seat's measured run, the measured checks, the effort levels, and the JSON schema
version every command prints.

Its own module because a review needs it before its first seat and the report's model
(`deepreview.model`, ~25 frozen dataclasses, ~20 ms to import) only after the seats: see
benchmarks/README.md, "first seat spawned after". The report's model builds on it.
"""

from __future__ import annotations

import dataclasses
import math
import shlex
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, Protocol, get_args

from deepreview.markdown_fence import code_span

if TYPE_CHECKING:
    from collections.abc import Sequence

SCHEMA_VERSION = 1

# Reasoning effort a seat is asked for; each agent adapter maps it to its CLI's own flag.
Effort = Literal["low", "medium", "high", "xhigh"]
EFFORTS: Final[tuple[str, ...]] = get_args(Effort)

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
    # Where we placed a fix whose diff did not say ("re-anchored at a.py:9"): its own field, as
    # `reason` may have to say why the tests did not run (their baseline timed out) instead.
    anchor_note: str = ""

    @property
    def badge(self) -> str:
        """`applies · tests pass, and fail without the fix`, `applies (re-anchored at a.py:9) ·
        tests fail (test_x)`, `does not apply (why)`; ` · edits tests/test_a.py` when the fix
        changes tests."""
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
            if self.baseline == "pass":
                return "tests pass, as they did without the fix: no test tells it apart"
            if self.baseline == "fail":
                return "tests pass, and fail without the fix"
            return "tests pass"
        if self.tests == "fail":
            who = f" ({self.failing_test})" if self.failing_test else ""
            if self.fails_without_fix:
                return f"tests fail{who}, failing before the fix too"
            if self.unnamed_before:
                return "tests fail, as they did without the fix, naming no test to compare"
            return f"tests fail{who}"
        if self.tests == "timeout":
            return "tests timeout"
        if self.tests == "error":
            return f"tests could not run ({self.reason})"
        return f"tests not run ({self.reason})" if self.reason else "tests not run"

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
        if self.tests == "pass" and self.baseline != "pass" and not self.edits_tests:
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
        edit no test), each with the IDs of the findings whose fix it checked (`I1`, `I1, S3`;
        empty when none holds it).
        """
        out = []
        for check in self.fix_checks:
            if check.applies and check.tests == "pass" and not check.edits_tests:
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
        unnamed = sum(c.unnamed_before for c in failed)
        if unnamed:
            verb = "fails" if unnamed == 1 else "fail"
            parts.append(
                f"{unnamed} {verb} as the tests did without any fix (no test named to compare)"
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
    passed = [c for c in checks if c.tests == "pass"]
    n = len(passed)
    if n and all(c.baseline == "fail" for c in passed):
        return f"{n} {'makes' if n == 1 else 'make'} the tests pass"
    text = f"{n} {'passes' if n == 1 else 'pass'} tests"
    if n and all(c.baseline == "pass" for c in passed):
        text += " (as they did without any fix)"
    return text


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
    tool_calls: int = 0
    tool_counts: tuple[tuple[str, int], ...] = ()  # (tool name, count), most used first
    shell_breakdown: tuple[tuple[str, int], ...] = ()  # ("git blame", 7), ("sed -n", 21)
    permission_denials: int = 0
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

    @property
    def modified_worktree(self) -> bool:
        return bool(self.worktree_changes)

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
        tool_calls=sum(r.tool_calls for r in runs),
        tool_counts=tuple(sorted(tools.items(), key=lambda kv: (-kv[1], kv[0]))),
        shell_breakdown=tuple(sorted(shell.items(), key=lambda kv: (-kv[1], kv[0]))),
        permission_denials=sum(r.permission_denials for r in runs),
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


def _rounded(value: int | float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)
