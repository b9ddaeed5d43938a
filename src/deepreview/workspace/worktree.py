"""One detached worktree per seat, pinned to the review SHA, removed on any exit.

`git worktree add/remove` take locks in the shared `.git` dir; concurrent reviews of one repo
serialise those calls through a per-repo file lock so they never race. Only registering and
deregistering a worktree happens under that lock: checking the files out and deleting them
(seconds on a big tree) touch nothing shared, so the seats of one review do it in parallel.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import stat
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.errors import GitError, Interrupted
from deepreview.lockfile import FileLock
from deepreview.targets.git import (
    SAFE_CONFIG,
    Git,
    config_env,
    user_programs,
    without_inherited,
)
from deepreview.workspace.committed import check_out_committed
from deepreview.workspace.ledger import HOME_PREFIX, WORKTREE_PREFIX, Ledger, recorded
from deepreview.workspace.lfs import POINTER_CONFIG
from deepreview.workspace.workroot import make_work_dir

_LOGGER: Final = logging.getLogger(__name__)
_LOCK_TIMEOUT_S: Final = 300
# A sparse checkout's cone is the user's view of their checkout, not the review's: a scratch
# worktree holds every file of the reviewed tree (`worktree add` copies the user's cone, and the
# changed files outside it were missing from every seat's worktree).
FULL_TREE: Final[Mapping[str, str]] = {
    "core.sparseCheckout": "false",
    "core.sparseCheckoutCone": "false",
    "index.sparse": "false",
}
# What git in a seat's worktree runs with (`Git.run` adds `SAFE_CONFIG` to each of ours).
SEAT_CONFIG: Final[Mapping[str, str]] = {**FULL_TREE, **POINTER_CONFIG}


def seat_git_env(env: Mapping[str, str], worktree: Path | None = None) -> dict[str, str]:
    """A seat's environment (`env`, the rest of it as the seat gets it) for the git commands it
    runs itself in its worktree: no variable pointing git elsewhere (`INHERITED_GIT_VARS`), no
    hooks or fsmonitor (`SAFE_CONFIG`), the whole tree, and LFS pointers (`workspace.lfs`).
    PATH keeps only absolute entries (`proc.clean_path`): a relative one is relative to the
    worktree, the change's. With `worktree`: no program the config its git reads there names by
    a relative path runs (`user_programs`), as those are the change's files too, and no diff
    driver or external diff at all (`GIT_EXTERNAL_DIFF` dropped too)."""
    clean = without_inherited(env)
    # git's external diff by variable: a program of the user's run on the change's files,
    # which a seat's git shows as committed (`user_programs` switches the drivers off)
    clean.pop("GIT_EXTERNAL_DIFF", None)
    clean["PATH"] = proc.clean_path(clean.get("PATH"))
    programs = user_programs(worktree, clean) if worktree is not None else {}
    clean.update(config_env(clean, {**SEAT_CONFIG, **programs, **SAFE_CONFIG}))
    return clean


_LOCAL_LOCKS: dict[str, threading.Lock] = {}
_LOCAL_LOCKS_GUARD = threading.Lock()


class RepoLock:
    """The per-repository file lock, behind an in-process lock.

    The file lock serialises separate `deep-review` processes, but a waiter polls it every
    50 ms; the seats of one review queue on the in-process lock instead and get it the
    moment it is released.
    """

    def __init__(self, path: Path) -> None:
        self.file = FileLock(
            path,
            timeout=_LOCK_TIMEOUT_S,
            error=GitError,
            holder="another deep-review is adding or removing worktrees of this repository",
            # The repository's `.git`: deleted while a review runs (the user's checkout
            # removed), it must not be made again, empty, by a seat setting up or cleaning up.
            make_folder=False,
        )
        with _LOCAL_LOCKS_GUARD:
            self.local = _LOCAL_LOCKS.setdefault(str(path), threading.Lock())

    def __enter__(self) -> RepoLock:
        self.acquire()
        return self

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """`cancel` (a seat setting up): Ctrl-C ends the wait at once with `Interrupted`, not
        once the review that holds the lock is done with its worktrees (up to 5 min)."""
        deadline = time.monotonic() + _LOCK_TIMEOUT_S
        while not self.local.acquire(timeout=0.05):
            if cancel is not None and cancel.is_set():
                raise Interrupted(f"stopped while waiting for {self.file.path}")
            if time.monotonic() >= deadline:
                raise GitError(f"timed out waiting for {self.file.path}; is a review stuck?")
        try:
            self.file.acquire(cancel)
        except BaseException:
            self.local.release()
            raise

    def __exit__(self, *exc: object) -> None:
        self.release()

    def release(self) -> None:
        try:
            self.file.release()
        finally:
            self.local.release()


_LOCK_PATHS: dict[Path, Path] = {}
_LOCK_PATHS_GUARD = threading.Lock()


def _lock_path(repo: Path) -> Path:
    # One `git rev-parse` per repository, not one per seat: the seats start in parallel, so a
    # plain cache would let each of them miss it at once.
    with _LOCK_PATHS_GUARD:
        if repo not in _LOCK_PATHS:
            _LOCK_PATHS[repo] = Git(repo).common_dir() / "deep-review.lock"
        return _LOCK_PATHS[repo]


def repo_lock(git: Git) -> RepoLock:
    return RepoLock(_lock_path(git.repo))


@contextlib.contextmanager
def seat_worktree(
    repo: Path,
    sha: str,
    seat: str,
    ledger: Ledger | None = None,
    *,
    lfs_content: bool = False,
    cancel: threading.Event | None = None,
    env: Mapping[str, str] | None = None,
) -> Iterator[Path]:
    """`ledger`: where the worktree is written down until it is removed, so that a later
    command removes it if this process is killed first (`workspace.ledger`). A seat's worktree
    holds each file's committed bytes (`workspace.committed`). `lfs_content`: a check's
    worktree, checked out as a clone of the change is (the tests it runs may read its files):
    Git LFS files get their content, not pointers, and the change's attributes apply.
    `cancel`: set (Ctrl-C) while this waits for the repository's lock, `Interrupted`.
    `env`: the environment that says where it is made (`workspace.workroot`; None: ours)."""
    git = Git(repo)
    lock = repo_lock(git)
    slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in seat)[:40]
    path = make_work_dir(f"{WORKTREE_PREFIX}{slug}-", os.environ if env is None else env)
    with recorded(ledger, "worktree", path, repo):
        try:
            # Only the wait to add is cut short by Ctrl-C (`cancel`), never a removal.
            lock.acquire(cancel)
            try:
                git.run(
                    ["worktree", "add", "--detach", "--no-checkout", "--force", str(path), sha],
                    config=FULL_TREE,
                )
            finally:
                lock.release()
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)
            raise
        try:
            # Checked out here, outside the lock. For a seat, Git LFS files stay pointers, as
            # the diff shows them, with the filter off (`workspace.lfs`): smudging would
            # download every object once per seat, fail every seat when they cannot be
            # fetched (CI checks out with `lfs: false`), or when git-lfs is not installed at
            # all. And every file holds its committed bytes, whatever the change's
            # `.gitattributes` say (`workspace.committed`). A check runs the change's tests,
            # which see the checkout a clone of the change makes (`worktree add` itself runs
            # this reset): attributes applied (a fixture marked `eol=crlf` is CRLF), LFS
            # content. The change's attributes give it no more say there than its tests,
            # which report what they like, already have.
            if lfs_content:
                Git(path).run(
                    ["reset", "--hard", "--quiet", "--no-recurse-submodules"], config=FULL_TREE
                )
            else:
                check_out_committed(path, sha, SEAT_CONFIG)
            yield path
        finally:
            remove_worktree(git, path, lock)


def worktree_git_dir(path: Path) -> Path:
    """The worktree's own folder under the repository's `.git/worktrees/`: read before anything
    runs in it, as its `.git` file may later be gone or point elsewhere (`restore_checkout`)."""
    return Path(Git(path).out("rev-parse", "--absolute-git-dir"))


def restore_checkout(path: Path, git_dir: Path, sha: str) -> bool:
    """Put a scratch worktree back as `seat_worktree` checked it out: HEAD detached at `sha`,
    every tracked file as committed and nothing else -- no untracked or ignored file, no nested
    repository. A test run leaves traces (a fixture it deleted, a cache, a build folder) that
    change what the next run in the same worktree sees; the first run saw none. False when it
    could not be done (the tests made the worktree unusable).

    Git is given `git_dir` and `path`, never the worktree's `.git` file, which the tests may
    have removed or rewritten (it is written back); HEAD is detached before the reset, so a
    branch the tests checked out in there is never moved."""
    link = path / ".git"
    if link.is_symlink() or (link.exists() and not link.is_file()):
        return False
    try:
        link.write_text(f"gitdir: {git_dir}\n", encoding="utf-8")
    except OSError:
        return False
    git = Git(path)
    where = [f"--git-dir={git_dir}", f"--work-tree={path}"]
    steps = (
        ["update-ref", "--no-deref", "HEAD", sha],
        ["reset", "--quiet", "--hard", "--no-recurse-submodules"],
        ["clean", "-q", "-ffdx"],  # -ff: nested repositories too; -x: ignored files too
    )
    return all(git.run([*where, *step], check=False, config=FULL_TREE).ok for step in steps)


def _clear_checkout(path: Path) -> None:
    """Delete the worktree's files, keeping its `.git` link for `git worktree remove`."""
    # Only a real worktree folder: never follow a seat that swapped it for a symlink.
    if path.is_symlink() or not (path / ".git").is_file():
        return
    try:
        children = list(path.iterdir())
    except OSError:
        return
    for child in children:
        if child.name == ".git":
            continue
        with contextlib.suppress(OSError):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()


