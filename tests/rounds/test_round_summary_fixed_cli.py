"""A later round's Executive Summary says what became of the previous round's findings that
closed as fixed, not only what is still open (trial47a #17). Through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import ROUND2_FIXED, run_round, stored

NEW = ROUND2_FIXED.replace(
    "### Suggestions\n\nNone.",
    "### Suggestions\n\n"
    "S1. **`div` has no docstring** — `calc.py:1` (suggestion, gap)\n\nSay what it returns.",
)


def _second_round(tmp_path: Path, review: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    second = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, second["review_id"], ".json"))
    data["_md"] = stored(fakes, second["review_id"], ".md")
    return data


def test_the_summary_names_the_prior_finding_fixed_and_closed(tmp_path: Path) -> None:
    data = _second_round(tmp_path, ROUND2_FIXED)
    assert data["findings"] == []
    assert (
        "This round's report holds no findings: 1 from round 1 fixed and closed (round 1's I1)."
        in data["executive_summary"]
    )


def test_beside_a_new_finding_the_fixed_one_is_round_1s(tmp_path: Path) -> None:
    data = _second_round(tmp_path, NEW)
    assert [f["carry_forward"] for f in data["findings"]] == ["new"]
    summary = data["executive_summary"]
    assert "1 new; 1 from round 1 fixed and closed (round 1's I1)" in summary
    # round 1's I1 is not this report's I1: no link to a finding of this report
    md_summary = data["_md"].split("## Executive Summary", 1)[1].split("\n## ", 1)[0]
    assert "(round 1's I1)" in md_summary
