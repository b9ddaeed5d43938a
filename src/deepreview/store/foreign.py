"""Whether a folder may be used as a review store: new, empty, or one Deep Review made.

The store path may come from a repository's `.deep-review.toml` (`store` is read untrusted),
so a change's base could point it at any folder of the user's: a review would add its files
there and replace an `index.html` of the user's own. A folder holding anything else is
refused instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Final

from deepreview.runfiles import RUN_JSON, STORE_MARK

__all__ = ["STORE_MARK", "foreign_entries"]
# What a review writes before its index and run.json exist: several reviews may start on one
# new store at once, and each must read the others' first files as a store's.
_BEING_MADE: Final = re.compile(r"^(?:\.probe-\d+|\d{8}-\d{6}(?:-.*)?)$")


def foreign_entries(root: Path, marks: tuple[str, ...]) -> list[str]:
    """What `root` holds when it is a folder with files but no Deep Review store; [] when it
    is a store (it holds one of `marks`, what only a store holds), empty, or not there."""
    if any(os.path.lexists(root / mark) for mark in (STORE_MARK, *marks)):
        return []
    try:
        with os.scandir(root) as entries:
            names = sorted(e.name for e in entries)
    except (FileNotFoundError, NotADirectoryError):
        return []
    # A store whose index was deleted by hand still has its review folders (`reindex`).
    if any((root / name / RUN_JSON).is_file() for name in names):
        return []
    return [name for name in names if not _BEING_MADE.match(name)]
