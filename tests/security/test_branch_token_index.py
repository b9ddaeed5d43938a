"""Trial 45b, defect 5: a token in the branch name is masked in the store index (`reviews`
series, branch and target; `declines` series) and in `list --json`, as the review ID,
run.json and the reports mask it; the series still chains its rounds and declines, and the
user may still name it by the branch's real name. An index written before (the token in clear)
is redacted by a migration without splitting its series. Through the real command."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from fakebin.harness import Fakes, grep_store
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored

TOKEN = "ghp_AAAAbbbbCCCCddddEEEEffffGGGGhhhh1234"  # a GitHub token's shape
BRANCH = f"fix/{TOKEN}"
SERIES = "branch:fix/[REDACTED]"


def _token_branch(tmp: Path) -> Path:
    repo = make_branch_repo(tmp)
    git(repo, "branch", "-m", BRANCH)
    return repo


def _next_round(fakes: Fakes, repo: Path, name: str) -> str:
    write(repo, name, "unrelated\n")
    commit_all(repo, f"Add {name}")
    rid: str = run_round(fakes, repo, ROUND1)["review_id"]
    return rid


def _listed_series(fakes: Fakes, repo: Path) -> dict[str, tuple[str, int | None]]:
    res = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    return {r["id"]: (r["series"], r["round"]) for r in res.json()["reviews"]}


def test_a_token_in_the_branch_name_is_masked_in_the_index_and_list(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _token_branch(tmp_path)
    first = run_round(fakes, repo, ROUND1)["review_id"]
    assert grep_store(fakes.store, [TOKEN]) == []
    assert _listed_series(fakes, repo) == {first: (SERIES, 1)}

    # Declined by the branch's real name, as a user types it; listed masked.
    res = run_cli(
        ["decline", first, "I1", "--reason", "by design", "--series", BRANCH],
        cwd=repo,
        env=fakes.env(),
    )
    assert res.returncode == 0, res.stderr
    listed = run_cli(["declines", "--series", BRANCH], cwd=repo, env=fakes.env())
    assert f"{SERIES}  repo  {first} I1" in listed.stdout, listed.stdout

    # The next round is round 2 of the same series, and the decline holds.
    second = _next_round(fakes, repo, "notes.txt")
    data = json.loads(stored(fakes, second, ".json"))
    assert data["header"]["round"] == "2 (of fix/[REDACTED])"
    assert data["round_info"]["previous_review_id"] == first
    assert [d["prior_id"] for d in data["round_info"]["declined"]] == ["I1"]
    assert _listed_series(fakes, repo)[second] == (SERIES, 2)
    assert grep_store(fakes.store, [TOKEN]) == []


def test_an_index_written_before_is_redacted_without_splitting_its_series(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _token_branch(tmp_path)
    first = run_round(fakes, repo, ROUND1)["review_id"]
    assert (
        run_cli(
            ["decline", first, "I1", "--reason", "by design"], cwd=repo, env=fakes.env()
        ).returncode
        == 0
    )
    # As an older version wrote it: the branch's name in clear in every column holding it.
    db = sqlite3.connect(fakes.store / "index.sqlite")
    with db:
        db.execute(
            "UPDATE reviews SET series = ?, branch = ?, target = ?",
            (f"branch:{BRANCH}", BRANCH, f"branch {BRANCH}"),
        )
        db.execute("UPDATE declines SET series = ?", (f"branch:{BRANCH}",))
        db.execute("DELETE FROM _migrations WHERE name LIKE 'm012%'")
    db.close()
    kept = fakes.store / "declines.json"
    kept.write_text(kept.read_text().replace(SERIES, f"branch:{BRANCH}"))
    assert grep_store(fakes.store, [TOKEN]) != []

    assert _listed_series(fakes, repo) == {first: (SERIES, 1)}
    assert grep_store(fakes.store, [TOKEN]) == []
    second = _next_round(fakes, repo, "notes.txt")
    data = json.loads(stored(fakes, second, ".json"))
    assert data["header"]["round"] == "2 (of fix/[REDACTED])"
    assert data["round_info"]["previous_review_id"] == first
    assert [d["prior_id"] for d in data["round_info"]["declined"]] == ["I1"]
    assert grep_store(fakes.store, [TOKEN]) == []