def remove_worktree(git: Git, path: Path, lock: RepoLock | None = None) -> None:
    lock = lock or repo_lock(git)
    _clear_checkout(path)
    try:
        with lock:
            result = git.run(["worktree", "remove", "--force", "--force", str(path)], check=False)
            if not result.ok:
                _LOGGER.debug("worktree remove failed: %s", result.stderr_text)
                _remove_folder(path)
                git.run(["worktree", "prune"], check=False)
    except GitError:
        if not lock.file.folder_gone():
            raise
        # The repository was deleted while the seat ran (before or while this waited for its
        # lock): no registration is left to remove, only the worktree's files.
        _remove_folder(path)


def _remove_folder(path: Path) -> None:
    if path.is_symlink():
        path.unlink()  # the link only, never what it points to
    else:
        shutil.rmtree(path, ignore_errors=True)


@dataclass(frozen=True)
class WorktreeState:
    """What a worktree holds beyond its checkout: HEAD, and a fingerprint of every path
    `git status` lists, to tell later what changed after it was taken.

    `by_content`: fingerprints are SHA-256 digests of the files (a seat's own worktree between
    two of its passes: a pass that rewrites a file with the bytes it had changed nothing).
    Otherwise they are the file's stat, as git's index keeps it: the user's checkout may hold
    gigabytes of untracked files, and reading them all before the first seat starts would
    hold the review up for nothing.
    """

    head: str
    paths: Mapping[str, str]  # status path -> fingerprint ("" when missing or a folder)
    by_content: bool = False


