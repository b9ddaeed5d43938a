"""Replacing a file whole: a reader (another `deep-review`, a CLI reading its credentials, a
crash halfway) sees the old contents or the new ones, never a part.

The new contents go to a temporary file beside the target (the same folder, so the rename stays
on one file system), which is then renamed over it. The temporary name is fresh each time and
created exclusively, never through a link: two writers (threads or processes) never share one,
and a link planted under that name is not written through. Renaming over a link replaces the
link itself, so the target's link (if any) is never written through either; a caller that must
refuse a link there checks in `before_replace`.

Every caller's way of writing a file in place is this one; what they differ in is a keyword:
the mode of the new file (credentials stay 0600, a repository's file keeps its own) and whether
it must reach the disk before the rename (`durable`: the store's records yes; a cache, which
is cheap to lose, no).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def _temp_name(path: Path) -> Path:
    """The temporary file that stands beside `path` while it is replaced: hidden, so a listing
    of the folder skips one a crash left behind, and ending in `.tmp`."""
    return path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")


@contextlib.contextmanager
def replacing(
    path: Path,
    *,
    mode: int | None = None,
    durable: bool = True,
    before_replace: Callable[[], object] | None = None,
) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new contents to; `path` is replaced when the block ends.

    `mode`: the new file's permission bits, exactly (None: the default for a new file, 0666
    less the umask). `durable`: flushed to the disk before the rename, so a power cut leaves
    the old contents or the new, not an empty file. `before_replace`: called after the new
    contents are written, just before the rename; what it raises stops the replacement.

    Whatever the block or the writing raises (OSError included) propagates; the temporary file
    is removed then and `path` is left as it was.
    """
    tmp = _temp_name(path)
    fd = os.open(tmp, _FLAGS, 0o666 if mode is None else mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            if mode is not None:
                os.fchmod(fh.fileno(), mode)  # the umask must not loosen or tighten it
            yield fh
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        # Half-written new contents (or a refused replacement): gone, `path` as it was. A
        # failure to remove it must not hide why the write failed.
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def replace_bytes(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    durable: bool = True,
    before_replace: Callable[[], object] | None = None,
) -> None:
    """Replace (or create) the file at `path` with `data`; see `replacing`."""
    with replacing(path, mode=mode, durable=durable, before_replace=before_replace) as fh:
        fh.write(data)
