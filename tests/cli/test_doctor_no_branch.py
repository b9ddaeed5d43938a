"""`doctor` where `review` refuses at once (trial 54 #11): a repository with no commits, an
unborn (orphan) branch, a detached HEAD. Its last line gives the refusal `review` prints, not
"A review now would run: …"; on the base branch itself (nothing to review yet) it still names
the panel a review of a branch would run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, git, make_repo, run_cli


def _checkout(tmp: Path, how: str) -> Path:
    if how == "no-commits":
        repo = tmp / "empty"
        repo.mkdir()
        git(repo, "init", "-q", "-b", "main")
        return repo
    repo = make_repo(tmp)
    if how == "detached":
        git(repo, "checkout", "-q", "--detach")
    else:
        git(repo, "checkout", "-q", "--orphan", "fresh")
    return repo


@pytest.mark.parametrize("how", ["no-commits", "unborn-branch", "detached"])
def test_doctor_gives_the_refusal_review_gives(tmp_path: Path, how: str) -> None:
    repo = _checkout(tmp_path, how)
    env = cli_env(tmp_path)
    review = run_cli(["review", "--lead", "none"], cwd=repo, env=env)
    assert review.returncode == 2, review.stderr
    refusal = review.stderr.strip().removeprefix("deep-review: error: ")
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    last = res.stdout.strip().splitlines()[-1]
    assert last == f"A review now would refuse to start: {refusal}", res.stdout
    data = json.loads(run_cli(["doctor", "--json"], cwd=repo, env=env).stdout)
    assert data["review_refused"] == refusal, data


def test_doctor_on_the_base_branch_names_the_panel(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    res = run_cli(["doctor"], cwd=repo, env=cli_env(tmp_path))
    assert res.stdout.strip().splitlines()[-1].startswith("A review now would run: "), res.stdout
