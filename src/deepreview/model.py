"""The report's domain model: frozen dataclasses, no behaviour beyond small derived views.

Everything downstream of the seats speaks these types: the review parser produces `AgentReview`,
consolidation and the lead produce a `Report`, the renderers read a `Report`, the store saves its
JSON (see `deepreview.serialize`).  Strings that hold Markdown say so in their comments; they are
agent or PR text and therefore untrusted for HTML output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal, get_args

from deepreview.feedback import ThreadVerdict

SCHEMA_VERSION = 1

# Reasoning effort a seat is asked for; each agent adapter maps it to its CLI's own flag.
Effort = Literal["low", "medium", "high", "xhigh"]
EFFORTS: Final[tuple[str, ...]] = get_args(Effort)


class Severity(StrEnum):
    CRITICAL = "critical"
    IMPORTANT = "important"
    SUGGESTION = "suggestion"

    @property
    def letter(self) -> str:
        return self.value[0].upper()

    @property
    def rank(self) -> int:
        """0 = most severe."""
        return _SEVERITY_ORDER.index(self)

    @property
    def heading(self) -> str:
        return {"critical": "Critical Issues", "important": "Important Issues"}.get(
            self.value, "Suggestions"
        )

    @classmethod
    def from_letter(cls, letter: str) -> Severity:
        return {"C": cls.CRITICAL, "I": cls.IMPORTANT, "S": cls.SUGGESTION}[letter.upper()]


_SEVERITY_ORDER = (Severity.CRITICAL, Severity.IMPORTANT, Severity.SUGGESTION)
SEVERITIES = _SEVERITY_ORDER


@dataclass(frozen=True)
class Location:
    path: str  # repo-relative
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        if self.start is None:
            return self.path
        if self.end is None or self.end == self.start:
            return f"{self.path}:{self.start}"
        return f"{self.path}:{self.start}-{self.end}"


@dataclass(frozen=True)
class FindingSource:
    """One reviewer's own finding inside a consolidated finding: who said what."""

    reviewer: str  # credit name ("Claude Opus 4.6")
    finding_id: str  # the reviewer's own ID ("I3")
    severity: Severity
    title: str  # Markdown inline, as the reviewer wrote it
    locations: tuple[Location, ...] = ()
    # "note": the reviewer cited these lines in a Testing/Documentation note or a design concern
    # rather than listing a finding; `finding_id` then names the section and `severity` is the
    # consolidated finding's, not the reviewer's.
    kind: Literal["finding", "note"] = "finding"


@dataclass(frozen=True)
class Finding:
    id: str  # "I1": the agent's own ID in an AgentReview, the consolidated ID in a Report
    severity: Severity
    title: str  # Markdown inline
    locations: tuple[Location, ...] = ()
    classification: str | None = None  # regression | gap | pre-existing | enhancement | ...
    reviewers: tuple[str, ...] = ()  # display names ("Claude Opus 4.6"), "lead" for the lead
    body: str = ""  # Markdown: code excerpt and explanation, everything before "Fix:"
    fix: str = ""  # Markdown after "Fix:" (usually a diff block)
    carry_forward: str | None = None  # "Round 4 I3, unaddressed"
    verification: str | None = None  # verified | unverified | reasoned | added-by-lead
    fix_check: FixCheck | None = None  # measured with --check-fixes
    # "outside this change" (no file of it changed) | "file not found at review SHA"
    scope: str | None = None
    sources: tuple[FindingSource, ...] = ()  # the reviewers' own findings merged into this one


TestOutcome = Literal["pass", "fail", "timeout", "error", "not run"]
MutantStatus = Literal["killed", "survived", "timeout", "error"]


@dataclass(frozen=True)
class FixCheck:
    """What happened when the finding's fix diff was applied and the tests were run."""

    applies: bool
    reason: str = ""  # why it does not apply; or how it was applied ("re-anchored")
    tests: TestOutcome = "not run"
    failing_test: str | None = None  # first failing test: `test_x`, `TestFoo`
    fails_without_fix: bool = False  # the baseline already failed this way
    output_tail: str = ""  # last lines of the test output when they did not pass
    diff: str = ""  # the diff that was applied, as extracted from the fix

    @property
    def badge(self) -> str:
        """`applies · tests pass`, `applies · tests fail (test_x)`, `does not apply (why)`."""
        if not self.applies:
            return f"does not apply ({self.reason})" if self.reason else "does not apply"
        if self.tests == "pass":
            return "applies · tests pass"
        if self.tests == "fail":
            who = f" ({self.failing_test})" if self.failing_test else ""
            before = ", failing before the fix too" if self.fails_without_fix else ""
            return f"applies · tests fail{who}{before}"
        if self.tests == "timeout":
            return "applies · tests timeout"
        if self.tests == "error":
            return f"applies · tests could not run ({self.reason})"
        return "applies"


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

    @property
    def caught(self) -> bool:
        return self.status in ("killed", "timeout")

    @property
    def one_line_diff(self) -> str:
        return f"-{self.original.strip()} +{self.mutated.strip()}"


