"""Reviews of different repositories in one store (`DEEP_REVIEW_STORE`, a CI artifact) are
different series: rounds, declines and `stats` tell the repositories apart, by their `origin`
remote when they have one (two clones of one repository share a series), else by where the
repository's git folder is. Through the real command."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored


def _round(fakes: Fakes, rid: str) -> tuple[str, Any]:
    data = json.loads(stored(fakes, rid, ".json"))
    return data["header"]["round"], data.get("round_info")


def _branch_repo(root: Path, name: str = "repo") -> Path:
    """`make_branch_repo` in `root`, in a folder called `name`."""
    root.mkdir(parents=True)
    return make_branch_repo(root).rename(root / name)


def _next_commit(repo: Path, name: str) -> None:
    write(repo, name, "unrelated\n")
    commit_all(repo, f"Add {name}")


def test_two_repositories_of_one_name_in_a_shared_store_are_separate_series(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    # Both folders are called `repo`, both review branch `feature`, neither has a remote.
    one = _branch_repo(tmp_path / "o1")
    two = _branch_repo(tmp_path / "o2")
    first = run_round(fakes, one, ROUND1)["review_id"]
    other = run_round(fakes, two, ROUND1)["review_id"]
    assert _round(fakes, other) == ("1", None)

    # A decline in one repository is no decline in the other.
    res = run_cli(["decline", first, "I1", "--reason", "by design"], cwd=one, env=fakes.env())
    assert res.returncode == 0, res.stderr
    _next_commit(two, "two.txt")
    second_of_two = run_round(fakes, two, ROUND1)["review_id"]
    header, info = _round(fakes, second_of_two)
    assert header == "2 (of feature)"
    assert info["previous_review_id"] == other
    assert info["declined"] == []
    md = stored(fakes, second_of_two, ".md")
    assert "Division by zero is not handled" in md.split("## Important Issues", 1)[1]

    # `stats` counts the current repository's reviews only, unless --repo-wide.
    res = run_cli(["stats", "--json"], cwd=one, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["reviews"] == 1
    res = run_cli(["stats", "--json", "--repo-wide"], cwd=one, env=fakes.env())
    assert json.loads(res.stdout)["reviews"] == 3


def test_two_clones_of_one_remote_share_a_series(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    here = _branch_repo(tmp_path / "laptop")
    there = _branch_repo(tmp_path / "ci")
    # One remote, spelt the two ways git users spell it.
    git(here, "remote", "add", "origin", "git@git.example.com:Team/App.git")
    git(there, "remote", "add", "origin", "https://ci:secret@git.example.com/team/app")
    first = run_round(fakes, here, ROUND1)["review_id"]
    second = run_round(fakes, there, ROUND1)["review_id"]
    header, info = _round(fakes, second)
    assert header == "2 (of feature)"
    assert info["previous_review_id"] == first
    # the identity is the remote without its credentials
    index = sqlite3.connect(fakes.store / "index.sqlite")
    try:
        keys = {k for (k,) in index.execute("SELECT repo_key FROM reviews")}
    finally:
        index.close()
    assert keys == {"git.example.com/team/app"}


def _as_before_repository_keys(store: Path) -> None:
    """Rewrite the store's index as a deep-review from before repository keys wrote it: the
    same reviews and declines, the older schema (migrations up to m007)."""
    from deepreview.store import migrations

    path = store / "index.sqlite"
    new = sqlite3.connect(path)
    try:
        reviews = new.execute(
            "SELECT id, created_at, repo, target, kind, base_sha, head_sha, status, verdict,"
            " critical, important, suggestions, reviewers, series, branch, round_no FROM reviews"
        ).fetchall()
        declines = new.execute(
            "SELECT series, fingerprint, review_id, finding_id, title, path, start_line,"
            " end_line, reviewed_sha, round, reason, created_at FROM declines"
        ).fetchall()
    finally:
        new.close()
    path.unlink()
    old = sqlite3.connect(path)
    try:
        with old:
            old.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            for name, fn in migrations.MIGRATIONS[:7]:
                fn(old)
                old.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (name,))
            old.executemany(f"INSERT INTO reviews VALUES ({', '.join('?' * 16)})", reviews)
            old.executemany(f"INSERT INTO declines VALUES ({', '.join('?' * 12)})", declines)
    finally:
        old.close()


def test_a_store_from_before_repository_keys_keeps_its_rounds_and_declines(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _branch_repo(tmp_path / "o1")
    first = run_round(fakes, repo, ROUND1)["review_id"]
    res = run_cli(["decline", first, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    _as_before_repository_keys(fakes.store)

    _next_commit(repo, "notes.txt")
    second = run_round(fakes, repo, ROUND1)["review_id"]
    header, info = _round(fakes, second)
    assert header == "2 (of feature)"
    assert info["previous_review_id"] == first
    assert [d["prior_id"] for d in info["declined"]] == ["I1"]
    # A repository of another name has no part in that series.
    other = _branch_repo(tmp_path / "elsewhere", "other")
    assert _round(fakes, run_round(fakes, other, ROUND1)["review_id"]) == ("1", None)


def _without_recorded_keys(store: Path) -> None:
    """Each run.json as a deep-review from before repository keys wrote it (no `repo_key`)."""
    for path in store.glob("*/run.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["target"].pop("repo_key", None)
        path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.slow  # four reviews through the real command: ~4 s
def test_an_old_review_whose_repository_cannot_be_told_is_no_round_of_a_namesake(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    # Two repositories called `repo` (no remote), branch `feature` each; one declines I1.
    one = _branch_repo(tmp_path / "o1")
    two = _branch_repo(tmp_path / "o2")
    first = run_round(fakes, one, ROUND1)["review_id"]
    gone = run_round(fakes, two, ROUND1)["review_id"]
    res = run_cli(["decline", gone, "I1", "--reason", "by design"], cwd=two, env=fakes.env())
    assert res.returncode == 0, res.stderr
    # Stored before keys; the second checkout has since been deleted.
    _as_before_repository_keys(fakes.store)
    _without_recorded_keys(fakes.store)
    (tmp_path / "o2").rename(tmp_path / "o2-deleted")

    # The first repository's review is still told by its checkout: round 2 of it only.
    _next_commit(one, "notes.txt")
    second = run_round(fakes, one, ROUND1)["review_id"]
    header, info = _round(fakes, second)
    assert header == "2 (of feature)"
    assert info["previous_review_id"] == first
    assert info["declined"] == []  # the other repository's decline
    assert f"Review {gone} and 1 decline of this series" in info["interdiff_note"]

    # A third repository of that name: a first round, saying what it did not count and why.
    three = _branch_repo(tmp_path / "o3")
    res = fakes.review(three, "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    assert f"note: Review {gone} and 1 decline of this series" in res.stderr
    data = json.loads(stored(fakes, res.json()["review_id"], ".json"))
    assert data["header"]["round"] == "1"
    assert any("told repositories apart" in n for n in data["notes"])
