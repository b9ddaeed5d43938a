"""Declined findings in the store index: `decline`, `declines`, `undecline`.

Keyed by repository + series + finding fingerprint (`consolidate.fingerprint`), so a decline
still matches when a later round numbers the finding differently, and a decline in one
repository of a shared store is none in another (`store.Repository`).

The index is no record of truth (`deep-review reindex` rebuilds it from the review folders):
every change to the declines also rewrites `declines.json` in the store (`declines_file`), from
which a rebuilt index takes them back.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, astuple, dataclass, fields, replace
from typing import Any, TypeVar

from deepreview.errors import StoreError
from deepreview.store.declines_file import (
    DECLINES_JSON,
    read_declines_file,
    write_declines_file,
)
from deepreview.store.redact import index_name
from deepreview.store.repository import Repository
from deepreview.store.store import Store

_T = TypeVar("_T")


@dataclass(frozen=True)
class Decline:
    series: str
    fingerprint: str
    review_id: str
    finding_id: str
    title: str
    path: str
    start_line: int | None
    end_line: int | None
    reviewed_sha: str
    round: int
    reason: str
    created_at: str
    repo_key: str = ""  # the review's repository (`ReviewRow.repo_key`)
    repo: str = ""  # its name; "" for a decline from before keys whose review was deleted
    # The declined lines' text at `reviewed_sha` (`decline_lines`), compared with the code when
    # that commit is gone; None when not kept.
    lines: str | None = None
    # What the declined finding says (`fingerprint.first_sentence`): it tells the finding apart
    # from others of its file; "" in a decline stored before it was kept.
    text: str = ""

    @property
    def location(self) -> str:
        if self.start_line is None:
            return self.path
        if self.end_line in (None, self.start_line):
            return f"{self.path}:{self.start_line}"
        return f"{self.path}:{self.start_line}-{self.end_line}"


_COLUMNS = (
    "series, fingerprint, review_id, finding_id, title, path, start_line, end_line,"
    " reviewed_sha, round, reason, created_at, repo_key, repo, lines, text"
)


def add_decline(store: Store, d: Decline) -> Decline | None:
    """Record `d`; the decline of the same finding it replaces, if any (its reason is gone)."""

    def change(db: sqlite3.Connection) -> Decline | None:
        before = _same_key(db, d)
        # The same decline recorded before repositories were told apart: this one replaces it.
        db.execute(
            "DELETE FROM declines WHERE repo_key = '' AND series = ? AND fingerprint = ?"
            " AND repo IN ('', ?)",
            (d.series, d.fingerprint, d.repo),
        )
        db.execute(
            f"INSERT OR REPLACE INTO declines ({_COLUMNS}) VALUES ({', '.join('?' * 16)})",
            astuple(d),
        )
        return before

    return _changed(store, change)


def _changed(store: Store, change: Callable[[sqlite3.Connection], _T]) -> _T:
    """Apply `change` to the index's declines and write the declines file to match, so that
    the two never disagree: the file is written inside the index's transaction, before its
    commit (a file that cannot be written rolls the index back), and a commit that fails after
    it puts the file's former contents back."""
    with store.lock(), store._db(write=True) as db:
        former = _rows(db)
        try:
            with db:  # one transaction: committed when the block ends, else rolled back
                done = change(db)
                write_declines_file(store.root, _rows(db))
        except sqlite3.Error:
            # The file has the change, the index not: the file goes back as it was. If that
            # fails too, the file (the record a rebuilt index reads) keeps the change.
            with contextlib.suppress(StoreError):
                write_declines_file(store.root, former)
            raise
    return done


def _rows(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The index's declines (as this connection sees them), as the declines file keeps them."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM declines ORDER BY created_at").fetchall()
    return [asdict(Decline(*r)) for r in rows]


def _same_key(db: sqlite3.Connection, d: Decline) -> Decline | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM declines WHERE series = ? AND fingerprint = ?"
        " AND (repo_key = ? OR (repo_key = '' AND repo IN ('', ?)))",
        (d.series, d.fingerprint, d.repo_key, d.repo),
    ).fetchone()
    return Decline(*row) if row else None


def restore_declines(store: Store) -> int:
    """Put the declines file's declines back into a rebuilt index (under the store lock); how
    many it held. A decline the index has already is left as it is."""
    kept = read_declines_file(store.root)
    names = [f.name for f in fields(Decline)]
    with store._db(write=True) as db, db:
        for item in kept:
            try:
                d = Decline(**{k: item[k] for k in names if k in item})
            except TypeError as exc:  # a field missing: edited by hand
                raise StoreError(
                    f"a decline in {store.root / DECLINES_JSON} lacks a field ({exc}); fix or "
                    "remove it, then run `deep-review reindex`"
                ) from exc
            if isinstance(d.series, str):  # a file from before names were masked (m012)
                d = replace(d, series=index_name(d.series))
            db.execute(
                f"INSERT OR IGNORE INTO declines ({_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                astuple(d),
            )
    return len(kept)


def list_declines(
    store: Store, series: str | None = None, repo: Repository | None = None
) -> list[Decline]:
    """The store's declines, of one series and of one repository when given."""
    if not (store.root / "index.sqlite").exists():
        return []
    with store._db() as db:
        sql = f"SELECT {_COLUMNS} FROM declines"
        args: tuple[str, ...] = ()
        if series:
            sql += " WHERE series = ?"
            args = (index_name(series),)  # as the index keeps it
        rows = db.execute(sql + " ORDER BY created_at, review_id, finding_id", args).fetchall()
    found = [Decline(*r) for r in rows]
    return [d for d in found if repo is None or repo.holds(d.repo_key, d.repo)]


def declines_from(store: Store, review_id: str) -> list[Decline]:
    """The declines recorded from findings of `review_id`. Two may carry one finding ID: a
    relead renumbered the review's findings and the new holder of that ID was declined too."""
    if not (store.root / "index.sqlite").exists():
        return []
    with store._db() as db:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM declines WHERE review_id = ? ORDER BY created_at",
            (review_id,),
        ).fetchall()
    return [Decline(*r) for r in rows]


def remove_decline(store: Store, d: Decline) -> bool:
    """Remove the decline `d` (by its key: repository, series, fingerprint); False when it is
    gone already."""

    def change(db: sqlite3.Connection) -> bool:
        cur = db.execute(
            "DELETE FROM declines WHERE repo_key = ? AND series = ? AND fingerprint = ?"
            " AND review_id = ?",
            (d.repo_key, d.series, d.fingerprint, d.review_id),
        )
        return cur.rowcount > 0

    return _changed(store, change)
