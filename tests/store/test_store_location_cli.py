"""Where the store is, for every command that finds reviews, wherever the user runs it from:
a repository file's `store`, a relative `store`, worktrees of one repository, a checkout that
gains a GitHub `origin`. Through the real command."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import commit_all, git, run_cli, write
from support.rounds import ROUND1, alpha_seat, make_branch_repo, run_round, stored


def _on_base(repo: Path, rel: str, text: str) -> None:
    """`rel` committed on main (the base a review reads its config from), `feature` rebased."""
    git(repo, "checkout", "-q", "main")
    write(repo, rel, text)
    commit_all(repo, f"Add {rel}")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main")


def _next_commit(repo: Path, name: str) -> None:
    write(repo, name, "unrelated\n")
    commit_all(repo, f"Add {name}")


def _listed(repo: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    res = run_cli(["list", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    rows: list[dict[str, Any]] = json.loads(res.stdout)["reviews"]
    return rows


def _round_of(store: Path, rid: str) -> str:
    data = json.loads((store / f"{rid}.json").read_text(encoding="utf-8"))
    header: str = data["header"]["round"]
    return header


@pytest.mark.slow  # several reviews through the real command
def test_a_repository_files_store_is_where_every_command_finds_its_reviews(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    repo_store = tmp_path / "repostore"
    _on_base(repo, ".deep-review.toml", f'[review]\nstore = "{repo_store}"\n')
    env = fakes.env()  # DEEP_REVIEW_STORE names another store: the repository's file wins
    rid = run_round(fakes, repo, ROUND1)["review_id"]
    assert (repo_store / f"{rid}.json").is_file()

    assert [r["id"] for r in _listed(repo, env)] == [rid]
    shown = run_cli(["show", rid], cwd=repo, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "Division by zero is not handled" in shown.stdout
    # found (and refused for what it is), not "no review ID in ..."
    resumed = run_cli(["resume", rid], cwd=repo, env=env)
    assert resumed.returncode == 2
    assert f"review {rid} is already complete" in resumed.stderr
    stats = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["reviews"] == 1
    declined = run_cli(["decline", rid, "I1", "--reason", "by design"], cwd=repo, env=env)
    assert declined.returncode == 0, declined.stderr
    listed = run_cli(["declines"], cwd=repo, env=env)
    assert f"{rid} I1  calc.py:3" in listed.stdout, listed.stdout
    # nothing went to the environment's store
    assert not (fakes.store / "index.sqlite").exists()


def test_a_repository_files_store_that_needs_trust_for_other_keys_still_locates(
    tmp_path: Path,
) -> None:
    """Reading the store runs nothing of the file: its `[checks] test` needs no trust here."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    repo_store = tmp_path / "repostore"
    text = f'[review]\nstore = "{repo_store}"\n\n[checks]\ntest = ["pytest"]\n'
    _on_base(repo, ".deep-review.toml", text)
    fakes.write_config(alpha_seat(fakes, ROUND1))
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", "--yes-trust-repo-config")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert [r["id"] for r in _listed(repo, fakes.env())] == [rid]


