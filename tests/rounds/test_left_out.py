"""A finding the round leaves out (declined) is named in words where the lead named it by a report
ID, and no Reconciliation entry links to it (trial 27: "S1 downgraded." with no S1 in the report,
and an HTML link to a missing #finding-S1)."""

from __future__ import annotations

from deepreview.model import Finding, Header, Location, Report, Reviewer, Severity, Verdict
from deepreview.retromodel import ReconciliationEntry, Retro, SeatRetro
from deepreview.rounds.left_out import name_left_out, unname

DECLINED = Finding(
    "S1", Severity.SUGGESTION, "`add` subtracts instead of adding", (Location("calc.py", 2),)
)
KEPT = Finding("I1", Severity.IMPORTANT, "`add` has no tests", (Location("calc.py", 1),))


def test_ids_of_left_out_findings_are_said_in_words() -> None:
    report = Report(
        header=Header(
            "r",
            verdict=Verdict("Merge with fixes", "I1 first; S1 is minor."),
            reviewers=(Reviewer("alpha", "Alpha"),),
        ),
        findings=(KEPT,),
        executive_summary="S1 downgraded. I1 stays.",
        retro=Retro(
            seats=(SeatRetro("alpha", "Alpha", "Alpha"),),
            reconciliation=(
                ReconciliationEntry(
                    "severity", "Alpha I1 (important) → suggestion S1: docs.", ("S1",)
                ),
                ReconciliationEntry("add", "I1 added by the lead.", ("I1",)),
            ),
        ),
    )
    out = name_left_out(report, [DECLINED])
    gone = "the declined finding “add subtracts instead of adding”"
    assert out.executive_summary == f"{gone} downgraded. I1 stays."
    assert out.header.verdict.reason == f"I1 first; {gone} is minor."
    first, second = out.retro.reconciliation
    # the seat's own `Alpha I1` is the seat's ID, not the report's
    assert first.text == f"Alpha I1 (important) → suggestion {gone}: docs."
    assert first.finding_ids == ()
    assert second.finding_ids == ("I1",)


def test_code_paths_and_other_ids_are_left_alone() -> None:
    gone = {"S1": "x"}
    for text in ("`S1`", "S10", "docs/S1.md", "#S1", "XS1"):
        assert unname(text, gone, ()) == text
