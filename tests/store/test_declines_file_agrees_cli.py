"""`decline` and `undecline` change two things: the index's declines and `declines.json` (what a
rebuilt index reads back). When one of the two writes fails, neither holds the change: `declines`
and a `reindex` tell the same story, and the same command works once the store is writable."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepreview import atomicfile
from deepreview.store import store as store_module
from support.repos import make_repo, run_cli
from support.review_seat import C1_REVIEW, REVIEW_FAST, fast_seat


def _stored(tmp_path: Path) -> tuple[Path, dict[str, str], Path, str]:
    """A stored review with two findings, C1 and C2."""
    repo = make_repo(tmp_path)
    fakes = fast_seat(
        tmp_path, C1_REVIEW + "- **C2** `calc.py:2` — the result is never returned.\n"
    )
    env = fakes.env()
    res = run_cli(REVIEW_FAST, cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, Path(env["DEEP_REVIEW_STORE"]), Path(res.json()["review_dir"]).name


def _in_index(repo: Path, env: dict[str, str]) -> list[str]:
    res = run_cli(["declines", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return sorted(d["finding_id"] for d in res.json()["declines"])


def _in_file(store: Path) -> list[str]:
    path = store / "declines.json"
    if not path.exists():
        return []
    return sorted(d["finding_id"] for d in json.loads(path.read_text())["declines"])


def _agree(repo: Path, env: dict[str, str], store: Path) -> list[str]:
    """What the index and the file hold, checked equal (and equal after a `reindex`)."""
    held = _in_index(repo, env)
    assert _in_file(store) == held
    assert run_cli(["reindex"], cwd=repo, env=env).returncode == 0
    assert _in_index(repo, env) == held
    return held


@contextlib.contextmanager
def _declines_file_unwritable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_open = os.open

    def read_only(path: str | Path, flags: int, *rest: int, **kw: int) -> int:
        # the file is replaced through a temporary file beside it (`atomicfile`)
        if Path(path).name.startswith(".declines.json.") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *rest, **kw)

    with monkeypatch.context() as m:
        m.setattr(atomicfile.os, "open", read_only)
        yield


def test_a_decline_whose_file_cannot_be_written_is_not_in_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, env, store, rid = _stored(tmp_path)
    assert run_cli(["decline", rid, "C1", "--reason", "x"], cwd=repo, env=env).returncode == 0
    with _declines_file_unwritable(monkeypatch):
        res = run_cli(["decline", rid, "C2", "--reason", "y"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert "declines.json" in res.stderr and "then run the command again" in res.stderr
    assert _agree(repo, env, store) == ["C1"]
    # writable again: the same command does it
    assert run_cli(["decline", rid, "C2", "--reason", "y"], cwd=repo, env=env).returncode == 0
    assert _agree(repo, env, store) == ["C1", "C2"]


def test_an_undecline_whose_file_cannot_be_written_keeps_the_decline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, env, store, rid = _stored(tmp_path)
    assert run_cli(["decline", rid, "C1", "--reason", "x"], cwd=repo, env=env).returncode == 0
    with _declines_file_unwritable(monkeypatch):
        res = run_cli(["undecline", rid, "C1"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert _agree(repo, env, store) == ["C1"]
    assert run_cli(["undecline", rid, "C1"], cwd=repo, env=env).returncode == 0
    assert _agree(repo, env, store) == []


def test_an_index_commit_that_fails_after_the_file_puts_the_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index's commit fails once the file is written (a reader holds the index past the
    wait): the file goes back to what it held."""
    repo, env, store, rid = _stored(tmp_path)
    assert run_cli(["decline", rid, "C1", "--reason", "x"], cwd=repo, env=env).returncode == 0
    monkeypatch.setattr(store_module, "INDEX_WAIT_S", 0.2)
    reader: list[sqlite3.Connection] = []
    real_replace = atomicfile.os.replace

    def replace_then_hold(src: str | Path, dst: str | Path) -> None:
        real_replace(src, dst)
        if Path(dst).name == "declines.json" and not reader:
            # another process's long read: the commit cannot take the index
            db = sqlite3.connect(store / "index.sqlite", isolation_level=None)
            db.execute("BEGIN")
            db.execute("SELECT count(*) FROM declines").fetchall()
            reader.append(db)

    monkeypatch.setattr(atomicfile.os, "replace", replace_then_hold)
    try:
        res = run_cli(["decline", rid, "C2", "--reason", "y"], cwd=repo, env=env)
    finally:
        for db in reader:
            db.close()
    assert reader, "the declines file was never written"
    assert res.returncode == 2, res.stderr
    assert "timed out" in res.stderr and "Traceback" not in res.stderr, res.stderr
    monkeypatch.undo()
    assert _agree(repo, env, store) == ["C1"]
