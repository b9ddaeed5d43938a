"""A lead that merges findings into another without a severity of its own never lowers that
finding (the merge floor, `consolidate.merge.MERGE_RULE`). Reconciliation says so in words a
reader can follow: which finding kept which severity, that the lead merged which findings into
it without grading the result, and what the reviewers' votes alone would have made it. Through
the real `deep-review review` with the canned seats and the fake `claude` lead."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced

# K2 is Alpha's README gap (important, alone); K3 Bravo's and K5 Charlie's missing tests
# (suggestions). Merged into K2 without a severity: three votes, median suggestion; K2 stays
# important, as it was on its own.
MERGES = answer(
    decisions=[
        {"cluster": "K1", "action": "keep", "reason": "`shout(None)` raises at util/strings.py:2."},
        {
            "cluster": "K3",
            "action": "merge",
            "merge_into": "K2",
            "reason": "`sub` ships undocumented and untested: one gap.",
        },
        {
            "cluster": "K5",
            "action": "merge",
            "merge_into": "K2",
            "reason": "the helpers ship with nothing around them: the same gap.",
        },
        {
            "cluster": "K4",
            "action": "drop",
            "false_positive": True,
            "reason": "Python ints do not overflow at calc.py:2.",
        },
    ],
    added_findings=[],
)


def test_the_merge_floor_line_says_what_kept_the_severity(tmp_path: Path) -> None:
    run = review_with_lead(tmp_path, [fenced(MERGES)])
    merged = run.finding("README does not document `sub`")
    assert merged["severity"] == "important"
    fid = merged["id"]
    lines = [
        line
        for line in run.section("**Reconciliation**:").splitlines()
        if line.startswith(("- Bravo S1 (suggestion)", "- Charlie S1 (suggestion)"))
    ]
    why = (
        f"{fid} was important before the lead merged Bravo S1 and Charlie S1 into it; the lead "
        f"gave the merged finding no severity, so {fid} stays important, although by the "
        "reviewers' votes alone (1 of 3 rated it important) it would be a suggestion "
        "(rule: a lead's merge that gives no severity never lowers the finding merged into)"
    )
    assert lines == [
        f"- Bravo S1 (suggestion) → important {fid}: {why}",
        f"- Charlie S1 (suggestion) → important {fid}: {why}",
    ]
    # the JSON carries the same words
    entries = run.report["retro"]["reconciliation"]
    texts = [e["text"] for e in entries if e["kind"] == "severity"]
    assert f"Bravo S1 (suggestion) → important {fid}: {why}" in texts
