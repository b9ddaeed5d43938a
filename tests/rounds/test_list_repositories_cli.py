"""`list` in a store shared by two repositories reviewing a branch of the same name: each row
says its repository and its round, so two `branch feature` rows are told apart."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, run_round


def _branch_repo(root: Path, name: str) -> Path:
    repo = root / name
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a + b\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n")
    commit_all(repo, "Add div")
    return repo


def test_list_names_each_review_s_repository_and_round(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    alpha = _branch_repo(tmp_path, "alpha")
    beta = _branch_repo(tmp_path, "beta")
    a1 = run_round(fakes, alpha, ROUND1)["review_id"]
    write(alpha, "notes.txt", "x\n")
    commit_all(alpha, "Notes")
    a2 = run_round(fakes, alpha, ROUND1)["review_id"]
    b1 = run_round(fakes, beta, ROUND1)["review_id"]

    res = run_cli(["list", "--json"], cwd=alpha, env=fakes.env())
    assert res.returncode == 0, res.stderr
    rows = {r["id"]: r for r in json.loads(res.stdout)["reviews"]}
    assert {i: (rows[i]["repo"], rows[i]["round"]) for i in (a1, a2, b1)} == {
        a1: ("alpha", 1),
        a2: ("alpha", 2),
        b1: ("beta", 1),
    }
    assert rows[a1]["target"] == "branch feature"  # the keys it had stay

    table = run_cli(["list"], cwd=alpha, env=fakes.env())
    assert table.returncode == 0, table.stderr
    assert "Repo" in table.stdout and "Round" in table.stdout
    line = next(line for line in table.stdout.splitlines() if b1 in line)
    assert "beta" in line, table.stdout
