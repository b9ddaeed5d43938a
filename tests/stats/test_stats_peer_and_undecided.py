"""`stats`' facts of one report (trial 51 defects 7 and 9): a unique insight needs another seat's
review to be unique against, in reports stored before the retro said so too; and a finding the
lead made no decision about (`RetroNumbers.undecided`) is neither kept by it nor judged."""

from __future__ import annotations

from dataclasses import replace

from deepreview.model import Finding, Header, LeadInfo, Report, Severity
from deepreview.retromodel import Retro, RetroNumbers, SeatRetro
from deepreview.runmodel import SeatRun
from deepreview.stats.facts import seat_facts


def _report(claude_findings: str, *, codex_numbers: RetroNumbers | None = None) -> Report:
    """Codex raised I1 and its retro (as written before trial 51) calls it its unique insight;
    claude's Findings cell is `claude_findings` (`—`: it failed)."""
    codex = SeatRetro(
        "codex",
        "Codex",
        "Codex",
        cells=(("Findings", "0C 1I 0S"), ("Unique insights", "I1 (div)"), ("Dropped", "0")),
        numbers=codex_numbers,
    )
    claude = SeatRetro(
        "claude", "Claude", "Claude", cells=(("Findings", claude_findings), ("Dropped", "—"))
    )
    return Report(
        header=Header("r1"),
        findings=(Finding("I1", Severity.IMPORTANT, "div", reviewers=("Codex",)),),
        retro=Retro(seats=(claude, codex)),
        runs=(
            SeatRun("claude", status="ok" if claude_findings != "—" else "timeout"),
            SeatRun("codex"),
        ),
        lead=LeadInfo("none"),
    )


def test_an_old_report_whose_only_other_seat_failed_credits_no_unique_insight() -> None:
    _, codex = seat_facts(_report("—"))
    assert (codex.raised, codex.unique_insights) == (1, 0)


def test_beside_a_seat_that_reviewed_the_finding_is_unique() -> None:
    _, codex = seat_facts(_report("0C 0I 0S"))
    assert codex.unique_insights == 1


def test_an_undecided_finding_is_neither_kept_nor_judged() -> None:
    numbers = RetroNumbers(important=1, unique_insights=1, reraised=0, undecided=1)
    report = _report("0C 0I 0S", codex_numbers=numbers)
    _, codex = seat_facts(replace(report, lead=LeadInfo("claude", "ok")))
    assert (codex.lead, codex.raised, codex.judged, codex.kept) == (True, 1, 0, 0)
