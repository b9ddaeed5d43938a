"""A run.json that is JSON but no run record (`[]`, a seat table that is a string: edited by
hand, or another file saved over it) was refused by `relead`, `resume` and `publish` with what
is wrong only ("is not a Deep Review run record (no schema_version)", "is damaged: seats:
…"), and `reindex` noted it so; one cut short says what still works and how to remove the
review. Now both say it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.printing_seats import NO_FINDINGS, one_stored_review
from support.repos import run_cli

COMMANDS = (["relead", "--lead", "none"], ["resume"], ["publish"])


def _spoil(run_json: Path, shape: str) -> str:
    if shape == "a list":
        run_json.write_text("[]\n", encoding="utf-8")
        return "is not a Deep Review run record"
    data = json.loads(run_json.read_text(encoding="utf-8"))
    run_json.write_text(json.dumps({**data, "seats": "x"}), encoding="utf-8")
    return "is damaged: seats"


@pytest.mark.parametrize("shape", ["a list", "a string seat table"])
def test_a_run_json_of_the_wrong_shape_says_what_to_do(tmp_path: Path, shape: str) -> None:
    repo, env, rid = one_stored_review(tmp_path, NO_FINDINGS)
    run_json = Path(env["DEEP_REVIEW_STORE"]) / rid / "run.json"
    wrong = _spoil(run_json, shape)
    for command in COMMANDS:
        res = run_cli([command[0], rid, *command[1:]], cwd=repo, env=env)
        assert res.returncode == 2, (command, res.stderr)
        [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert f"{run_json} {wrong}" in line, line
        assert f"`deep-review show {rid}` still prints its report" in line, line
        assert f"`deep-review delete {rid}` removes the review" in line, line
    res = run_cli(["reindex"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    note = next(ln for ln in res.stderr.splitlines() if ln.startswith(f"note: skipped {rid}"))
    assert f"`deep-review delete {rid}` removes the review" in note, note
