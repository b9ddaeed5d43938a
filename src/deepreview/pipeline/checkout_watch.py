"""The user's own checkout, checked around the seats (a review's, or one `--seat-only` seat's)
and around the checks that run the change's tests (`--check-fixes`, `--probe-tests`).

Seats run in their own worktrees, but a CLI's tool may still write elsewhere: the user's
checkout is the place we can check cheaply, `git status` before and after. The snapshot keeps
each listed path's stat, never its bytes (`workspace.worktree.worktree_state`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from deepreview.targets.git import Git
from deepreview.workspace.worktree import WorktreeState, worktree_changes, worktree_state


@dataclass(frozen=True)
class CheckoutWatch:
    repo_root: Path
    before: WorktreeState | None  # None: not a checkout git could read; nothing is checked

    @classmethod
    def start(cls, repo_root: Path) -> CheckoutWatch:
        return cls(repo_root, worktree_state(repo_root))

    def gone(self) -> bool:
        """The checkout is no repository any more: deleted (or moved) while the seats ran."""
        if not self.repo_root.is_dir():
            return True
        return not Git(self.repo_root).run(["rev-parse", "--git-dir"], check=False).ok

    def changes(self, *own: Path) -> tuple[str, ...]:
        """What changed since the start, without what is under `own` (the run's own folders:
        a `--store` or `--out` inside the checkout)."""
        if self.before is None:
            return ()
        changes = worktree_changes(self.repo_root, since=self.before)
        for folder in own:
            changes = not_in_store(changes, self.repo_root, folder)
        return changes


def _paths(changes: tuple[str, ...]) -> str:
    shown = ", ".join(c.strip() for c in changes[:5]) + (", …" if len(changes) > 5 else "")
    return f"({len(changes)} {'path' if len(changes) == 1 else 'paths'}: {shown})"


def tests_checkout_note(changes: tuple[str, ...]) -> str:
    """The report's note when the checkout changed while the checks ran the change's tests."""
    return (
        f"Your checkout changed while the tests ran {_paths(changes)}: a test may have "
        "written outside its scratch worktree."
    )


def checkout_note(changes: tuple[str, ...], seat: str | None = None) -> str:
    """The report's note; `seat`: the one `--seat-only` seat whose runner's checkout it was."""
    paths = _paths(changes)
    if seat is not None:
        return (
            f"The checkout seat {seat} was run from changed while it ran {paths}: the seat may "
            "have written outside its worktree (edits made there during its run show here too)."
        )
    return (
        f"Your checkout changed while the seats ran {paths}: a seat may have written "
        "outside its worktree (edits of your own during the review show here too)."
    )


def not_in_store(changes: tuple[str, ...], repo_root: Path, store: Path) -> tuple[str, ...]:
    """`git status` lines without the review's own files (a `--store` inside the checkout)."""
    try:
        inside = store.resolve().relative_to(repo_root.resolve()).as_posix()
    except ValueError:
        return changes
    prefix = "" if inside == "." else inside.rstrip("/") + "/"
    return tuple(c for c in changes if not c[3:].startswith(prefix))
