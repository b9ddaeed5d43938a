"""Append-only schema migrations for the store index, applied in order on open.

Never edit a migration that has shipped; add a new numbered function instead.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from deepreview.runfiles import RUN_JSON

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


@migration
def m005_declines(db: sqlite3.Connection) -> None:
    # Declined findings, per series and finding fingerprint (survives renumbering across rounds).
    db.execute(
        """
        CREATE TABLE declines (
            series TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            review_id TEXT NOT NULL,
            finding_id TEXT NOT NULL,
            title TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            start_line INTEGER,
            end_line INTEGER,
            reviewed_sha TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 1,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (series, fingerprint)
        )
        """
    )


@migration
def m006_lead_facts(db: sqlite3.Connection) -> None:
    # `--panel auto --budget-usd` counts the lead's median cost: each complete review's lead
    # (`data` is the JSON of a `LeadFacts`; rows of an older `version` are recomputed).
    db.execute(
        """
        CREATE TABLE lead_facts (
            review_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            data TEXT NOT NULL
        )
        """
    )


@migration
def m007_round_no(db: sqlite3.Connection) -> None:
    # A review's round, handed out once (`Store.round_for`) so that two reviews of one series
    # finishing at the same time do not both count the same earlier rounds; 0 until then.
    db.execute("ALTER TABLE reviews ADD COLUMN round_no INTEGER NOT NULL DEFAULT 0")


@migration
def m008_repository(db: sqlite3.Connection) -> None:
    # A store may hold reviews of many repositories: a series (`branch:feature`) and its
    # declines are one repository's (`targets.identity`). Rows written before keep "" and are
    # matched by the repository's name (`store.Repository`); a decline takes the name of the
    # review it was recorded from, and its key joins the primary key.
    db.execute("ALTER TABLE reviews ADD COLUMN repo_key TEXT NOT NULL DEFAULT ''")
    db.execute(
        """
        CREATE TABLE declines_by_repository (
            series TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            review_id TEXT NOT NULL,
            finding_id TEXT NOT NULL,
            title TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            start_line INTEGER,
            end_line INTEGER,
            reviewed_sha TEXT NOT NULL,
            round INTEGER NOT NULL DEFAULT 1,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            repo_key TEXT NOT NULL DEFAULT '',
            repo TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (repo_key, series, fingerprint)
        )
        """
    )
    db.execute(
        """
        INSERT INTO declines_by_repository
        SELECT d.series, d.fingerprint, d.review_id, d.finding_id, d.title, d.path,
            d.start_line, d.end_line, d.reviewed_sha, d.round, d.reason, d.created_at, '',
            COALESCE((SELECT r.repo FROM reviews r WHERE r.id = d.review_id), '')
        FROM declines d
        """
    )
    db.execute("DROP TABLE declines")
    db.execute("ALTER TABLE declines_by_repository RENAME TO declines")


@migration
def m009_repository_backfill(db: sqlite3.Connection) -> None:
    # m008 left rows from before it keyless, matched by name: `o1/app`'s keyless `branch:main`
    # chained into `o2/app`'s series alike. A keyless row now gets the key its run.json tells
    # (`targets.identity.recorded_identity`: its GitHub repository, or its checkout if still
    # there and holding the reviewed commit), and its declines with it; a row whose repository
    # cannot be told stays keyless, and is no round (nor its declines) of any keyed repository.
    root = _store_root(db)
    if root is None:
        return
    from deepreview.targets.identity import recorded_identity

    keyless = db.execute("SELECT id FROM reviews WHERE repo_key = ''").fetchall()
    known: dict[tuple[str, str, str], str] = {}
    for (review_id,) in keyless:
        target = _recorded_target(root / str(review_id) / RUN_JSON)
        if target is None:
            continue
        key = str(target.get("repo_key") or "")
        if not key and isinstance(target.get("repo_root"), str):
            head = str(target.get("head_sha") or "")
            url = target.get("repo_url") if isinstance(target.get("repo_url"), str) else None
            seen = (url or "", target["repo_root"], head)
            if seen not in known:
                known[seen] = recorded_identity(url, Path(target["repo_root"]), head)
            key = known[seen]
        if key:
            db.execute("UPDATE reviews SET repo_key = ? WHERE id = ?", (key, review_id))
    # A keyless decline whose review now has a key joins it; where that repository has since
    # recorded the same decline itself (keyed), the later one stands.
    db.execute(
        """
        DELETE FROM declines WHERE repo_key = '' AND EXISTS (
            SELECT 1 FROM reviews r JOIN declines k ON k.repo_key = r.repo_key
            WHERE r.id = declines.review_id AND r.repo_key != ''
                AND k.series = declines.series AND k.fingerprint = declines.fingerprint)
        """
    )
    db.execute(
        """
        UPDATE declines SET
            repo_key = (SELECT r.repo_key FROM reviews r WHERE r.id = declines.review_id),
            repo = (SELECT r.repo FROM reviews r WHERE r.id = declines.review_id)
        WHERE repo_key = '' AND review_id IN (SELECT id FROM reviews WHERE repo_key != '')
        """
    )


def _store_root(db: sqlite3.Connection) -> Path | None:
    """The folder of `db`'s file (the store root); None for an in-memory database."""
    for _, name, file in db.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file).parent
    return None


