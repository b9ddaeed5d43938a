"""The report's domain model: frozen dataclasses, no behaviour beyond small derived views.

Everything downstream of the seats speaks these types: the review parser produces `AgentReview`,
consolidation and the lead produce a `Report`, the renderers read a `Report`, the store saves its
JSON (see `deepreview.serialize`).  Strings that hold Markdown say so in their comments; they are
agent or PR text and therefore untrusted for HTML output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar, Final, Literal, get_args

from deepreview.checkmodel import CheckResults, FixCheck
from deepreview.feedback import ThreadVerdict
from deepreview.retromodel import Retro
from deepreview.runmodel import Commit, SeatRun
from deepreview.untrusted_text import visible_bidi


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
    path: str  # repo-relative: the file's real name, bidi controls and all (a machine field)
    start: int | None = None
    end: int | None = None
    # `untrusted_text.clean_strings` keeps these as they are: JSON, SARIF and inline comments
    # must name the file that exists, not its display text.
    KEEPS_BIDI: ClassVar[tuple[str, ...]] = ("path",)

    def __str__(self) -> str:
        """The place as people read it: bidi controls shown as code points (Trojan Source)."""
        path = visible_bidi(self.path)
        if self.start is None:
            return path
        if self.end is None or self.end == self.start:
            return f"{path}:{self.start}"
        return f"{path}:{self.start}-{self.end}"


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
    # "outside this change" (no file of it changed) | "file not found at review SHA" |
    # "file deleted by this change" | "renamed to NEW by this change" (consolidate/scope.py)
    scope: str | None = None
    sources: tuple[FindingSource, ...] = ()  # the reviewers' own findings merged into this one


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
    # Who said it (reviewer credits, as on a finding): each item's, in step with `items`, and
    # the intro's (every seat whose intro it joins). Empty in a seat's own review and in reports
    # written before credits were kept.
    item_reviewers: tuple[tuple[str, ...], ...] = ()
    intro_reviewers: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.intro.strip() and not self.items

    @property
    def credited_items(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(item, its reviewers) pairs; () reviewers where none are known."""
        credits = self.item_reviewers if len(self.item_reviewers) == len(self.items) else ()
        return tuple((item, credits[n] if credits else ()) for n, item in enumerate(self.items))


# The seed layout always has both assessments: the report says so in one line when no reviewer
# wrote one, and `parse_report` reads that line back as an empty assessment.
NO_TESTING: Final = "No reviewer assessed testing."
NO_DOCUMENTATION: Final = "No reviewer assessed documentation."
# Review Process Notes with nothing in them: the lead's judgement, or no judgement at all.
NO_PROCESS_NOTES: Final = "No skill improvements or repo context updates warranted."
NO_LEAD_PROCESS_NOTES: Final = (
    "No lead judged this review, so no skill improvements or repo context updates were proposed."
)


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
    # Why the text looks unfinished (cut off mid-sentence, or ending on work announced and not
    # done: `findings/unfinished.py`), or "": its silence is then no approval.
    cut_off: str = ""
    # IDs of findings the review gave no severity (no section, tag, label or ID letter says
    # one): taken as important, and the retro says so rather than presenting a guess as a grade.
    unrated: tuple[str, ...] = ()
    # (ID, what its tag overruled: "its heading says suggestion") of findings whose tag gave
    # another severity than their section or ID letter: the tag was taken, the retro says so.
    overruled: tuple[tuple[str, str], ...] = ()
    # (ID as written, ID given) of findings renumbered because an earlier, different finding
    # of the review had their ID ("two findings called I1"): the retro says which is which.
    renumbered: tuple[tuple[str, str], ...] = ()
    # Titles of the sections the review wrote twice, as drafts (`findings/drafts.py`): the later
    # draft was read, the earlier one's findings are not the seat's; the retro says so.
    redrafted: tuple[str, ...] = ()

    def counts(self) -> dict[Severity, int]:
        return count_by_severity(self.findings)


def count_by_severity(findings: tuple[Finding, ...] | list[Finding]) -> dict[Severity, int]:
    out = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        out[f.severity] += 1
    return out


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
class Verdict:
    # Merge as-is | Merge with fixes | Rework | Failed | No model review | Unverified | Unknown
    label: str
    reason: str = ""

    @property
    def slug(self) -> str:
        return self.label.lower().replace(" ", "-")

    @property
    def line(self) -> str:
        """`Verdict: Merge as-is — no issues found; 3 of 3 files' diffs were not in the seats'
        prompts`: the one wording of a verdict, for the terminal and (with a full stop) the
        Executive Summary, so neither can say less than the header does."""
        return f"Verdict: {self.label}" + (f" — {self.reason}" if self.reason else "")


