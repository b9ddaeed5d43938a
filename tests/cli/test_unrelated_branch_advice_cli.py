"""A branch with no history in common with its base (an `--orphan` branch given a commit) was
refused with "main and HEAD share no history; pass --base REF" — to `review --base main` too,
the very option it names, and no other base shares history with it either. The line names the
branch and offers what works: the literal tree diff `main..BRANCH` (a range between unrelated
histories is read so, with a note), or a base from the branch's own history."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write


@pytest.mark.parametrize("args", [[], ["--base", "main"]])
def test_an_unrelated_branch_is_offered_the_range(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "--orphan", "fresh/start")
    git(repo, "rm", "-rfq", ".")
    write(repo, "other.py", "x = 1\n")
    commit_all(repo, "Unrelated root")
    printing_seats(tmp_path, {"calm": NO_FINDINGS})
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "calm", "--lead", "none", *args], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert "main and fresh/start share no history" in line, line
    assert "pass --base REF" not in line, line
    assert "`deep-review review main..fresh/start`" in line, line
    res = run_cli(
        ["review", "main..fresh/start", "--agents", "calm", "--lead", "none"], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr
