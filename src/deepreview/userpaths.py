"""Paths the user names (`--store`, `--config`, `--out`, `--from`, their variables): why one
cannot even be looked at.

`Path.exists()`/`is_dir()`/`is_file()` answer False only for a path that is not there; any
other refusal of the file system (a name over the 255 bytes it allows, a folder it may not
search) escapes them as an OSError, a traceback instead of the one line a bad path gets.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

# What `Path.exists()` itself takes as "not there" (pathlib's `_IGNORED_ERRNOS`).
_NOT_THERE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_NAME_MAX = 255  # bytes in one name, on every file system deep-review is used on


def path_problem(path: Path) -> str | None:
    """Why `path` cannot be looked at, in a few words for an error line; None when it can
    (whether or not it is there)."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno in _NOT_THERE:
            return None
        if exc.errno == errno.ENAMETOOLONG:
            if any(len(os.fsencode(part)) > _NAME_MAX for part in path.parts):
                return f"a name in it is over {_NAME_MAX} bytes (File name too long)"
            return "it is too long (File name too long)"
        return exc.strerror or str(exc)
    except ValueError:  # a NUL byte: no file system path at all
        return "it holds a NUL byte"
    return None
