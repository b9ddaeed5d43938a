"""Where the seats' worktrees and homes are made: the one place that decides it (`work_root`).

The temp dir, unless it is under `/dev`. Codex's Linux sandbox gives the commands it runs a fresh
`/dev`, so a worktree in `/dev/shm` (a TMPDIR on a RAM disk, as some CI runners and desktops set
it) is not there for them: the seat reviewed without reading a file. Then the user's cache folder
(`~/.cache/deep-review/work`), else `/var/tmp`. `DEEP_REVIEW_WORK_DIR` chooses the folder. Only
the environment does: the reviewed repository's `.deep-review.toml` is the change's author's,
and must not pick where copies of the agents' credentials are written.

Crash cleanup (`workspace.sweep`) finds what a killed review left by its ledger entries, which
name each folder's path: folders made in the temp dir by an earlier version are removed too.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.errors import ConfigError
from deepreview.usercache import user_cache_dir

WORK_DIR_ENV: Final = "DEEP_REVIEW_WORK_DIR"
_DEV: Final = Path("/dev")
_SHARED_FALLBACK: Final = Path("/var/tmp")


@dataclass(frozen=True)
class WorkRoot:
    path: Path
    # Why there, for `doctor`: None when it is simply the temp dir.
    note: str | None = None


def work_root(env: Mapping[str, str], temp_dir: Path | None = None) -> WorkRoot:
    """The folder the seats' worktrees and homes go in (`temp_dir`: the temp dir, by default
    `tempfile.gettempdir()`, which follows TMPDIR)."""
    chosen = env.get(WORK_DIR_ENV)
    if chosen:
        path = Path(chosen).expanduser().absolute()  # a ledger entry names an absolute path
        note = f"set by {WORK_DIR_ENV}"
        if under_dev(path):
            note += "; it is under /dev, which Codex's sandbox hides from its commands"
        return WorkRoot(path, note)
    temp = temp_dir if temp_dir is not None else Path(tempfile.gettempdir())
    if not under_dev(temp):
        return WorkRoot(temp)
    cache = user_cache_dir(env)
    for candidate in ((cache / "work") if cache else None, _SHARED_FALLBACK):
        if candidate is not None and not under_dev(candidate) and _usable(candidate):
            return WorkRoot(
                candidate,
                f"the temp dir {temp} is under /dev, which Codex's sandbox hides from its "
                f"commands; {WORK_DIR_ENV} chooses another folder",
            )
    return WorkRoot(temp, f"the temp dir {temp} is under /dev and no other folder is writable")


def make_work_dir(prefix: str, env: Mapping[str, str]) -> Path:
    """A new private folder (`tempfile.mkdtemp`) named `prefix...` in `work_root`."""
    root = work_root(env)
    try:
        root.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=root.path))
    except OSError as exc:
        why = exc.strerror or str(exc)
        if env.get(WORK_DIR_ENV):
            raise ConfigError(
                f"{WORK_DIR_ENV}={env[WORK_DIR_ENV]}: cannot make a seat's folder there "
                f"({why}); fix or unset {WORK_DIR_ENV}"
            ) from exc
        raise ConfigError(
            f"cannot make a seat's folder in {root.path} ({why}); set {WORK_DIR_ENV} to a "
            "writable folder"
        ) from exc


def under_dev(path: Path) -> bool:
    """Whether `path` (its links followed) is in `/dev`."""
    with contextlib.suppress(OSError, RuntimeError):
        path = path.resolve()
    return path == _DEV or _DEV in path.parents


def _usable(folder: Path) -> bool:
    """`folder` is there and writable, or can be made."""
    try:
        for existing in (folder, *folder.parents):
            if existing.is_dir():
                return os.access(existing, os.W_OK | os.X_OK)
            if existing.exists():
                return False  # a file where a folder would be made
    except OSError:
        pass
    return False
