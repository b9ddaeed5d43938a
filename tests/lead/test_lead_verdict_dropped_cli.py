"""A lead's verdict whose reason names only findings the same lead dropped rests on nothing in
the report: the findings' own verdict stands, and the report says the lead's was overridden
(README: "…or rests only on findings that are not in the report")."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def _decisions(k1: str) -> list[dict[str, object]]:
    drop = {"action": "drop", "false_positive": True}
    return [
        {"cluster": "K1", **({"action": "keep"} if k1 == "keep" else drop), "reason": "x.py:2."},
        {"cluster": "K4", **drop, "reason": "Python ints do not overflow (calc.py:2)."},
        {"cluster": "K2", "action": "keep", "reason": "README.md:1 says nothing of `sub`."},
    ]


def test_a_verdict_resting_only_on_a_dropped_finding_is_overridden(tmp_path: Path) -> None:
    lead = answer(
        decisions=_decisions("drop"),
        added_findings=[],
        verdict={"label": "Rework", "reason": "K1 crashes every caller."},
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert "| **Verdict** | **Merge with fixes** — I1 needs attention |" in run.md
    summary = run.section("## Executive Summary")
    assert summary.strip().startswith(
        "**The lead's verdict was overridden.** The lead judged *Rework*, which rests only on "
        "findings that are not in this report; the verdict is **Merge with fixes**"
    ), summary
    assert "The lead's verdict (Rework) rests only on findings that are not in this report" in (
        run.md
    )
    assert "Verdict raised by the lead" not in run.md


def test_a_verdict_naming_a_kept_finding_stands(tmp_path: Path) -> None:
    """The same stricter verdict on a finding the lead kept is the lead's to give."""
    lead = answer(
        decisions=_decisions("keep"),
        added_findings=[],
        verdict={"label": "Rework", "reason": "K1 crashes every caller."},
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert "| **Verdict** | **Rework** — I1 crashes every caller. |" in run.md
    assert "Verdict raised by the lead from Merge with fixes to Rework" in run.md
