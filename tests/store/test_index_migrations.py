"""The store index is migrated by whichever review opens it first; several reviews starting at
once on a fresh store must apply each migration exactly once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from deepreview.store import migrations


def test_a_second_opener_mid_migration_waits_and_applies_nothing_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "index.sqlite"
    applied: list[str] = []
    errors: list[BaseException] = []
    other: list[threading.Thread] = []

    def second_opener() -> None:
        db = sqlite3.connect(path, timeout=30)
        try:
            migrations.migrate(db)
        except BaseException as exc:  # recorded for the assertion below
            errors.append(exc)
        finally:
            db.close()

    def m001_table(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE t (a INTEGER)")
        applied.append("m001_table")
        if len(other) == 0:
            # Another review opens the same fresh store while this one is mid-migration.
            thread = threading.Thread(target=second_opener)
            other.append(thread)
            thread.start()
            thread.join(timeout=1.0)

    def m002_column(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE t ADD COLUMN b TEXT")
        applied.append("m002_column")

    monkeypatch.setattr(
        migrations, "MIGRATIONS", [("m001_table", m001_table), ("m002_column", m002_column)]
    )
    db = sqlite3.connect(path, timeout=30)
    try:
        migrations.migrate(db)
    finally:
        db.close()
    other[0].join(timeout=30)

    assert errors == []
    assert applied == ["m001_table", "m002_column"]
    check = sqlite3.connect(path)
    try:
        names = [r[0] for r in check.execute("SELECT name FROM _migrations ORDER BY name")]
        columns = [r[1] for r in check.execute("PRAGMA table_info(t)")]
    finally:
        check.close()
    assert names == ["m001_table", "m002_column"]
    assert columns == ["a", "b"]


def test_an_up_to_date_index_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    db = sqlite3.connect(path)
    try:
        migrations.migrate(db)
        before = list(db.execute("SELECT name, applied_at FROM _migrations ORDER BY name"))
        migrations.migrate(db)
        after = list(db.execute("SELECT name, applied_at FROM _migrations ORDER BY name"))
    finally:
        db.close()
    assert [name for name, _ in before] == [name for name, _ in migrations.MIGRATIONS]
    assert after == before
