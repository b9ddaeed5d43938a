"""A cluster whose only decisions the lead's checks rejected is kept as consolidated, but the
lead did decide about it: the report says its decision was not accepted, not that the lead
said nothing ("No lead decision")."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced


def test_a_cluster_whose_decision_was_rejected_is_not_undecided_in_words(tmp_path: Path) -> None:
    decisions = [d for d in ANSWER["decisions"] if d["cluster"] in ("K1", "K4")]
    decisions += [
        {"cluster": "K5", "action": "merge", "merge_into": "K3", "reason": "Same gap."},
        {"cluster": "K2", "action": "merge", "merge_into": "K3", "reason": "Same gap."},
        {"cluster": "K3", "action": "drop", "reason": "Out of scope: tests come later."},
    ]
    run = review_with_lead(tmp_path, [fenced(answer(decisions=decisions))])
    recon = run.md.split("**Reconciliation**", 1)[1]
    assert "No lead decision for I2" not in recon
    assert (
        "No accepted lead decision for I2 (README does not document `sub`): kept as consolidated."
        in recon
    )
    note = run.out["lead"]["note"]
    assert (
        "no accepted decision for I2 (README does not document `sub`), "
        "S2 (The new string helper ships without…), kept as consolidated" in note
    )
