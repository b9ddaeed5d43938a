"""Remove what the seats of killed reviews left behind (`workspace.ledger`): a later command's
cleanup. Only entries no live process holds, and only what is still ours. Their agents' process
groups are stopped first (`workspace.groups`): removing a worktree under a running agent would
leave it running, and spending."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from deepreview.errors import GitError
from deepreview.lockfile import release, take
from deepreview.targets.git import Git
from deepreview.workspace.groups import Group, stop_group
from deepreview.workspace.ledger import GROUP_PREFIX, HOME_PREFIX, WORKTREE_PREFIX, Kind
from deepreview.workspace.worktree import remove_worktree


@dataclass(frozen=True)
class Leftover:
    """One thing a process that is gone left behind, and what became of it."""

    owner: str  # the review ID
    kind: Kind | Literal["group"]
    path: Path  # a group: /proc/PGID
    repo: Path  # the repository a worktree is registered in
    host: str  # the machine it was made on
    removed: bool = False  # False: it is no longer ours, so it was left; a group: stopped
    group: Group | None = None


def sweep(folder: Path) -> list[Leftover]:
    """Remove what processes that are gone wrote down in `folder` (a store's `LEDGER_DIR`);
    what each entry named. Entries a live process holds are not touched."""
    try:
        entries = sorted(
            (p for p in folder.glob("*.json") if not p.name.startswith(".")),
            # the seats' processes first: they may still write into their worktrees and homes
            key=lambda p: (not p.name.startswith(GROUP_PREFIX), p.name),
        )
    except OSError:
        return []
    found = [left for entry in entries if (left := _sweep_entry(entry)) is not None]
    for repo in {left.repo for left in found if left.kind == "worktree"}:
        # What a folder deleted by other means (a reboot clearing /tmp) left registered.
        if repo.is_dir():
            Git(repo).run(["worktree", "prune"], check=False)
    with contextlib.suppress(OSError):
        folder.rmdir()  # as the seats leave it when none works (`ledger.recorded`)
    return found


def _sweep_entry(entry: Path) -> Leftover | None:
    fd = take(entry)
    if fd is None:
        return None  # a live process holds it, or it is gone already
    try:
        # Removed and replaced between our open and our lock: not the entry we hold.
        if os.fstat(fd).st_ino != os.stat(entry).st_ino:
            return None
        left = _read(fd)
        if left is None:
            entry.unlink()  # not one of ours: the entry goes, nothing else
            return None
        if left.host != os.uname().nodename:
            return None  # another machine's folders (a shared store): its own commands'
        if left.group is not None:
            entry.unlink()
            # a group already gone (the seat ended on its own) is nothing to report
            return dataclasses.replace(left, removed=True) if stop_group(left.group) else None
        removed = _remove(left)  # a busy repository (GitError): the entry stays, for next time
        entry.unlink()
        return dataclasses.replace(left, removed=removed) if removed is not None else None
    except (OSError, GitError):
        return None
    finally:
        release(fd)


def _read(fd: int) -> Leftover | None:
    try:
        data = json.loads(os.pread(fd, 1 << 16, 0).decode("utf-8"))
        owner, host, kind = str(data["review"]), str(data["host"]), data["kind"]
        if kind == "group":
            session = data.get("session")  # not written before trial 43
            group = Group(
                int(data["pgid"]),
                int(data["start"]),
                str(data["boot"]),
                int(session) if session is not None else None,
            )
            if group.pgid <= 1:
                return None
            return Leftover(
                owner, kind, Path("/proc", str(group.pgid)), Path("/"), host, False, group
            )
        path, repo = Path(data["path"]), Path(data["repo"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if kind not in ("worktree", "home") or not path.is_absolute():
        return None
    return Leftover(owner, kind, path, repo, host)


def _ours(left: Leftover) -> bool:
    """A folder of our name, made by this user, not a link: what `ledger.recorded` wrote
    down (a store is data, a copied or downloaded one too: its entries are not trusted)."""
    prefix = WORKTREE_PREFIX if left.kind == "worktree" else HOME_PREFIX
    try:
        info = left.path.lstat()
    except OSError:
        return False
    return (
        left.path.name.startswith(prefix)
        and stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
    )


def _remove(left: Leftover) -> bool | None:
    """True: removed; False: left (not ours any more); None: nothing was there."""
    if left.kind == "worktree" and _registered(Git(left.repo), left.path):
        if left.path.exists() and not _ours(left):
            return False
        remove_worktree(Git(left.repo), left.path)  # registered, folder gone: pruned
        return not left.path.exists()
    if not left.path.exists() and not left.path.is_symlink():
        return None
    if not _ours(left):
        return False
    if left.kind == "home":
        shutil.rmtree(left.path, ignore_errors=True)
        return not left.path.exists()
    if not any(left.path.iterdir()):
        left.path.rmdir()  # made, then killed before `git worktree add` filled it
        return True
    return False  # a folder git does not know as that repository's worktree: not ours


def _registered(git: Git, path: Path) -> bool:
    """Whether `path` is one of `git`'s repository's worktrees (its folder there or not)."""
    if not git.repo.is_dir():
        return False
    result = git.run(["worktree", "list", "--porcelain"], check=False)
    want = _real(path)
    return result.ok and any(
        _real(Path(line.removeprefix("worktree "))) == want
        for line in result.stdout_text.splitlines()
        if line.startswith("worktree ")
    )


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path
