"""A seat whose own verdict line approves the change while it raises a critical issue says two
things at once. The report goes by its findings (the verdict is ours, from the findings); the
seat's retro says that its verdict line contradicts them, so a maintainer reading that seat's
review in the appendix knows which part to believe, and a panel that keeps such a seat can see
how often its verdict line is unreliable."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.findings.own_verdict import verdict_contradiction
from support.printing_seats import review_printed

FINDINGS = (
    "## Critical Issues\n\n"
    "C1. **`sub` returns b - a** — `calc.py:6` (critical, regression)\n\n"
    "Every caller gets the negated difference.\n\n"
    "## Important Issues\n\nNone.\n\n## Suggestions\n\nNone.\n"
)


def test_an_approving_seat_raising_a_critical_issue_is_called_out(tmp_path: Path) -> None:
    review = "**Verdict:** Approve — ready to merge.\n\n" + FINDINGS
    res, out, report = review_printed(tmp_path, {"keen": review, "calm": FINDINGS})
    assert out["verdict"] == "Rework", res.stderr[-2000:]
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    retro = md.split("## Agent Performance Retro")[1].split("## Appendix")[0]
    keen, calm = retro.split("### [Keen]")[1], retro.split("### [Calm]")[1].split("### [")[0]
    assert "Keen's own verdict (“Approve — ready to merge.”) approves the change" in keen
    assert "although it raised 1 critical issue (Keen C1)" in keen
    assert "own verdict" not in calm
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert "own verdict" in html
    narrative = {s["seat"]: s["narrative"] for s in report["retro"]["seats"]}
    assert "own verdict" in narrative["keen"] and "own verdict" not in narrative["calm"]


@pytest.mark.parametrize(
    ("line", "contradicts"),
    [
        ("Approve", True),
        ("**Approve** — looks good to merge, LGTM.", True),
        ("LGTM", True),
        ("Merge as-is", True),
        ("Merge", True),
        ("Merge blocked by C1", False),
        ("Merge: not yet", False),
        ("Ready to merge.", True),
        ("Ship it", True),
        # conditional approvals ask for the fixes first: no contradiction
        ("Approve after fixing C1", False),
        ("Approve with changes", False),
        ("Approve once C1 is addressed", False),
        ("Approve, but C1 must be fixed first", False),
        ("Merge after fixes", False),
        ("Request changes", False),
        ("Rework", False),
        ("Not ready to merge", False),
        ("Do not approve", False),
    ],
)
def test_which_verdict_lines_approve_outright(line: str, contradicts: bool) -> None:
    review = parse_review(f"**Verdict:** {line}\n\n{FINDINGS}", seat="s")
    assert review.verdict_line is not None
    said = verdict_contradiction(review, "S")
    assert (said is not None) is contradicts, said


def test_an_approval_beside_only_suggestions_is_consistent() -> None:
    review = parse_review(
        "**Verdict:** Approve\n\n## Critical Issues\n\nNone.\n\n## Important Issues\n\nNone.\n\n"
        "## Suggestions\n\n"
        "S1. **Name the constant** — `calc.py:2` (suggestion, style)\n\nIt is 7.\n",
        seat="s",
    )
    assert len(review.findings) == 1
    assert verdict_contradiction(review, "S") is None
