"""A lead may drop one seat's finding by its member key (`charlie:C1`); when that finding is the
whole cluster, the cluster is decided (dropped), never also "kept as consolidated": not in the
Reconciliation, not in the lead's note, not in the retro's `undecided` (which `stats` leaves out
of Survival)."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced


def test_dropping_a_lone_finding_by_its_member_key_is_a_decision(tmp_path: Path) -> None:
    decisions = [d for d in ANSWER["decisions"] if d["cluster"] != "K4"]
    decisions.append(
        {
            "cluster": "Charlie:C1",
            "action": "drop",
            "false_positive": True,
            "reason": "Python integers do not overflow at calc.py:2.",
        }
    )
    run = review_with_lead(tmp_path, [fenced(answer(decisions=decisions))])
    assert "Dropped Charlie C1 (Integer overflow in `add` for large…) as a false " in run.md
    assert "No lead decision" not in run.md
    assert not run.out["lead"]["note"]
    charlie = next(s for s in run.report["retro"]["seats"] if s["seat"] == "charlie")
    assert charlie["numbers"]["undecided"] == 0
