"""A branch named in a script with no ASCII spelling (`修正/バグ`) gave the review ID
`<date>-review`: a word every review could have, naming nothing of this one. Such an ID ends
with the reviewed commit's short SHA, as a review of a detached HEAD's does."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write


def test_a_branch_with_no_ascii_letters_is_named_by_its_commit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "修正/バグ", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a + b  # 修正\n")
    head = commit_all(repo, "fix")
    printing_seats(tmp_path, {"calm": NO_FINDINGS})
    res = run_cli(
        ["review", "--agents", "calm", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp_path)
    )
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    assert rid.endswith(f"-{head[:7]}"), rid
