"""A store whose index a newer deep-review wrote (a migration this version does not know):
reading commands still read it and say once, on stderr, that it is newer; every command that
would write to it refuses with one line saying to upgrade, and no file of the store changes
(it was read and written as if this version knew it all, without a word)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import run_cli

pytestmark = pytest.mark.slow  # a real review first

NEWER = "newer deep-review"


def _from_the_future(index: Path) -> None:
    """What a later version's migration could do: a column and a table this one ignores."""
    db = sqlite3.connect(index)
    with db:
        db.execute("ALTER TABLE reviews ADD COLUMN archived INTEGER NOT NULL DEFAULT 0")
        db.execute("CREATE TABLE tags (review_id TEXT, tag TEXT)")
        db.execute(
            "INSERT INTO _migrations (name, applied_at) VALUES ('m099_tags', datetime('now'))"
        )
    db.close()


def _snapshot(store: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(store)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(store.rglob("*"))
    }


@pytest.fixture(scope="module")
def newer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Fakes, Path, str]:
    """One store for every test here: each asserts its command changed no file of it."""
    tmp_path = tmp_path_factory.mktemp("newer")
    fakes, repo, first = first_round(tmp_path)
    rid: str = first["review_id"]
    _from_the_future(fakes.store / "index.sqlite")
    return fakes, repo, rid


def test_readers_read_a_newer_store_and_say_so_once(newer: tuple[Fakes, Path, str]) -> None:
    fakes, repo, rid = newer
    before = _snapshot(fakes.store)
    for command in (["list"], ["show", rid], ["stats"], ["declines"]):
        res = run_cli(command, cwd=repo, env=fakes.env())
        assert res.returncode == 0, (command, res.stderr)
        said = [ln for ln in res.stderr.splitlines() if NEWER in ln]
        assert len(said) == 1, (command, res.stderr)
        assert said[0].startswith("note: "), said
        assert "m099_tags" in said[0] and "upgrade deep-review" in said[0], said
    assert _snapshot(fakes.store) == before


def test_list_json_says_a_newer_store_in_its_notes_only(newer: tuple[Fakes, Path, str]) -> None:
    """What a script reads is stdout's JSON: the note is among its `notes`, once, and not on
    stderr a second time."""
    fakes, repo, rid = newer
    before = _snapshot(fakes.store)
    res = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert NEWER not in res.stderr, res.stderr
    listed = res.json()
    assert [r["id"] for r in listed["reviews"]] == [rid]
    said = [n for n in listed["notes"] if NEWER in n]
    assert len(said) == 1, listed["notes"]
    assert "m099_tags" in said[0] and "upgrade deep-review" in said[0], said
    assert not said[0].startswith("note: "), said  # as the JSON's other notes
    assert _snapshot(fakes.store) == before


@pytest.mark.parametrize(
    "command",
    [
        ["review", "--agents", "alpha", "--format", "md"],
        ["delete", "RID", "--yes"],
        ["reindex"],
        ["decline", "RID", "I1", "--reason", "by design"],
        ["relead", "RID", "--lead", "none"],
        ["resume", "RID"],
    ],
    ids=lambda c: c[0],
)
def test_writers_refuse_a_newer_store_and_touch_nothing(
    newer: tuple[Fakes, Path, str], command: list[str]
) -> None:
    fakes, repo, rid = newer
    before = _snapshot(fakes.store)
    res = run_cli([rid if a == "RID" else a for a in command], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    [line] = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert NEWER in line and "m099_tags" in line, line
    assert "upgrade deep-review to write to it" in line, line
    assert _snapshot(fakes.store) == before
