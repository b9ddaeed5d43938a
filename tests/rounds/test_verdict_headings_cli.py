"""Round 2 reads a seat's fix verdicts under the headings seats give them in their own words,
keeps a finding open when its verdict line sits where it cannot be read, and does not close a
finding on a `fixed` the rest of the line takes back. All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support.first_round import first_round
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, run_round, stored

EMPTY = NO_FINDINGS.format(summary="Checked the fixes.") + (
    "\n## Coverage Summary\n\n| File | Status |\n|------|--------|\n| `calc.py` | Reviewed |\n"
)


def _second_round(tmp_path: Path, verdicts: str, *, change: bool = True) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    if change:
        write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
        commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, f"{EMPTY}\n{verdicts}")
    data: dict[str, Any] = json.loads(stored(fakes, second["review_id"], ".json"))
    data["_md"] = stored(fakes, second["review_id"], ".md")
    return data


@pytest.mark.parametrize(
    ("verdicts", "tag"),
    [
        ("## Fix Verdicts\n\n- I1: not fixed — `calc.py:3` still divides by b\n", "not fixed"),
        (
            "## Verdicts on prior findings\n\n| ID | Status |\n|---|---|\n| I1 | Not fixed |\n",
            "not fixed",
        ),
        ("**Fix verdicts:**\n\n- I1: partially fixed\n", "partially fixed"),
        # Where no verdicts section can be told, the line cannot be read: I1 stays open.
        ("## Notes on the last round\n\n- I1: fixed — the guard is in\n", "verdict unreadable"),
    ],
)
def test_verdicts_under_a_seats_own_heading_keep_the_finding_open(
    tmp_path: Path, verdicts: str, tag: str
) -> None:
    data = _second_round(tmp_path, verdicts)
    assert [f["carry_forward"] for f in data["findings"]] == [f"Round 1 I1, {tag}"]
    assert "closed without a verdict" not in data["executive_summary"]


def test_a_fixed_the_line_takes_back_keeps_the_finding_open(tmp_path: Path) -> None:
    line = "- I1: The commit message says fixed; the code at calc.py:3 is unchanged."
    data = _second_round(tmp_path, f"## Round 2 Fix Verdicts\n\n{line}\n")
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, not fixed"]
    assert data["header"]["verdict"]["label"] == "Merge with fixes"


def test_the_seats_words_show_when_nothing_changed(tmp_path: Path) -> None:
    """Same SHA as round 1: the table shows what the seat wrote, not `no verdict | —`."""
    data = _second_round(
        tmp_path, "## Fix Verdicts\n\n- I1: not fixed — still divides by b\n", change=False
    )
    section = data["_md"].split("## Round 2 Fix Verdicts", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith("| I1."))
    assert "| not fixed |" in row
    assert "Alpha: not fixed — “not fixed — still divides by b”" in row
