"""Append-only schema migrations for the store index, applied in order on open.

Never edit a migration that has shipped; add a new numbered function instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_reviews(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            repo TEXT NOT NULL,
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            base_sha TEXT NOT NULL,
            head_sha TEXT NOT NULL,
            status TEXT NOT NULL,
            verdict TEXT NOT NULL DEFAULT 'Unknown',
            critical INTEGER NOT NULL DEFAULT 0,
            important INTEGER NOT NULL DEFAULT 0,
            suggestions INTEGER NOT NULL DEFAULT 0,
            reviewers TEXT NOT NULL DEFAULT '[]'
        )
        """
    )


@migration
def m002_series(db: sqlite3.Connection) -> None:
    # Rounds are counted per PR or branch series.
    db.execute("ALTER TABLE reviews ADD COLUMN series TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX reviews_series ON reviews(series, created_at)")


@migration
def m003_branch(db: sqlite3.Connection) -> None:
    # A branch review of a PR continues the PR's series: rounds match on the branch too.
    db.execute("ALTER TABLE reviews ADD COLUMN branch TEXT NOT NULL DEFAULT ''")


@migration
def m004_seat_facts(db: sqlite3.Connection) -> None:
    # Panel analytics (`deep-review stats`, the index's Reviewers panel): each complete review's
    # per-seat facts, so the history is read from the index rather than every report's JSON.
    # `data` is the JSON of a `SeatFacts`; rows of an older `version` are recomputed.
    db.execute(
        """
        CREATE TABLE seat_facts (
            review_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            seat TEXT NOT NULL,
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (review_id, seat)
        )
        """
    )


def migrate(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with db:
            fn(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (name,)
            )