# The report's Commits row lists at most this many: a range of 30,000 commits made a 2.4 MB cell.
REPORT_COMMITS: Final = 100

# The report JSON's own version, apart from `runmodel.SCHEMA_VERSION` (what the commands print):
# stored reports are read back (`show`, `render`, `publish`, a later round), and a reader of an
# older version must say it is newer, not damaged. `serialize.report_from_data` migrates older
# versions. 2: a seat run's `tool_calls` may be null (a `command` seat's, not measured).
REPORT_SCHEMA_VERSION: Final = 2


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
    commits: tuple[Commit, ...] = ()  # at most `REPORT_COMMITS`, oldest first
    commits_more: int = 0  # the change's commits past those listed (a release range's thousands)
    review_sha: str | None = None
    reviewers: tuple[Reviewer, ...] = ()
    verdict: Verdict = field(default_factory=lambda: Verdict("Unknown"))
    wall_clock_s: float | None = None


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
    verdict: FixVerdictWord  # our reading of the seat's words
    evidence: str = ""  # Markdown: file:line and why
    # The seat's own words on the finding, as it wrote them (its line after the ID), so a
    # reader can check our reading against them. "" in reports written before it was kept.
    said: str = ""


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
    # (seat, its line) for each seat whose line on this finding gave no verdict that could be
    # read: the finding stays open ("verdict unreadable") rather than close on a guess.
    unreadable: tuple[tuple[str, str], ...] = ()
    raised_again: bool = False  # a seat raised it again this round
    # A seat called it fixed, but no commit since the compared round touched its files: a fix
    # nobody made is not taken (`verdict` is None), and the finding stays open.
    code_unchanged: bool = False
    # A seat raised it again and this round's lead dropped that (as a false positive, or out of
    # scope): the lead's judgment closes it, like a fix verdict would (`carried_as` is None).
    dropped_by_lead: bool = False

    @property
    def status(self) -> str:
        """What became of the finding, in the one wording the Fix Verdicts table, the carried
        finding's tag and the PR summary all use."""
        if self.dropped_by_lead:
            return "dropped by the lead"
        if self.code_unchanged:
            return "claimed fixed, code unchanged"
        if self.carried_as and self.verdict in ("fixed", "no longer applies"):
            return "not fixed"  # a report stored before `rounds.apply` said so itself
        if self.verdict is not None:
            return self.verdict
        if self.raised_again:
            return "raised again"
        return "verdict unreadable" if self.unreadable else "no verdict"


@dataclass(frozen=True)
class DeclinedFinding:
    """A finding a decline in an earlier round keeps out of the open findings."""

    prior_id: str
    title: str
    location: str
    reason: str
    declined_round: int
    code_changed: bool = False  # the lines it names changed since it was declined
    # its review's commit is gone and no text of its lines was kept, or its file is not found
    # at this round's commit: nothing was compared
    uncompared: bool = False
    # a seat raised it this round; with `code_changed` it is an open finding again
    raised_again: bool = False
    # the ID of a finding still open from the previous round that it was raised again inside
    # (the seats' findings merged): shown there, once, and named by the Declined entry
    within: str = ""
    # this round's ID(s) of the finding raised again and left out as declined: the report's
    # numbering skips it, and the retro may name it
    left_out_as: str = ""
    # the ID of a finding of this round only like it (in other words at its lines): reported as
    # found all the same, but the entry names it as possibly the declined one
    alike: str = ""

    @property
    def reopened(self) -> bool:
        return self.code_changed and self.raised_again


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
    # The compared round's own number: not always `number - 1`, since a review of the series
    # that finished while this one ran took a number in between. None in reports from before
    # it was kept (they compared with `number - 1`).
    previous_number: int | None = None

    @property
    def previous(self) -> int:
        """The number of the round this one compares with."""
        return self.previous_number if self.previous_number is not None else self.number - 1


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
    schema_version: int = REPORT_SCHEMA_VERSION

    @property
    def header_notes(self) -> tuple[str, ...]:
        """The notes shown under the header: the run's, then why the lead's judgment is
        missing (a lead that failed, fell back or did not run)."""
        lead = self.lead
        if lead is None or lead.status == "ok" or not lead.note or lead.note in self.notes:
            return self.notes
        return (*self.notes, lead.note)

    @property
    def no_process_notes(self) -> str:
        """What empty Review Process Notes say: "warranted" is the lead's word, and a lead that
        did not run, failed or fell back proposed nothing (unknown, in a report read back from
        Markdown without a lead line: the old wording)."""
        lead = self.lead
        return NO_PROCESS_NOTES if lead is None or lead.status == "ok" else NO_LEAD_PROCESS_NOTES

    def by_severity(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    def counts(self) -> dict[Severity, int]:
        return count_by_severity(self.findings)
