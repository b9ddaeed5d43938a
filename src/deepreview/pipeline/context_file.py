"""Reading and writing the working tree's `deep-review-context.md` without following links.

The file is in the repository, so the reviewed change may have committed it as a symbolic
link to any file of the user's (`~/.bashrc`): `context apply` would append a decline's reason
to that file and show its contents in the diff. Only a regular file directly in the
repository root is read (opened with O_NOFOLLOW, checked with fstat) and written (a temporary
file beside it, renamed over it, so neither a link nor a hard link is written through).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from deepreview.atomicfile import replace_bytes
from deepreview.errors import UsageError


def _refuse(path: Path, what: str) -> UsageError:
    if what == "a folder":
        # no link to warn of, and `git rm NAME` removes no folder (nor an untracked one)
        return UsageError(
            f"{path} is a folder, not a regular file; Deep Review reads and writes only a "
            f"plain {path.name} file: move or remove that folder and write a file there"
        )
    return UsageError(
        f"{path} is {what}, not a regular file; Deep Review reads and writes only a plain "
        f"{path.name} of the repository, never through a link: remove it (`git rm "
        f"{path.name}`) and write a file there"
    )


def _existing_mode(path: Path) -> int | None:
    """The permission bits of the regular file at `path`; None when there is none; refused
    when the name is a link, a folder or anything else."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(st.st_mode):
        raise _refuse(path, "a symbolic link")
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(path, "a folder" if stat.S_ISDIR(st.st_mode) else "a special file")
    return stat.S_IMODE(st.st_mode)


def read_context(path: Path) -> str | None:
    """The file's text; None when there is no such file."""
    if _existing_mode(path) is None:
        return None
    try:
        # O_NONBLOCK: a FIFO swapped in after the check must not hang the read (fstat refuses it).
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise _refuse(path, "a special file")
        data = fh.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"cannot read {path}: it is not UTF-8 text; fix or remove it") from exc


def write_context_text(path: Path, text: str) -> None:
    """Replace the file (or create it) with `text`: never through a link, keeping its mode."""
    mode = _existing_mode(path)
    try:
        replace_bytes(
            path,
            text.encode("utf-8"),
            mode=mode,
            # Checked again just before the rename: a link that appeared meanwhile is refused
            # as one found first would be (renaming over it would not write through it).
            before_replace=lambda: _existing_mode(path),
        )
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