@dataclass(frozen=True)
class CheckResults:
    """Measured evidence about the tests: fix checks and mutation probes (`--allow-exec`)."""

    test_command: tuple[str, ...] = ()
    note: str = ""  # "no test command configured", or why nothing ran
    baseline: TestOutcome = "not run"
    baseline_failing: str | None = None
    baseline_duration_s: float | None = None
    fixes_requested: bool = False
    fix_checks: tuple[FixCheck, ...] = ()
    probes_requested: bool = False
    mutants: tuple[Mutant, ...] = ()
    probe_note: str = ""  # "stopped at --probe-minutes after 8 of 20", "no Python or Go lines"

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
    def survivors(self) -> tuple[Mutant, ...]:
        return tuple(m for m in self.mutants if m.status == "survived")

    @property
    def fixes_summary(self) -> str:
        """`5 fixes: 4 apply, 3 pass tests, 1 breaks `TestFoo``."""
        checks = self.fix_checks
        if not checks:
            return "No finding proposed a fix diff to check."
        n, applied = len(checks), sum(c.applies for c in checks)
        passed = sum(c.tests == "pass" for c in checks)
        parts = [
            f"{applied} {'applies' if applied == 1 else 'apply'}",
            f"{passed} {'passes' if passed == 1 else 'pass'} tests",
        ]
        broken = [c.failing_test or "a test" for c in checks if c.tests == "fail"]
        if broken:
            verb = "breaks" if len(broken) == 1 else "break"
            names = ", ".join(f"`{b}`" for b in dict.fromkeys(broken))
            parts.append(f"{len(broken)} {verb} {names}")
        timeouts = sum(c.tests == "timeout" for c in checks)
        if timeouts:
            parts.append(f"{timeouts} {'times' if timeouts == 1 else 'time'} out")
        return f"{n} {'fix' if n == 1 else 'fixes'}: " + ", ".join(parts)

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


@dataclass(frozen=True)
class DesignObservation:
    kind: Literal["concern", "strength"]
    text: str  # Markdown
    scope: str | None = None  # in-scope | future
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoverageEntry:
    path: str
    status: str  # "Reviewed, no issues" | "Trivial" | "I1, S2" | free text


@dataclass(frozen=True)
class Assessment:
    """Testing/Documentation assessment: optional intro paragraph plus numbered items."""

    intro: str = ""  # Markdown
    items: tuple[str, ...] = ()  # Markdown, without the "1. " prefix

    @property
    def empty(self) -> bool:
        return not self.intro.strip() and not self.items


@dataclass(frozen=True)
class Section:
    """A section we keep but do not interpret (Commit Structure, Unresolved Feedback, ...)."""

    title: str
    body: str  # Markdown


@dataclass(frozen=True)
class AgentReview:
    """One seat's own review, parsed from its final text."""

    seat: str = ""
    pass_no: int = 1
    preamble: str = ""  # chatter before the review proper
    executive_summary: str = ""
    verdict_line: str | None = None
    findings: tuple[Finding, ...] = ()
    design_observations: tuple[DesignObservation, ...] = ()
    testing: Assessment = field(default_factory=Assessment)
    documentation: Assessment = field(default_factory=Assessment)
    limitations: str = ""
    coverage: tuple[CoverageEntry, ...] = ()
    other_sections: tuple[Section, ...] = ()
    unparsed: tuple[str, ...] = ()  # text we could not place; kept, never dropped
    warnings: tuple[str, ...] = ()
    raw: str = ""
    # What the seat says about its own run ("ruff ran with --isolated", an analyzer that was not
    # run): facts for its retro entry, not about the change, so never merged into the report's
    # Testing Assessment or Acknowledged Limitations. Structured seats fill it.
    seat_notes: tuple[str, ...] = ()
    # Text in a findings section that is neither a finding nor "None": findings written in a
    # shape we cannot read. The report must not take the seat's silence for "no issues".
    unread_findings: tuple[str, ...] = ()

    def counts(self) -> dict[Severity, int]:
        return count_by_severity(self.findings)


