"""The lead sees each member as `alpha:I2`, the seat's own ID; the report numbers its findings
anew. A seat's own ID in the lead's prose ("alpha's I2", or bare in Alpha's retro paragraph)
is that seat's finding, named by its label (`Alpha I2`) — never linked to the report's finding
that happens to have that number."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import ANSWER, answer, fenced


def test_a_seats_own_id_in_the_leads_prose_is_that_seats_finding(tmp_path: Path) -> None:
    # K1 split: the report's I2 is Bravo's part of it, Alpha's own I2 (README) is S3
    decisions = [d for d in ANSWER["decisions"] if d["cluster"] != "K1"]
    decisions.append(
        {
            "cluster": "K1",
            "action": "split",
            "split_members": ["bravo:I1"],
            "reason": "Bravo's claim at util/strings.py:2 is a separate path.",
        }
    )
    lead = answer(
        decisions=decisions,
        executive_summary="K1 is the real crash; alpha's I2 (the README gap) is overrated.",
        verdict={"label": "Merge with fixes", "reason": "K1 needs a guard; Alpha I2 can wait."},
        retro=[
            {"seat": "alpha", "narrative": "Alpha found K1 but overrated its I2 (README)."},
            {"seat": "charlie", "narrative": "Charlie's C1 was a false positive; `I2` is code."},
        ],
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    readme = run.finding("README does not document `sub`")
    assert readme["id"] == "S3"
    assert run.finding("`shout` fails when given `None`")["id"] == "I2"
    summary = run.section("## Executive Summary")
    assert "Alpha I2 (the README gap) is overrated" in summary
    assert "Alpha I2 can wait" in run.report["header"]["verdict"]["reason"]
    assert "Alpha I2 (the README gap)" in run.raw_md  # unlinked: not the report's I2
    retro = run.md.split("## Agent Performance Retro", 1)[1]
    assert "overrated its Alpha I2 (README)" in retro
    assert "Charlie C1 was a false positive; `I2` is code." in retro