def _status(path: Path, pointers: bool) -> tuple[list[str], str]:
    """A GitError when git cannot read `path` (the repository deleted meanwhile): nothing can
    be told then, which must not read as an empty status and a HEAD moved to nothing."""
    git = Git(path)
    result = git.run(
        ["status", "--porcelain", "--untracked-files=all"],
        # A seat's worktree holds LFS pointers: `status` re-reads a file whose stat it cannot
        # trust (one checked out in the second the index was written) through the filter.
        config=SEAT_CONFIG if pointers else None,
    )
    head = git.run(["rev-parse", "HEAD"]).stdout_text.strip()
    return [line for line in result.stdout_text.splitlines() if line.strip()], head


def _status_path(line: str) -> str:
    return line[3:].split(" -> ")[-1]


def _digest(file: Path) -> str:
    try:
        if file.is_symlink():
            return "link:" + str(file.readlink())
        return hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else ""
    except OSError:
        return ""


def _stamp(file: Path) -> str:
    """The file's stat, never its bytes: a rewrite moves mtime (and ctime, which no tool can
    set back), even when the size stays; a replaced file has another inode."""
    try:
        st = file.lstat()
    except OSError:
        return ""
    if stat.S_ISDIR(st.st_mode):
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_mode:o}"


def _fingerprint(file: Path, by_content: bool) -> str:
    return _digest(file) if by_content else _stamp(file)


