"""`restore_checkout` puts a scratch worktree back as it was checked out, whatever a test run
did in it, and touches nothing of the repository's own branches. Real git in temp dirs."""

from __future__ import annotations

from pathlib import Path

from deepreview.workspace.worktree import restore_checkout, seat_worktree, worktree_git_dir
from support.repos import git, make_repo


def test_a_test_runs_traces_are_gone_and_no_branch_moves(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    sha = git(repo, "rev-parse", "HEAD")
    git(repo, "branch", "side", "main")
    side = git(repo, "rev-parse", "side")
    with seat_worktree(repo, sha, "check-mutant1") as wt:
        git_dir = worktree_git_dir(wt)
        tracked = sorted(p.name for p in wt.iterdir())
        # What a hostile or careless suite does: switch to a branch and commit on it, delete a
        # tracked file, leave untracked and ignored files, a nested repository, and no `.git`.
        git(wt, "checkout", "-q", "side")
        (wt / "calc.py").write_text("broken\n")
        git(wt, "commit", "-q", "-am", "a test committed")
        (wt / "README.md").unlink()
        (wt / ".gitignore").write_text("cache/\n")
        (wt / "cache").mkdir()
        (wt / "cache" / "x").write_text("stale")
        git(wt, "init", "-q", "nested")
        (wt / ".git").unlink()

        assert restore_checkout(wt, git_dir, sha)
        assert sorted(p.name for p in wt.iterdir()) == tracked
        assert git(wt, "rev-parse", "HEAD") == sha
        assert git(wt, "status", "--porcelain", "--ignored") == ""
        assert git(wt, "symbolic-ref", "-q", "HEAD", check=False) == ""  # detached
    # The branch the suite committed on keeps its commit: nothing of the user's is moved back.
    assert git(repo, "rev-parse", "side") != side
    assert git(repo, "rev-parse", "HEAD") == sha


def test_a_worktree_whose_git_link_became_a_folder_is_not_restored(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    with seat_worktree(repo, "HEAD", "check-mutant2") as wt:
        git_dir = worktree_git_dir(wt)
        (wt / ".git").unlink()
        (wt / ".git").mkdir()
        assert not restore_checkout(wt, git_dir, git(repo, "rev-parse", "HEAD"))
        (wt / ".git").rmdir()
        (wt / ".git").write_text(f"gitdir: {git_dir}\n")
