"""A finding whose file the commits since deleted keeps the place its round gave it: there is no
line 1 of a deleted file to point at. Before, its line moved to `calc.py:1` (the deleted hunk's
new side starts at 0) in the Fix Verdicts row, and in the carried finding when it stayed open
(tr64 #5). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, git, write
from support.rounds import NO_FINDINGS, run_round, stored


def _after_delete(tmp_path: Path, review: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    git(repo, "rm", "-q", "calc.py")
    write(repo, "mathops.py", "def mul(a, b):\n    return a * b\n")
    commit_all(repo, "Replace calc with mathops")
    out = run_round(fakes, repo, review)
    data: dict[str, Any] = json.loads(stored(fakes, out["review_id"], ".json"))
    return data


def test_a_closed_finding_of_a_deleted_file_keeps_its_line(tmp_path: Path) -> None:
    review = NO_FINDINGS.format(summary="calc.py is gone.") + (
        "\n## Fix Verdicts\n\n- I1: no longer applies — calc.py was deleted\n"
    )
    data = _after_delete(tmp_path, review)
    [v] = data["round_info"]["fix_verdicts"]
    assert (v["verdict"], v["location"]) == ("no longer applies", "calc.py:3")


def test_an_open_finding_of_a_deleted_file_keeps_its_line(tmp_path: Path) -> None:
    review = (
        NO_FINDINGS.format(summary="Still unchecked.") + "\n## Fix Verdicts\n\n- I1: not fixed\n"
    )
    data = _after_delete(tmp_path, review)
    [f] = data["findings"]
    assert f["locations"][0] == {"path": "calc.py", "start": 3, "end": None}