def count_by_severity(findings: tuple[Finding, ...] | list[Finding]) -> dict[Severity, int]:
    out = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        out[f.severity] += 1
    return out


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


def format_counts(counts: dict[Severity, int]) -> str:
    """`0C 2I 2S`, as in the retro table."""
    return " ".join(f"{counts.get(s, 0)}{s.letter}" for s in SEVERITIES)


@dataclass(frozen=True)
class Reviewer:
    seat: str  # registry name: claude, codex, gemini, static, my-linter ...
    name: str  # heading name: "Claude"
    model: str | None = None  # "Opus 4.6"
    effort: str | None = None

    @property
    def display(self) -> str:
        base = f"{self.name} {self.model}" if self.model else self.name
        return f"{base} (effort: {self.effort})" if self.effort else base

    @property
    def credit(self) -> str:
        """Name used in finding attributions: display without effort."""
        return f"{self.name} {self.model}" if self.model else self.name


@dataclass(frozen=True)
class Commit:
    sha: str
    subject: str


@dataclass(frozen=True)
class Verdict:
    label: str  # Merge as-is | Merge with fixes | Rework | Failed | Unknown
    reason: str = ""

    @property
    def slug(self) -> str:
        return self.label.lower().replace(" ", "-")


@dataclass(frozen=True)
class Header:
    review_id: str
    date: str = ""  # "2026-04-08 14:51"
    repo: str | None = None  # "owner/name" or a directory name
    repo_url: str | None = None
    round: str | None = None
    mode: str | None = None
    author: str | None = None
    author_url: str | None = None
    pr_number: int | None = None
    pr_url: str | None = None
    pr_title: str | None = None
    branch: str | None = None
    commits: tuple[Commit, ...] = ()
    review_sha: str | None = None
    reviewers: tuple[Reviewer, ...] = ()
    verdict: Verdict = field(default_factory=lambda: Verdict("Unknown"))
    wall_clock_s: float | None = None


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
    errors: int = 0
    malformed_lines: int = 0
    worktree_changes: tuple[str, ...] = ()  # `git status --porcelain` lines after the run
    output_truncated: bool = False

    @property
    def modified_worktree(self) -> bool:
        return bool(self.worktree_changes)

    @property
    def outcome_text(self) -> str:
        """Status and reason as one phrase, never the same word twice.

        "timed out after 3 s", "interrupted", "failed: exited with code 7".
        """
        verb = _STATUS_WORDS.get(self.status, self.status)
        reason = (self.reason or "").strip()
        if not reason or reason in (verb, self.status):
            return verb
        if reason.startswith(verb):
            return reason
        return f"{verb}: {reason}"


_STATUS_WORDS = {"timeout": "timed out", "pending": "did not run"}


RETRO_ROWS = (
    "Duration",
    "Findings",
    "Tool calls",
    "Design observations",
    "False positives",
    "Unique insights",
    "Files reviewed",
    "Coverage misses",
)
RETRO_EXTRA_ROWS = ("Totals", "Downgraded", "Dropped")


@dataclass(frozen=True)
class RetroNumbers:
    """One seat's retro numbers, as numbers (the table `cells` are their text for people);
    charts and any other consumer read these, never the cells."""

    critical: int = 0
    important: int = 0
    suggestion: int = 0
    unique_insights: int | None = None  # None: not known (a parsed table without the row)
    tool_calls: int | None = None  # None: not measured


@dataclass(frozen=True)
class SeatRetro:
    seat: str
    name: str  # heading: "### [Claude]"
    column: str  # table column: "Claude Opus 4.6"
    narrative: str = ""  # Markdown paragraphs
    tool_call_highlights: str = ""  # "23 calls. 10 Read, 8 Bash (7 `git blame`, 1 `git diff`)..."
    cells: tuple[tuple[str, str], ...] = ()  # (row label, value) for the Summary table
    numbers: RetroNumbers | None = None  # None: the seat produced no review (or none shown)

    def cell(self, row: str) -> str:
        return dict(self.cells).get(row, "")


@dataclass(frozen=True)
class ReconciliationEntry:
    kind: Literal["merge", "severity", "drop", "reclassify", "split", "add", "note"]
    text: str  # one sentence or more, Markdown
    finding_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retro:
    seats: tuple[SeatRetro, ...] = ()
    rows: tuple[str, ...] = RETRO_ROWS
    reconciliation: tuple[ReconciliationEntry, ...] = ()


