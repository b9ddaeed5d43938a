"""What a review's seats made outside the store (worktrees, homes) and have not removed yet.

A seat's worktree is registered in the user's repository and its home holds copies of the
agent's credentials; both are removed when the seat ends, however it ends, and its agent's
process group is killed, except when the process is killed outright (SIGKILL, a machine crash).
The scratch worktrees of `--allow-exec` checks, and their test runs' process groups, likewise.
So each one is written down first, in one small file of the store's `.workspaces/` folder
(`LEDGER_DIR`), which the process holds a `flock` on until it has removed it. An entry
nobody holds was left by a process that is gone:
`workspace.sweep` first stops the seats' process groups it names (when still the ones we made,
`workspace.groups`), then removes what it names, and only that, and only when it is still what
we made (a worktree of the recorded repository, a folder of our own name).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from deepreview.lockfile import hold, release
from deepreview.workspace.groups import group_of

_LOGGER: Final = logging.getLogger(__name__)

LEDGER_DIR: Final = ".workspaces"  # in the store root
# Our folders' names (`workroot.make_work_dir` prefixes): nothing else is ever removed.
WORKTREE_PREFIX: Final = "review-"
HOME_PREFIX: Final = "deep-review-home-"
# Entries for process groups (seats' agents, checks' test runs); swept before the folders.
GROUP_PREFIX: Final = "group-"

Kind = Literal["worktree", "home"]
# Whose process group an entry names: a seat's agent, or a test run of `--allow-exec` checks.
GroupOf = Literal["seat", "tests"]


@dataclass(frozen=True)
class Ledger:
    """Where the seats of review `owner` write down what they make."""

    folder: Path
    owner: str


@contextlib.contextmanager
def recorded(ledger: Ledger | None, kind: Kind, path: Path, repo: Path) -> Iterator[None]:
    """Write `path` down (held) for as long as the block runs; the block removes `path`.
    Nothing is written without a ledger, or when it cannot be (a full disk): only the cleanup
    after a kill would be lost, never the review."""
    if ledger is None:
        yield
        return
    with _held(ledger, path.name, {"kind": kind, "path": str(path), "repo": str(repo)}):
        yield


@contextlib.contextmanager
def recorded_group(ledger: Ledger | None, pid: int, *, of: GroupOf = "seat") -> Iterator[None]:
    """Write down the process group `pid` leads (a seat's agent, or a test run of the checks:
    `of`) for as long as the block runs; the block ends once the group is gone. Should this
    process be killed outright, a later command's sweep stops the group before it removes the
    worktree it runs in."""
    group = group_of(pid) if ledger is not None else None
    if ledger is None or group is None:
        yield
        return
    name = f"{GROUP_PREFIX}{group.pgid}-{group.start}"
    with _held(ledger, name, {"kind": "group", "of": of, **dataclasses.asdict(group)}):
        yield


@contextlib.contextmanager
def _held(ledger: Ledger, name: str, fields: dict[str, object]) -> Iterator[None]:
    entry = ledger.folder / f"{name}.json"
    note = json.dumps(
        {"review": ledger.owner, **fields, "host": os.uname().nodename}, allow_nan=False
    )
    fd = _write_down(ledger.folder, entry, note)
    try:
        yield
    finally:
        if fd is not None:
            with contextlib.suppress(OSError):
                entry.unlink()
            release(fd)
            # The folder goes with its last entry: a store no seat works on holds none.
            with contextlib.suppress(OSError):
                ledger.folder.rmdir()


def _write_down(folder: Path, entry: Path, note: str) -> int | None:
    """`entry` made, holding `note`, locked by this process: its descriptor (None: it could
    not be). Locked and written under another name first: a sweep never sees it half-made."""
    tmp = entry.with_name(f".{entry.stem}.tmp")
    for _ in range(3):  # another seat's last entry may take the folder away meanwhile
        fd: int | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = hold(tmp, note, wait_s=0)
            if fd is None:
                return None
            tmp.replace(entry)
            return fd
        except FileNotFoundError:
            if fd is not None:
                release(fd)
        except OSError:
            _LOGGER.debug("cannot write down %s", entry, exc_info=True)
            if fd is not None:
                release(fd)
            with contextlib.suppress(OSError):
                tmp.unlink()
            return None
    return None
