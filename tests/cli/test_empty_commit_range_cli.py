"""`deep-review review HEAD~1..HEAD` on an empty commit (`git commit --allow-empty`, a CI
trigger) says that its commits change no file, rather than only "has no changes against
HEAD~1 (pick another target)", which reads as if the range were mistyped."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, git, make_repo, run_cli


def test_a_range_of_empty_commits_says_they_change_no_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "commit", "-q", "--allow-empty", "-m", "trigger CI")
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "static", "--lead", "none"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert (res.returncode, res.stdout) == (2, "")
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("deep-review: error: nothing to review: HEAD~1..HEAD"), line
    assert "its 1 commit changes no file (an empty commit" in line, line
    assert "HEAD~2..HEAD~1" in line, line  # the change before it, which may be the one meant


def test_commits_that_undo_each_other_are_said_so(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "calc.py").write_text("changed = 1\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "try")
    git(repo, "revert", "--no-edit", "HEAD")
    res = run_cli(
        ["review", "HEAD~2..HEAD", "--agents", "static", "--lead", "none"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert "its 2 commits change no file together" in line, line
