"""A linked worktree whose main repository was moved (trial46a #9): its `.git` file points at
a folder that is gone; the line names both and says `git worktree repair`, not "cd into the
repository" (the user is in the checkout)."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import git, make_repo, run_cli


def test_a_worktree_of_a_moved_repository_is_told_to_repair(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, "main-repo")
    linked = tmp_path / "linked"
    git(repo, "worktree", "add", "-q", str(linked), "-b", "feat2")
    repo.rename(tmp_path / "main-repo-moved")
    fakes = Fakes(tmp_path)
    res = fakes.review(linked, "--agents", "static")
    assert res.returncode == 2
    line = res.stderr.strip()
    assert str(linked / ".git") in line, line
    assert str(tmp_path / "main-repo" / ".git" / "worktrees") in line
    assert "git worktree repair" in line
    assert "cd into the repository" not in line

    doctor = run_cli(["doctor"], cwd=linked, env=fakes.env())
    assert "git worktree repair" in doctor.stdout + doctor.stderr

    git(tmp_path / "main-repo-moved", "worktree", "repair", str(linked))
    fixed = fakes.review(linked, "--agents", "static")
    assert "git worktree repair" not in fixed.stderr
