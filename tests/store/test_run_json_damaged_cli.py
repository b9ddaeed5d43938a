"""A stored review whose run.json is gone or damaged (deleted or cut short by hand, a disk
that failed): `publish`, `relead` and `resume` each refuse it with one line that says which
file, what is wrong with it and what to do, through the real `deep-review` command (the line
said "this review cannot be resumed" to a `publish`, or quoted a JSON decoder's words only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.first_round import first_round
from support.repos import run_cli
from support.rounds import ROUND1, run_round

pytestmark = pytest.mark.slow  # a real review first

COMMANDS = (["publish"], ["relead", "--lead", "none"], ["resume"])


@pytest.mark.parametrize("state", ["missing", "cut short"])
def test_a_review_without_a_readable_run_json_says_what_to_do(tmp_path: Path, state: str) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid: str = first["review_id"]
    run_json = fakes.store / rid / "run.json"
    if state == "missing":
        run_json.unlink()
    else:
        run_json.write_text(run_json.read_text(encoding="utf-8")[:40], encoding="utf-8")
    for command in COMMANDS:
        res = run_cli([command[0], rid, *command[1:]], cwd=repo, env=fakes.env())
        assert res.returncode == 2, (command, res.stderr)
        [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
        assert f"{run_json} is {state}" in line, line
        assert "resumed" not in line, line
        assert f"`deep-review delete {rid}` removes the review" in line, line
        assert f"`deep-review show {rid}` still prints its report" in line, line


def test_reindex_names_each_review_it_keeps_without_a_run_json(tmp_path: Path) -> None:
    """`reindex` keeps the index row of a review whose run.json it cannot read, and says it
    "kept N … (see above)": each of them is named above, a missing run.json as a cut one (only
    the cut one was: the folder without one was counted but never named)."""
    fakes, repo, first = first_round(tmp_path)
    gone: str = first["review_id"]
    cut: str = run_round(fakes, repo, ROUND1)["review_id"]
    (fakes.store / gone / "run.json").unlink()
    cut_json = fakes.store / cut / "run.json"
    cut_json.write_text(cut_json.read_text(encoding="utf-8")[:40], encoding="utf-8")
    res = run_cli(["reindex"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    notes = [ln for ln in res.stderr.splitlines() if ln.startswith("note: skipped ")]
    assert len(notes) == 2, res.stderr
    assert any(f"{fakes.store / gone / 'run.json'} is missing" in n for n in notes), notes
    assert any(f"{cut_json} is cut short" in n for n in notes), notes
    assert "kept 2 as indexed before whose run.json cannot be read (see above)" in res.stdout
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env()).json()
    assert {gone, cut} <= {r["id"] for r in listed["reviews"]}