@pytest.mark.slow  # several reviews through the real command
def test_a_relative_store_in_the_repository_file_is_the_same_from_any_subfolder(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    write(repo, "sub/.keep", "")
    commit_all(repo, "Add sub")
    _on_base(repo, ".deep-review.toml", '[review]\nstore = "rel-reviews"\n')
    first = run_round(fakes, repo, ROUND1)["review_id"]
    _next_commit(repo, "two.txt")
    second = run_round(fakes, repo / "sub", ROUND1)["review_id"]
    store = repo / "rel-reviews"
    assert (store / f"{first}.json").is_file() and (store / f"{second}.json").is_file()
    assert not (repo / "sub" / "rel-reviews").exists()
    assert _round_of(store, second) == "2 (of feature)"
    assert {r["id"] for r in _listed(repo / "sub", fakes.env())} == {first, second}


def test_a_relative_store_in_the_user_file_is_relative_to_that_file(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config(alpha_seat(fakes, ROUND1), review={"store": "my-reviews"})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    # the user file is `tmp_path/user-config.toml`
    assert (tmp_path / "my-reviews" / f"{rid}.json").is_file()
    assert not (repo / "my-reviews").exists()


def _default_store_env(fakes: Fakes) -> dict[str, str]:
    env = fakes.env({"XDG_DATA_HOME": str(fakes.tmp / "data")})
    del env["DEEP_REVIEW_STORE"]
    return env


def _review(fakes: Fakes, repo: Path, env: dict[str, str]) -> dict[str, Any]:
    fakes.write_config(alpha_seat(fakes, ROUND1))
    res = fakes.review(repo, "--agents", "alpha", "--format", "md", env=env)
    assert res.returncode == 0, res.stderr
    out: dict[str, Any] = res.json()
    return out


def _second_worktree(repo: Path, tmp: Path) -> Path:
    """`feature` checked out in a second worktree, `wt2` (the first one back on main)."""
    git(repo, "checkout", "-q", "main")
    other = tmp / "wt2"
    git(repo, "worktree", "add", "-q", str(other), "feature")
    return other


def _as_own_store(store: Path, worktree: Path) -> Path:
    """`store` moved to where a deep-review from before kept `worktree`'s own default store
    (named after the worktree's path); where it now is."""
    own = hashlib.sha256(str(worktree.resolve()).encode()).hexdigest()[:8]
    old = store.with_name(f"{worktree.name}-{own}")
    store.rename(old)
    return old


@pytest.mark.slow  # several reviews through the real command
def test_worktrees_of_one_repository_share_the_default_store_and_the_series(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    env = _default_store_env(fakes)
    repo = make_branch_repo(tmp_path)
    first = _review(fakes, repo, env)
    other = _second_worktree(repo, tmp_path)
    _next_commit(other, "two.txt")
    second = _review(fakes, other, env)
    assert second["store"] == first["store"]
    assert _round_of(Path(second["store"]), second["review_id"]) == "2 (of feature)"
    ids = {first["review_id"], second["review_id"]}
    assert {r["id"] for r in _listed(repo, env)} == ids
    assert {r["id"] for r in _listed(other, env)} == ids


@pytest.mark.slow  # several reviews through the real command
def test_a_worktrees_own_default_store_from_before_is_still_found(tmp_path: Path) -> None:
    """A deep-review from before named a worktree's default store after the worktree's path:
    while the repository's shared folder does not exist, that one is used."""
    fakes = Fakes(tmp_path)
    env = _default_store_env(fakes)
    repo = make_branch_repo(tmp_path)
    other = _second_worktree(repo, tmp_path)
    first = _review(fakes, other, env)
    old = _as_own_store(Path(first["store"]), other)
    assert [r["id"] for r in _listed(other, env)] == [first["review_id"]]
    _next_commit(other, "two.txt")
    second = _review(fakes, other, env)
    assert Path(second["store"]) == old
    assert _round_of(old, second["review_id"]) == "2 (of feature)"


def _round_one_with_a_decline(fakes: Fakes, repo: Path) -> str:
    """Round 1 of `feature`, its I1 declined; its review ID."""
    first = run_round(fakes, repo, ROUND1)["review_id"]
    res = run_cli(["decline", first, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    return first


def _next_round_keeps_series_and_decline(fakes: Fakes, repo: Path, first: str) -> str:
    """A new commit reviewed: round 2 after `first`, whose decline still applies; its ID."""
    _next_commit(repo, "two.txt")
    second = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, second, ".json"))
    assert data["header"]["round"] == "2 (of feature)"
    assert data["round_info"]["previous_review_id"] == first
    assert [d["title"] for d in data["round_info"]["declined"]] == [
        "Division by zero is not handled"
    ]
    listed = run_cli(["declines"], cwd=repo, env=fakes.env())
    assert f"{first} I1  calc.py:3" in listed.stdout, listed.stdout
    return second


@pytest.mark.slow  # several reviews through the real command
def test_a_checkout_that_gains_a_github_origin_keeps_its_series_and_declines(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    first = _round_one_with_a_decline(fakes, repo)
    git(repo, "remote", "add", "origin", "https://github.com/acme/widgets.git")
    _next_round_keeps_series_and_decline(fakes, repo, first)


@pytest.mark.slow  # several reviews through the real command
def test_a_checkout_whose_github_origin_is_removed_again_keeps_its_series_and_declines(
    tmp_path: Path,
) -> None:
    """The other way round: reviewed with a GitHub `origin` (and a finding declined then),
    then without it (its key is its git folder's path again): the next review is the next
    round, the decline still applies; with the origin back, the round after that."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    git(repo, "remote", "add", "origin", "https://github.com/acme/widgets.git")
    first = _round_one_with_a_decline(fakes, repo)
    git(repo, "remote", "remove", "origin")
    second = _next_round_keeps_series_and_decline(fakes, repo, first)
    rounds = {r["id"]: r["round"] for r in _listed(repo, fakes.env())}
    assert rounds == {first: 1, second: 2}
    git(repo, "remote", "add", "origin", "https://github.com/acme/widgets.git")
    _next_commit(repo, "three.txt")
    third = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, third, ".json"))
    assert data["header"]["round"] == "3 (of feature)"
    assert data["round_info"]["previous_review_id"] == second


@pytest.mark.slow  # several reviews through the real command
def test_a_worktrees_own_store_left_beside_the_shared_one_is_named(tmp_path: Path) -> None:
    """Once the repository's shared store exists, a worktree reviews into it; the reviews it
    made into its own store before are not lost from sight: a note says where they are."""
    fakes = Fakes(tmp_path)
    env = _default_store_env(fakes)
    repo = make_branch_repo(tmp_path)
    other = _second_worktree(repo, tmp_path)
    first = _review(fakes, other, env)
    old = _as_own_store(Path(first["store"]), other)
    git(repo, "checkout", "-q", "-b", "topic")
    _next_commit(repo, "topic.txt")
    shared = Path(_review(fakes, repo, env)["store"])
    assert shared != old
    _next_commit(other, "two.txt")
    res = fakes.review(other, "--agents", "alpha", "--format", "md", env=env)
    assert res.returncode == 0, res.stderr
    assert res.json()["store"] == str(shared)
    assert f"are in {old}; `deep-review list --store {old}` lists them" in res.stderr
