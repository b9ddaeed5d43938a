"""A decline recorded on round 1's ID after round 2 carried that finding under another title (a
seat raised it again in its own words): the decline follows the carry chain (round 2's Fix
Verdicts: round 1's I1 is round 2's I1) and applies in round 3. Before, it matched only by title,
so round 3 carried the finding as open, while its Declined entry said nobody raised it again
(tr64 #2). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import NO_FINDINGS, run_round, stored

REWORDED = NO_FINDINGS.format(summary="The divisor is still unchecked.").replace(
    "### Important Issues\n\nNone.",
    "### Important Issues\n\n"
    "I1. **A zero divisor crashes `div`** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError.",
)
SILENT = NO_FINDINGS.format(summary="Nothing to add.")


def _third_round(tmp_path: Path, third: str) -> tuple[dict[str, Any], str]:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    rid2 = run_round(fakes, repo, REWORDED)["review_id"]
    r2: dict[str, Any] = json.loads(stored(fakes, rid2, ".json"))
    assert [f["carry_forward"] for f in r2["findings"]] == ["Round 1 I1, raised again"]
    # the author declines the ID the first report gave it
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "notes.txt", "round 3\n")
    commit_all(repo, "Notes")
    rid3 = run_round(fakes, repo, third)["review_id"]
    data: dict[str, Any] = json.loads(stored(fakes, rid3, ".json"))
    return data, stored(fakes, rid3, ".md")


def test_raised_again_under_round_2s_title_it_is_left_out(tmp_path: Path) -> None:
    data, md = _third_round(tmp_path, REWORDED)
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert (declined["prior_id"], declined["raised_again"]) == ("I1", True)
    assert "no reviewer raised it again" not in md


def test_raised_by_nobody_it_is_not_carried(tmp_path: Path) -> None:
    data, _ = _third_round(tmp_path, SILENT)
    assert data["findings"] == []
    assert data["round_info"]["fix_verdicts"] == []
    [declined] = data["round_info"]["declined"]
    assert declined["raised_again"] is False