def _recorded_target(path: Path) -> dict[str, Any] | None:
    """The `target` a review's run.json recorded, as written (None when there is none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    target = data.get("target") if isinstance(data, dict) else None
    return target if isinstance(target, dict) else None


@migration
def m010_decline_lines(db: sqlite3.Connection) -> None:
    # The text of a declined finding's lines as its review saw them: a rebase or force push
    # may take that review's commit away, and the decline is still compared with the code.
    # NULL: not kept (a decline from before, or its commit already gone when declined).
    db.execute("ALTER TABLE declines ADD COLUMN lines TEXT")


@migration
def m011_decline_text(db: sqlite3.Connection) -> None:
    # What a declined finding says (its first sentence): untitled findings of one file, or two
    # under one generic title, are told apart by it. '': a decline from before (matched by its
    # fingerprint of version 1 and its severity class).
    db.execute("ALTER TABLE declines ADD COLUMN text TEXT NOT NULL DEFAULT ''")


@migration
def m012_redacted_names(db: sqlite3.Connection) -> None:
    # A token in a branch's name (`fix/ghp_…`) was kept in clear in every column holding the
    # name, though run.json and the reports mask it: masked now as the index keeps names since
    # (`redact.index_name`), so that the live key and the stored one still match (one series).
    # Two names that differ only by their token become one series; of two declines of one
    # finding that then share a key, the later stands. `secure_delete`: the old text is
    # overwritten in the file, not left in its free pages.
    from deepreview.store.redact import index_name

    db.execute("PRAGMA secure_delete = ON")
    rows = db.execute("SELECT id, series, branch, target FROM reviews").fetchall()
    for review_id, *names in rows:
        masked = [index_name(n) if isinstance(n, str) else n for n in names]
        if masked != names:
            db.execute(
                "UPDATE reviews SET series = ?, branch = ?, target = ? WHERE id = ?",
                (*masked, review_id),
            )
    declines = db.execute(
        "SELECT rowid, repo_key, series, fingerprint FROM declines ORDER BY created_at, rowid"
    ).fetchall()
    latest: dict[tuple[object, str, object], int] = {}
    for rowid, repo_key, series, fingerprint in declines:
        if isinstance(series, str):
            latest[(repo_key, index_name(series), fingerprint)] = rowid
    for rowid, repo_key, series, fingerprint in declines:
        if not isinstance(series, str) or index_name(series) == series:
            continue
        key = (repo_key, index_name(series), fingerprint)
        if latest[key] != rowid:
            db.execute("DELETE FROM declines WHERE rowid = ?", (rowid,))
            continue
        db.execute(
            "DELETE FROM declines WHERE repo_key = ? AND series = ? AND fingerprint = ?", key
        )
        db.execute("UPDATE declines SET series = ? WHERE rowid = ?", (key[1], rowid))
    root = _store_root(db)
    if root is not None:
        _redact_declines_file(root, index_name)


def _redact_declines_file(root: Path, mask: Callable[[str], str]) -> None:
    """The store's declines file (`store.declines_file`, what a rebuilt index reads back) with
    its series masked as the index's are; masked in place, item by item, not written from the
    index: a rebuilt index holds no declines yet when its migrations run."""
    from deepreview.errors import StoreError
    from deepreview.store.declines_file import (
        DECLINES_JSON,
        read_declines_file,
        write_declines_file,
    )

    if not (root / DECLINES_JSON).is_file():
        return
    try:
        items = read_declines_file(root)
    except StoreError:
        return  # damaged: `reindex` says so when it reads it, this leaves it as it is
    masked = [
        {**d, "series": mask(d["series"])} if isinstance(d.get("series"), str) else d for d in items
    ]
    if masked != items:
        write_declines_file(root, masked)


def _applied(db: sqlite3.Connection) -> set[str]:
    try:
        return {row[0] for row in db.execute("SELECT name FROM _migrations")}
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return set()
        raise


def unknown_migrations(db: sqlite3.Connection) -> list[str]:
    """Migrations applied to the index that this version does not know: a newer deep-review
    wrote it, and its tables may mean what this version cannot keep true (`Store` then only
    reads it). Only what the file holds is read: nothing is created."""
    known = {name for name, _ in MIGRATIONS}
    return sorted(name for name in _applied(db) if name not in known)


def migrate(db: sqlite3.Connection) -> None:
    if all(name in _applied(db) for name, _ in MIGRATIONS):
        return
    # Several reviews may open a fresh store at once. Under the write lock, "which migrations are
    # done" is read again and the missing ones applied in the same transaction (SQLite's DDL is
    # transactional), so no migration runs twice and none is half-applied.
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = _applied(db)
        for name, fn in MIGRATIONS:
            if name in done:
                continue
            fn(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (name,)
            )
        db.commit()
    except BaseException:
        db.rollback()
        raise
