"""What a later pass changed in the worktree it shares with the seat's earlier passes."""

from __future__ import annotations

from pathlib import Path

from deepreview.workspace.worktree import seat_worktree, worktree_changes, worktree_state
from support.repos import git, make_repo


def test_only_what_changed_after_the_snapshot_is_reported(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    head = git(repo, "rev-parse", "HEAD")
    with seat_worktree(repo, head, "alpha") as wt:
        # Pass 1 leaves some dirt behind.
        (wt / "calc.py").write_text("# pass 1\n", encoding="utf-8")
        (wt / "notes.txt").write_text("pass 1\n", encoding="utf-8")
        (wt / "README.md").unlink()
        before = worktree_state(wt, by_content=True)
        assert before is not None
        assert worktree_changes(wt, head, since=before) == ()  # nothing new yet
        # Pass 2 rewrites one file, leaves the rest as it was, adds one.
        (wt / "notes.txt").write_text("pass 2\n", encoding="utf-8")
        (wt / "calc.py").write_text("# pass 1\n", encoding="utf-8")
        (wt / "util" / "more.py").write_text("x = 1\n", encoding="utf-8")
        assert sorted(worktree_changes(wt, head, since=before)) == [
            "?? notes.txt",
            "?? util/more.py",
        ]
        # Without the snapshot every change since the checkout is reported.
        assert len(worktree_changes(wt, head)) == 4


def test_a_commit_in_a_later_pass_is_reported_against_the_head_before_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    head = git(repo, "rev-parse", "HEAD")
    with seat_worktree(repo, head, "alpha") as wt:
        before = worktree_state(wt, by_content=True)
        assert before is not None
        (wt / "calc.py").write_text("# committed by pass 2\n", encoding="utf-8")
        git(wt, "commit", "-qam", "pass 2 was here")
        changes = worktree_changes(wt, head, since=before)
        assert len(changes) == 1 and changes[0].startswith(f"HEAD moved from {head[:12]} to ")
