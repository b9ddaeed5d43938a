"""One stored report → one `SeatFacts` per seat: what the seat raised and what survived.

The numbers come from the report the pipeline wrote: the retro's cells (which the retro
computes from the lead's decisions: `0C 2I 2S`, `1 (C1 add)`, ...), its unique insights (a
surviving finding of this round credited to this seat alone, which no earlier round of the series
reported: one it raised again is counted apart, as re-raised) and the measured runs (duration,
tokens, cost). Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deepreview.agents.model_names import pretty_model
from deepreview.model import Report, Reviewer
from deepreview.retromodel import SeatRetro, says_no_peer
from deepreview.runmodel import RUN_NOTES, SeatRun, run_notes

# Retro cells hold `—` when there was nothing to measure (a failed seat).
_COUNTS = re.compile(r"^\s*(\d+)C\s+(\d+)I\s+(\d+)S\s*$")
_LEADING_INT = re.compile(r"^\s*(\d+)")
# A failed run's reason when its text was no review: nothing at all, or text that is not one
# (`findings.readable.UNPARSEABLE`: "Error: quota exceeded ..."), or a text that stopped before
# saying anything usable (`UNFINISHED`). Spelled out, not imported: that module brings the
# review parser, which this one only loads after the seats ran.
_UNPARSEABLE_REASONS = ("empty review", "unparseable review", "unfinished review")

# Model names (or CLI adapters) → the vendor family, for "keep at least two families".
_FAMILY_HINTS = (
    ("anthropic", ("claude", "opus", "sonnet", "haiku")),
    ("openai", ("gpt", "codex", "o1", "o3", "o4")),
    ("google", ("gemini", "gemma")),
    ("xai", ("grok",)),
    ("deepseek", ("deepseek",)),
    ("alibaba", ("qwen",)),
    ("mistral", ("mistral", "codestral", "devstral")),
)


def model_family(model: str | None, adapter: str) -> str:
    """The vendor of `model` (`claude-opus-4-6` → anthropic), else of the adapter; a program
    we know nothing about (a `command` seat) is its own family."""
    for text in (model or "", adapter):
        words = re.split(r"[^a-z0-9]+", text.lower())
        for family, hints in _FAMILY_HINTS:
            if any(w.startswith(h) for w in words if w for h in hints):
                return family
    return adapter


@dataclass(frozen=True)
class SeatFacts:
    """One seat in one review. Counts that need the lead's decisions are only meaningful
    when `lead` is true (the review had a lead whose answer was applied)."""

    seat: str
    name: str  # heading name: "Claude"
    model: str  # "" when unknown (a command seat)
    family: str
    effort: str | None
    lead: bool
    status: str  # the run's status: ok | failed | timeout | interrupted | ...
    failure: str  # "" | timeout | crash | unparseable | interrupted | skipped | pending
    # its review was read but fell short (`consolidate.shortfalls`, as its run's reason says):
    # no failure, but no whole review either
    cut_off: bool = False
    unread: bool = False  # its findings text could not be read
    critical: int = 0
    important: int = 0
    suggestion: int = 0
    false_positives: int = 0
    dropped: int = 0
    downgraded: int = 0
    unique_insights: int = 0
    reraised: int = 0  # findings it alone raised again after an earlier round reported them
    coverage_misses: int = 0
    # its findings in clusters the lead said nothing about: kept as consolidated, not judged
    undecided: int = 0
    # another seat's review could have found what it found: only then can its unique
    # insights be counted (`--panel auto` judges a seat by such reviews)
    compared: bool = True
    duration_s: float | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None

    @property
    def raised(self) -> int:
        return self.critical + self.important + self.suggestion

    @property
    def judged(self) -> int:
        """Raised findings the lead decided about (Survival's denominator)."""
        return max(0, self.raised - self.undecided)

    @property
    def kept(self) -> int:
        """Raised findings the lead kept (merged or re-graded, but not dropped); one it said
        nothing about is still in the report, kept as consolidated, but not kept by it."""
        return max(0, self.judged - self.false_positives - self.dropped)


def _leading_int(cell: str) -> int:
    m = _LEADING_INT.match(cell)
    return int(m[1]) if m else 0


def _failure(run: SeatRun | None, retro: SeatRetro, report: Report, raised: int) -> str:
    status = run.status if run is not None else "ok"
    if status == "timeout":
        return "timeout"
    if status == "failed":
        reason = (run.reason or "") if run is not None else ""
        return "unparseable" if reason.startswith(_UNPARSEABLE_REASONS) else "crash"
    if status != "ok":
        return status
    if _COUNTS.match(retro.cell("Findings")) is None:
        return "crash"  # a review we could not use at all
    if raised == 0:
        # A review with no finding is either a clean bill of health or text we could not
        # read; only the latter is a failure, judged as the review's run judged it
        # (`findings.parse.unreadable_reason`, as `runner` does): "No issues found." has no
        # section headings and is a review.
        # Imported here: `review` loads this module before its seats start (run.json's
        # panel) and the review parser is only needed after them.
        from deepreview.findings.parse import unreadable_reason

        text = next((a.text for a in report.appendix if a.name == retro.name), "")
        if unreadable_reason(text, seat=retro.seat) is not None:
            return "unparseable"
    return ""


def _noted(run: SeatRun | None, kind: str) -> bool:
    """Whether the report's run of an ok seat carries the shortfall note `kind`."""
    return run is not None and run.status == "ok" and RUN_NOTES[kind] in run_notes(run.reason)


def _duration(run: SeatRun | None) -> float | None:
    # What we measured, as the retro, `review --json` and the report's `runs` show it: one
    # figure per seat run everywhere. The agent's own figure (`cli_duration_ms`) is not used:
    # it measures something else (a fake CLI claims minutes it never took) and would make
    # `stats` disagree with the report it counts.
    return None if run is None else run.duration_s


@dataclass(frozen=True)
class LeadFacts:
    """The lead of one review: what it cost. A lead that failed still spent its tokens."""

    seat: str  # claude | codex | ... ("none": consolidated without a lead)
    model: str
    status: str  # ok | failed | fallback | none
    duration_s: float | None = None
    cost_usd: float | None = None


def lead_facts(report: Report) -> LeadFacts:
    lead = report.lead
    if lead is None:
        return LeadFacts("none", "", "none")
    run = lead.run
    model = (run.model if run is not None else None) or ""
    return LeadFacts(
        lead.seat,
        model,
        lead.status,
        _duration(run),
        run.cost_usd if run is not None else None,
    )


def _unique_insights(report: Report, retro: SeatRetro) -> tuple[int, int]:
    """(unique insights, re-raised findings) as the retro counts them: findings of this round
    only this seat raised, and of those the ones an earlier round had reported. A finding
    carried over from an earlier round (`Round 1 I1, not fixed`) is neither, although its credit
    still names the seat that raised it then.

    A retro written before re-raised findings were told apart (its numbers say nothing of
    them) counted them as unique insights: the findings its cell lists are then looked up
    in the report, and those carried from an earlier round, or left out as declined in one,
    are re-raised. Reports whose retro kept no numbers are counted from the findings'
    credits, leaving carried findings out the same way."""
    numbers = retro.numbers
    if numbers is not None and numbers.reraised is not None and numbers.unique_insights is not None:
        return numbers.unique_insights, numbers.reraised
    if numbers is not None and numbers.unique_insights is not None:
        if report.round_info is None:
            return numbers.unique_insights, 0  # a first round: nothing to raise again
        # Imported here: a review loads this module before its seats run.
        from deepreview.findings.report_retro import insight_ids

        ids = insight_ids(retro.cell("Unique insights"))
        if ids is not None and len(ids) == numbers.unique_insights:
            carried = {f.id for f in report.findings if f.carry_forward not in (None, "new")}
            present = {f.id for f in report.findings}
            again = sum(1 for i in ids if i in carried or i not in present)
            return len(ids) - again, again
    unique = sum(
        1
        for f in report.findings
        if f.reviewers == (retro.column,) and f.carry_forward in (None, "new")
    )
    return unique, 0


def seat_facts(report: Report) -> tuple[SeatFacts, ...]:
    """Every seat of the report's retro, in report order."""
    lead = report.lead is not None and report.lead.status == "ok"
    # seats that produced a review: a finding is unique against another review only (a report
    # stored before the retro said so credited the one seat that reviewed with every finding)
    reviewed = {r.seat for r in report.retro.seats if _COUNTS.match(r.cell("Findings"))}
    reviewers: dict[str, Reviewer] = {r.seat: r for r in report.header.reviewers}
    runs = {r.seat: r for r in report.runs}
    out: list[SeatFacts] = []
    for retro in report.retro.seats:
        run = runs.get(retro.seat)
        reviewer = reviewers.get(retro.seat)
        # As the report shows it (`Opus 4.6`): reports stored before IDs were shown that way
        # say `claude-opus-4-6`, and one model is one row.
        shown = (reviewer.model if reviewer else None) or (run.model if run else None) or ""
        model = pretty_model(shown, retro.name)
        m = _COUNTS.match(retro.cell("Findings"))
        c, i, s = (int(m[1]), int(m[2]), int(m[3])) if m else (0, 0, 0)
        unique, reraised = _unique_insights(report, retro)
        compared = bool(reviewed - {retro.seat}) and not says_no_peer(retro.cell("Unique insights"))
        if not compared:
            unique = 0  # (a finding it raised again is still a confirmation: `reraised`)
        out.append(
            SeatFacts(
                seat=retro.seat,
                name=retro.name,
                model=model,
                family=model_family(model, retro.seat),
                effort=reviewer.effort if reviewer else None,
                lead=lead,
                status=run.status if run is not None else ("ok" if m else "failed"),
                failure=_failure(run, retro, report, c + i + s),
                cut_off=_noted(run, "cut_off"),
                unread=_noted(run, "unread"),
                critical=c,
                important=i,
                suggestion=s,
                false_positives=_leading_int(retro.cell("False positives")),
                dropped=_leading_int(retro.cell("Dropped")),
                downgraded=_leading_int(retro.cell("Downgraded")),
                unique_insights=unique if m else 0,
                reraised=reraised if m else 0,
                coverage_misses=_leading_int(retro.cell("Coverage misses")),
                undecided=retro.numbers.undecided if m and retro.numbers is not None else 0,
                compared=compared and m is not None,
                duration_s=_duration(run),
                tokens_in=run.tokens_in if run else None,
                tokens_out=run.tokens_out if run else None,
                cost_usd=run.cost_usd if run else None,
            )
        )
    return tuple(out)
