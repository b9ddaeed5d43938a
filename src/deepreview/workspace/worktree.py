"""One detached worktree per seat, pinned to the review SHA, removed on any exit.

`git worktree add/remove` take locks in the shared `.git` dir; concurrent reviews of one repo
serialise those calls through a per-repo file lock so they never race.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from filelock import FileLock

from deepreview.errors import GitError
from deepreview.targets.git import Git

_LOGGER: Final = logging.getLogger(__name__)
_LOCK_TIMEOUT_S: Final = 300


def repo_lock(git: Git) -> FileLock:
    return FileLock(str(git.common_dir() / "deep-review.lock"), timeout=_LOCK_TIMEOUT_S)


@contextlib.contextmanager
def seat_worktree(repo: Path, sha: str, seat: str) -> Iterator[Path]:
    git = Git(repo)
    lock = repo_lock(git)
    slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in seat)[:40]
    path = Path(tempfile.mkdtemp(prefix=f"review-{slug}-"))
    try:
        with lock:
            git.run(["worktree", "add", "--detach", "--force", str(path), sha])
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise
    try:
        yield path
    finally:
        remove_worktree(git, path, lock)


def remove_worktree(git: Git, path: Path, lock: FileLock | None = None) -> None:
    lock = lock or repo_lock(git)
    with lock:
        result = git.run(["worktree", "remove", "--force", "--force", str(path)], check=False)
        if not result.ok:
            _LOGGER.debug("worktree remove failed: %s", result.stderr_text)
            shutil.rmtree(path, ignore_errors=True)
            git.run(["worktree", "prune"], check=False)


def worktree_changes(path: Path) -> tuple[str, ...]:
    """`git status --porcelain` lines: anything a read-only seat should never have produced."""
    try:
        result = Git(path).run(["status", "--porcelain", "--untracked-files=all"], check=False)
    except GitError:
        return ()
    return tuple(line for line in result.stdout_text.splitlines() if line.strip())


@contextlib.contextmanager
def isolated_home(seat: str) -> Iterator[Path]:
    """An empty, private directory the seat's CLI may use as HOME / config dir."""
    path = Path(tempfile.mkdtemp(prefix=f"deep-review-home-{seat}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
