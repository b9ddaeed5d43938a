"""The wording of a store write that failed: what the operating system said and the one fix
that can help (a full disk wants space, a read-only mount remounting, a file in a folder's
place moving away). Its own module, below `store.root`, so the files `root` itself names
(`declines_file`) word their failures the same way without importing `root`.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from deepreview.errors import StoreError


def write_hint(exc: OSError) -> str:
    """The fix for a failed write, as a few words ("free some space")."""
    if exc.errno == errno.ENOSPC:
        return "free some space"
    if exc.errno == errno.EROFS:  # no permission nor free space makes it writable
        return "remount it writable"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "a part of that path is a file, not a folder: move it away"
    if exc.errno == errno.EISDIR:
        return "a folder is in its place: move it away"
    return "fix its permissions"


def read_only_mount(path: Path) -> bool:
    """Whether `path` is on a file system mounted read-only: SQLite says only "attempt to
    write a readonly database", the same words as for a file without write permission."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def index_write_hint(root: Path, message: str) -> str:
    """`write_hint` for a failed write of SQLite's index in `root`, from its message alone."""
    if "full" in message:
        code = errno.ENOSPC
    elif read_only_mount(root):
        code = errno.EROFS
    else:
        code = errno.EACCES
    return write_hint(OSError(code, message))


def store_error(
    action: str, path: Path, exc: OSError, instead: str = "pass --store DIR"
) -> StoreError:
    """`cannot <action> <path>: <reason>; <fix> or <instead>`."""
    reason = exc.strerror or str(exc)
    return StoreError(f"cannot {action} {path}: {reason}; {write_hint(exc)} or {instead}")
