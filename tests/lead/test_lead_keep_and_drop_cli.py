"""A lead that both keeps and drops the same finding contradicts itself: the finding is kept
(a drop must be the lead's clear judgment, and a self-contradicting one is not), and the
report's Reconciliation says so plainly, naming both decisions and the one applied."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced

KEEP = ANSWER["decisions"][0]  # K1 (`shout` crashes on None), kept
DROP = {"cluster": "K1", "action": "drop", "false_positive": True, "reason": "Not reachable."}


def _recon(md: str) -> str:
    return md.split("**Reconciliation**", 1)[1]


def test_keep_then_drop_keeps_the_finding_and_says_the_lead_contradicted_itself(
    tmp_path: Path,
) -> None:
    run = review_with_lead(tmp_path, [fenced(answer(decisions=[*ANSWER["decisions"], DROP]))])
    titles = [f["title"] for f in run.report["findings"]]
    assert any("None" in t for t in titles), titles
    recon = _recon(run.md)
    said = (
        "The lead contradicted itself about I1 (`shout` crashes on `None` input): it both kept it "
        "and dropped it "
        "(“Not reachable.”); the keep was applied and the finding stays in the report (rule: "
        "a finding the lead both keeps and drops is kept)."
    )
    assert said in recon, recon
    assert "it is dropped" not in recon
    assert run.out["lead"]["note"] == "1 of the lead's claims rejected (see Reconciliation)."


def test_a_regrade_and_a_drop_of_one_finding_keep_it_at_the_new_severity(tmp_path: Path) -> None:
    regrade = {**KEEP, "action": "severity", "severity": "suggestion"}
    run = review_with_lead(
        tmp_path, [fenced(answer(decisions=[DROP, regrade, *ANSWER["decisions"][1:]]))]
    )
    shout = [f for f in run.report["findings"] if "None" in f["title"]]
    assert [f["severity"] for f in shout] == ["suggestion"], shout
    recon = _recon(run.md)
    assert "The lead contradicted itself about S" in recon, recon
    said = "it both re-graded it to suggestion and dropped it (“Not reachable.”); the re-grade was"
    assert f"{said} applied and the finding stays in the report" in recon