def worktree_state(
    path: Path, *, by_content: bool = False, pointers: bool = False
) -> WorktreeState | None:
    """`pointers`: `path` is a seat's worktree (`seat_worktree`: LFS files are pointers)."""
    try:
        lines, head = _status(path, pointers)
    except GitError:
        return None
    paths = {_status_path(ln): _fingerprint(path / _status_path(ln), by_content) for ln in lines}
    return WorktreeState(head, paths, by_content)


def worktree_changes(
    path: Path,
    expected_head: str | None = None,
    *,
    since: WorktreeState | None = None,
    pointers: bool = False,
) -> tuple[str, ...]:
    """`git status --porcelain` lines: anything a read-only seat should never have produced.

    With `expected_head`, a moved HEAD (the seat committed, reset or checked out something
    else, which leaves `git status` clean) is reported as one more line. With `since` (the
    state before this pass), only what changed after it: a path listed then is reported again
    only when its fingerprint differs, and HEAD is compared with the HEAD then. `pointers`: as
    for `worktree_state`. A folder that is no longer one (removed, or replaced by a link to
    elsewhere) is one change; one git cannot read (its repository is gone) tells nothing: ().
    """
    if path.is_symlink() or not path.is_dir():
        return (f"{path} was replaced or removed",)
    try:
        lines, head = _status(path, pointers)
    except GitError:
        return ()
    if since is not None:
        expected_head = since.head
        lines = [
            ln
            for ln in lines
            if since.paths.get(_status_path(ln))
            != _fingerprint(path / _status_path(ln), since.by_content)
        ]
    changes = list(lines)
    if expected_head and head != expected_head:
        changes.append(f"HEAD moved from {expected_head[:12]} to {head[:12] or 'nothing'}")
    return tuple(changes)


def worktree_lost(path: Path) -> str | None:
    """Why the seat's worktree at `path` is no checkout of the change any more, when the seat
    deleted it (or its `.git` file) while it ran, else None: what it printed then is no review
    of the change. A folder replaced by a link is a change (`worktree_changes`), and a `.git`
    file whose repository is gone is the user's checkout deleted (`pipeline.checkout_watch`):
    neither is this."""
    if path.is_symlink():
        return None
    if not path.is_dir():
        return "deleted its worktree (the checkout of the change) while it ran"
    link = path / ".git"
    if link.is_symlink() or not link.is_file():
        return (
            "deleted or replaced its worktree's .git file while it ran (the worktree was no "
            "checkout of the change any more)"
        )
    return None


@contextlib.contextmanager
def isolated_home(
    seat: str, ledger: Ledger | None = None, env: Mapping[str, str] | None = None
) -> Iterator[Path]:
    """An empty, private directory the seat's CLI may use as HOME / config dir (it may get
    copies of the agent's credentials: written down in `ledger` as a worktree is), made
    beside the seats' worktrees (`env`, as `seat_worktree`'s)."""
    path = make_work_dir(f"{HOME_PREFIX}{seat}-", os.environ if env is None else env)
    with recorded(ledger, "home", path, path):
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)
