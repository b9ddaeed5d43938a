"""Round 2: a seat's new finding at the very line of a round-1 finding, worded its own way,
that the consolidation would merge with it within one round, is that finding raised again —
reported once, not as a second "new" finding (trial47a #9). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, run_round, stored

REWORDED = NO_FINDINGS.format(summary="The divisor is still unchecked.").replace(
    "### Important Issues\n\nNone.",
    "### Important Issues\n\n"
    "I1. **`div(1, 0)` raises ZeroDivisionError** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError when `b` is zero; verified by running it.\n\n"
    "Fix: return `0.0` for a zero divisor.",
)
ELSEWHERE = REWORDED.replace("`calc.py:3`", "`other.py:40`")


def _second_round(tmp_path: Path, review: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, second["review_id"], ".json"))
    return data


@pytest.mark.parametrize(
    ("verdicts", "tag"),
    [
        ("## Fix Verdicts\n\n- I1: not fixed — `calc.py:3` still divides by b\n", "not fixed"),
        ("", "raised again"),
    ],
)
def test_a_reworded_finding_at_the_same_line_is_the_prior_one_raised_again(
    tmp_path: Path, verdicts: str, tag: str
) -> None:
    data = _second_round(tmp_path, f"{REWORDED}\n{verdicts}")
    assert [(f["id"], f["carry_forward"]) for f in data["findings"]] == [
        ("I1", f"Round 1 I1, {tag}")
    ]
    [v] = data["round_info"]["fix_verdicts"]
    assert (v["raised_again"], v["carried_as"]) == (True, "I1")


def test_the_same_words_at_another_file_stay_a_new_finding(tmp_path: Path) -> None:
    data = _second_round(tmp_path, ELSEWHERE)
    assert [f["carry_forward"] for f in data["findings"]] == ["new"]
    [v] = data["round_info"]["fix_verdicts"]
    assert (v["raised_again"], v["carried_as"]) == (False, None)
