"""One review store made once per test module and worker, put back before each test that
damages it: for tests that only edit the store (and run commands on it), not the repository.

The store keeps absolute paths (the repository's, its own folder's), so it is put back in the
same place rather than copied next to each test. Files get fresh modification times: nothing
may take a file put back for the one an earlier test changed at the same path.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def keep(store: Path) -> Path:
    """A copy of `store` as it is now, beside it; `put_back` restores from it."""
    kept = store.with_name(f"{store.name}-as-made")
    shutil.copytree(store, kept, symlinks=True)
    return kept


def put_back(kept: Path, store: Path) -> None:
    """`store` exactly as `keep` found it: whatever a test added, edited or deleted is gone."""
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(kept, store, symlinks=True, copy_function=shutil.copy)