@dataclass(frozen=True)
class ProcessNotes:
    skill_improvements: tuple[str, ...] = ()  # Markdown bullets (without "- ")
    repo_context_updates: tuple[str, ...] = ()  # "[repo] Add: \"...\" Why: ..."
    panel: tuple[str, ...] = ()  # `--panel auto`: the choice, then one reason per seat
    github: tuple[str, ...] = ()  # what could not be read from the PR ("unresolved threads ...")

    @property
    def empty(self) -> bool:
        return not (self.skill_improvements or self.repo_context_updates or self.panel) and not (
            self.github
        )


@dataclass(frozen=True)
class AppendixEntry:
    name: str  # "Claude"
    pass_no: int
    text: str  # the seat's review verbatim


@dataclass(frozen=True)
class LeadInfo:
    seat: str  # claude | codex | gemini | opencode | none
    status: Literal["ok", "failed", "fallback", "none"] = "none"
    note: str = ""  # "Consolidated without a lead", "lead answered invalid JSON twice; ..."
    run: SeatRun | None = None


FixVerdictWord = Literal["fixed", "partially fixed", "not fixed", "no longer applies"]
FIX_VERDICTS: Final[tuple[str, ...]] = get_args(FixVerdictWord)


@dataclass(frozen=True)
class SeatFixVerdict:
    """One seat's word on one prior finding, from its `Round N Fix Verdicts` section."""

    seat: str  # reviewer credit ("Claude Opus 4.6")
    verdict: FixVerdictWord
    evidence: str = ""  # Markdown: file:line and why


@dataclass(frozen=True)
class FixVerdict:
    """A prior round's open finding and what this round concluded about it."""

    prior_id: str  # the ID in the previous round's report ("I1")
    title: str  # Markdown inline
    severity: Severity
    location: str = ""  # "calc.py:3"
    verdict: FixVerdictWord | None = None  # None: no seat gave one
    seats: tuple[SeatFixVerdict, ...] = ()
    disagreement: bool = False
    carried_as: str | None = None  # this round's ID when still open ("I2")


@dataclass(frozen=True)
class DeclinedFinding:
    """A finding a decline in an earlier round keeps out of the open findings."""

    prior_id: str
    title: str
    location: str
    reason: str
    declined_round: int
    code_changed: bool = False  # the code at its location changed since: reported again


@dataclass(frozen=True)
class RoundInfo:
    """What a round N >= 2 knew about the round before it (`None` on a first round)."""

    number: int
    series: str  # "pr:711" | "branch:feature/x"
    previous_review_id: str
    previous_sha: str
    interdiff_note: str = ""  # why the interdiff is missing (e.g. the SHA no longer exists)
    fix_verdicts: tuple[FixVerdict, ...] = ()
    declined: tuple[DeclinedFinding, ...] = ()
    new_findings: tuple[str, ...] = ()  # IDs of this round's findings not seen before


@dataclass(frozen=True)
class Report:
    header: Header
    executive_summary: str = ""
    findings: tuple[Finding, ...] = ()
    design_observations: tuple[DesignObservation, ...] = ()
    testing: Assessment = field(default_factory=Assessment)
    documentation: Assessment = field(default_factory=Assessment)
    limitations: str = ""
    extra_sections: tuple[Section, ...] = ()
    retro: Retro = field(default_factory=Retro)
    process_notes: ProcessNotes = field(default_factory=ProcessNotes)
    appendix: tuple[AppendixEntry, ...] = ()
    runs: tuple[SeatRun, ...] = ()
    lead: LeadInfo | None = None
    notes: tuple[str, ...] = ()  # run notes (seat choice, failures); see `header_notes`
    checks: CheckResults | None = None  # measured with --check-fixes / --probe-tests
    round_info: RoundInfo | None = None  # round N >= 2 of a series (`rounds/`)
    # A PR's unresolved review threads and the seats' word on each (`pipeline/feedback_step`).
    unresolved_feedback: tuple[ThreadVerdict, ...] = ()
    schema_version: int = SCHEMA_VERSION

    @property
    def header_notes(self) -> tuple[str, ...]:
        """The notes shown under the header: the run's, then why the lead's judgment is
        missing (a lead that failed, fell back or did not run)."""
        lead = self.lead
        if lead is None or lead.status == "ok" or not lead.note or lead.note in self.notes:
            return self.notes
        return (*self.notes, lead.note)

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    def counts(self) -> dict[Severity, int]:
        return count_by_severity(self.findings)
