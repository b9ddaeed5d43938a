"""A decline recorded on a round that was deleted since applies to the review that takes that
round's number again: the decline belongs to the series, and no report of the new round kept the
finding when it was declined. Before, `decline` + `delete` + review again reported the finding
open, with no Declined entry (tr64 #6). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, run_round, stored


def test_a_decline_of_a_deleted_round_applies_to_its_redo(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "notes.txt", "round 2\n")
    commit_all(repo, "Notes")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    for argv in (["decline", rid2, "I1", "--reason", "by design"], ["delete", rid2, "--yes"]):
        res = run_cli(argv, cwd=repo, env=fakes.env())
        assert res.returncode == 0, res.stderr
    again = run_round(fakes, repo, ROUND1)
    data: dict[str, Any] = json.loads(stored(fakes, again["review_id"], ".json"))
    assert data["round_info"]["number"] == 2
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert (declined["prior_id"], declined["declined_round"]) == ("I1", 2)
