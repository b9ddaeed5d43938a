"""A folder on the RAM disk `/dev/shm`, for tests of a TMPDIR under `/dev` (Codex's sandbox gives
its commands a fresh `/dev`, so what Deep Review puts there is not there for them)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

import pytest

SHM: Final = Path("/dev/shm")


@contextmanager
def shm_folder(prefix: str) -> Iterator[Path]:
    """A new folder in `/dev/shm`, removed afterwards; skips the test where there is none."""
    if not SHM.is_dir() or not os.access(SHM, os.W_OK):
        pytest.skip("no writable /dev/shm on this machine")
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=SHM))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
