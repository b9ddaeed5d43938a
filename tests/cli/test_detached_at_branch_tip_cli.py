"""HEAD detached at a local branch's tip (`git checkout --detach topic`, a CI checkout of a
commit a branch points at): the line said only "HEAD is detached; pass --base REF (or review a
range A..B)". The branch itself is the review meant: the line names it and the command that
reviews it, which works from the detached HEAD as it is."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, git, make_repo, run_cli


def test_a_head_detached_at_a_branch_tip_names_the_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "--detach", "feature/x")
    printing_seats(tmp_path, {"calm": NO_FINDINGS})
    env = cli_env(tmp_path)
    res = run_cli(["review", "--agents", "calm", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert "HEAD is detached at the tip of feature/x" in line, line
    assert "`deep-review review feature/x`" in line and "--base REF" in line, line
    res = run_cli(["review", "feature/x", "--agents", "calm", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr


def test_a_head_detached_elsewhere_names_no_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "--detach", "feature/x~1")
    git(repo, "checkout", "-q", "--detach", "HEAD")  # main's tip is HEAD: move past it
    git(repo, "commit", "-q", "--allow-empty", "-m", "on no branch")
    printing_seats(tmp_path, {"calm": NO_FINDINGS})
    res = run_cli(["review", "--agents", "calm", "--lead", "none"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert line.endswith("HEAD is detached; pass --base REF (or review a range A..B)"), line
