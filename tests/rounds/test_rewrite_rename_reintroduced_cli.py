"""A finding fixed in round 2, then reintroduced in a rewrite that also renamed its file and
took round 2's commit away (amend, gc): raised again at the renamed file, it is round 1's
finding, fixed in round 2, raised again — as an open finding is after such a rewrite
(`rounds.gone_files`). Before, with no rename git could see from round 2's commit, the closed
finding kept its old path and the reintroduced bug was `(new)`, its history lost. All through
the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, git, write
from support.rounds import ROUND1, ROUND2_FIXED, run_round, stored


def _reintroduced_after_rewrite(tmp_path: Path, place: str) -> dict[str, Any]:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Guard the divisor")
    run_round(fakes, repo, ROUND2_FIXED)
    # The guard commit amended away: calc.py renamed mathops.py, the guard gone again.
    git(repo, "mv", "calc.py", "mathops.py")
    write(repo, "mathops.py", "import math\n\n\ndef div(a, b):\n    # divide\n    return a / b\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--amend", "-m", "Move div to mathops")
    git(repo, "reflog", "expire", "--expire=now", "--all")
    git(repo, "gc", "-q", "--prune=now")
    third = run_round(fakes, repo, ROUND1.replace("calc.py:3", place))
    data: dict[str, Any] = json.loads(stored(fakes, third["review_id"], ".json"))
    return data


def test_a_fixed_finding_reintroduced_at_its_renamed_file_is_the_closed_one(
    tmp_path: Path,
) -> None:
    data = _reintroduced_after_rewrite(tmp_path, "mathops.py:6")
    assert [(f["locations"][0]["path"], f["carry_forward"]) for f in data["findings"]] == [
        ("mathops.py", "Round 1 I1, fixed in round 2, raised again")
    ]
    assert data["round_info"]["new_findings"] == []


def test_its_title_at_a_file_it_did_not_go_to_stays_new(tmp_path: Path) -> None:
    """What must stay: the title at another file than the one holding the change (not where
    the finding's file went) is another finding."""
    data = _reintroduced_after_rewrite(tmp_path, "other.py:2")
    assert [f["carry_forward"] for f in data["findings"]] == ["new"]
