"""A store whose index a newer deep-review wrote: its index holds a migration this version
does not know (`migrations.unknown_migrations`). What that migration changed may be a table
this version would write wrongly (a column it leaves empty, a row it keeps that should go), so
the store is only read: reading commands say once that it is newer, and any write to it is
refused with one line before anything changes (`Store.refuse_if_newer`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from deepreview.store.migrations import unknown_migrations

# Where "note: the store … was written by a newer deep-review" goes: the CLI sets it (the core
# prints nothing), once per store and command.
_notice: Callable[[str], None] | None = None
_noticed: set[Path] = set()


def set_newer_notice(notice: Callable[[str], None] | None) -> None:
    """Set where the note goes; a new command (`cli.main`) says it again."""
    global _notice
    _notice = notice
    _noticed.clear()


def unknown_in(index: Path) -> list[str]:
    """The migrations `index` holds that this version does not know, read without writing
    (not even the file made); [] when there is no index or it cannot be read (a damaged
    index is said by the command's first read, as before)."""
    try:
        if not index.is_file():
            return []
        db = sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return []  # a path too long, a folder it cannot read: the command's own checks say it
    try:
        return unknown_migrations(db)
    except sqlite3.Error:
        return []
    finally:
        db.close()


def _names(names: list[str]) -> str:
    return f"migration{'s' if len(names) > 1 else ''} {', '.join(names)}"


def refusal(root: Path, names: list[str]) -> str:
    return (
        f"the review store {root} was written by a newer deep-review (its index has "
        f"{_names(names)}, unknown to this version); upgrade deep-review to write to it "
        "(`list`, `show` and `stats` still read it)"
    )


def say_read_only(root: Path, names: list[str]) -> None:
    """Say once per command that the store is read as this version knows it."""
    if _notice is None or root in _noticed:
        return
    _noticed.add(root)
    _notice(
        f"the review store {root} was written by a newer deep-review ({_names(names)}, "
        "unknown to this version): read as this version knows it, nothing written; upgrade "
        "deep-review to review into it or change it"
    )
