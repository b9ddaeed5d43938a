"""Round 2 reads fix verdicts under the section names seats give them in their own words
(`## Previous Findings`, `## Status of round 1 findings` with a `| Finding | Status |` table, a
plain `Previous items:` line) and with a short gloss after the ID (`- I1 (division): fixed`);
a seat's unreadable line beside another seat's `fixed` is no disagreement between seats. All
through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, run_round, stored

EMPTY = NO_FINDINGS.format(summary="Checked the fixes.")


def _second_round(tmp_path: Path, verdicts: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    second = run_round(fakes, repo, f"{EMPTY}\n{verdicts}")
    data: dict[str, Any] = json.loads(stored(fakes, second["review_id"], ".json"))
    data["_md"] = stored(fakes, second["review_id"], ".md")
    return data


@pytest.mark.parametrize(
    "verdicts",
    [
        "## Previous Findings\n\n- I1: fixed — `calc.py:3` checks for zero.\n",
        "## Prior findings\n\n- I1: fixed — `calc.py:3` checks for zero.\n",
        "## Status of round 1 findings\n\n| Finding | Status |\n|---|---|\n| I1 | fixed |\n",
        "## Findings from the previous round\n\n- I1: fixed\n",
        "Previous items:\n- I1 (zero divisor): fixed, `calc.py:3` checks for zero.\n",
        "## Fix Verdicts\n\n- I1 (zero divisor): fixed — `calc.py:3` checks for zero.\n",
    ],
)
def test_a_fixed_under_a_seats_own_section_name_closes_the_finding(
    tmp_path: Path, verdicts: str
) -> None:
    data = _second_round(tmp_path, verdicts)
    assert data["findings"] == []
    [v] = data["round_info"]["fix_verdicts"]
    assert (v["verdict"], v["carried_as"]) == ("fixed", None)
    assert data["header"]["verdict"]["label"] != "Merge with fixes"


def test_a_gloss_after_the_id_keeps_a_not_fixed(tmp_path: Path) -> None:
    data = _second_round(tmp_path, "## Fix Verdicts\n\n- I1 (zero divisor): not fixed.\n")
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, not fixed"]


def test_an_unreadable_line_beside_a_fixed_is_no_disagreement(tmp_path: Path) -> None:
    """Alpha calls I1 fixed, Bravo's line sits where no verdict can be read: I1 stays open as
    `verdict unreadable`, and nothing claims the seats disagreed (both said fixed)."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    seats = {}
    for name, verdicts in (
        ("alpha", "## Fix Verdicts\n\n- I1: fixed — `calc.py:3` checks for zero.\n"),
        ("bravo", "## Notes on the last round\n\n- I1: fixed — the guard is in\n"),
    ):
        review = fakes.tmp / f"{name}.md"
        review.write_text(f"{EMPTY}\n{verdicts}", encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(review))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", "alpha,bravo", "--format", "md")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    data = json.loads(stored(fakes, rid, ".json"))
    [v] = data["round_info"]["fix_verdicts"]
    assert (v["verdict"], v["disagreement"]) == (None, False)
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, verdict unreadable"]
    assert "seats disagree" not in stored(fakes, rid, ".md")


def test_the_summary_says_a_verdict_could_not_be_read(tmp_path: Path) -> None:
    data = _second_round(tmp_path, "## Notes on the last round\n\n- I1: fixed — the guard is in\n")
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, verdict unreadable"]
    assert (
        "1 still open from round 1 (its verdict could not be read: see Round 2 Fix Verdicts)"
        in data["executive_summary"]
    )
