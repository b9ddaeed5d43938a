"""The user's checkout deleted while a review's seats run: a seat setting up its worktree, or
removing it, takes the repository's worktree lock (in its `.git`). That must not make the
deleted `.git` folder again (an empty repository-looking folder where the user removed one):
setting up fails with one line, cleaning up removes only the worktree's own files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deepreview.errors import GitError
from deepreview.targets.git import Git
from deepreview.workspace.worktree import remove_worktree, repo_lock, seat_worktree
from support.repos import make_repo


def test_a_seat_setting_up_after_the_checkout_is_deleted_does_not_make_it_again(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    sha = Git(repo).out("rev-parse", "HEAD").strip()
    repo_lock(Git(repo))  # known to the review before the checkout goes, as while seats run
    shutil.rmtree(repo)
    with pytest.raises(GitError, match="is gone"), seat_worktree(repo, sha, "late"):
        pass
    assert not repo.exists()


def test_a_seat_cleaning_up_after_the_checkout_is_deleted_does_not_make_it_again(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    git = Git(repo)
    lock = repo_lock(git)
    worktree = tmp_path / "review-seat-x"
    worktree.mkdir()
    (worktree / "calc.py").write_text("x = 1\n", encoding="utf-8")
    shutil.rmtree(repo)
    remove_worktree(git, worktree, lock)
    assert not worktree.exists()
    assert not repo.exists()
