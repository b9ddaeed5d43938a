"""Another process holds the store's locks: a `BEGIN EXCLUSIVE` on index.sqlite (a tool, a
`sqlite3` shell) or the `.index.lock` flock. Through the real `deep-review` command (in this
process, so that its wait can be cut short): a `note: waiting for …` line once the wait lasts,
naming the holder's pid, and on timeout one line that says what to do — not `resume`."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepreview import lockfile
from deepreview.store import root as root_module
from deepreview.store import store as store_module
from fakebin.harness import Fakes
from support.first_round import first_round
from support.inprocess import can_run_in_process
from support.repos import CliResult, run_cli

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="/proc/locks names the holder"),
    pytest.mark.skipif(
        not can_run_in_process() or bool(os.environ.get("DEEPREVIEW_TEST_SUBPROCESS")),
        reason="the wait is shortened inside this process",
    ),
]


def _stored_review(tmp_path: Path) -> tuple[Fakes, Path]:
    fakes, repo, _ = first_round(tmp_path)
    return fakes, repo


def _note_then_error(res: CliResult, held: Path) -> tuple[str, str]:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 2, res.stderr
    note, error = lines
    assert note.startswith(f"note: waiting for {held} ("), note
    assert f"held by pid {os.getpid()})" in note, note
    assert f"waiting for {held}:" in error and "try again once it is done" in error, error
    assert "resume" not in error and "free some space" not in error, error
    return note, error


@contextlib.contextmanager
def _exclusive_transaction(index: Path) -> Iterator[None]:
    db = sqlite3.connect(index, isolation_level=None)
    try:
        db.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        db.rollback()
        db.close()


def test_a_held_index_database_is_said_when_the_wait_starts_and_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fakes, repo = _stored_review(tmp_path)
    monkeypatch.setattr(store_module, "INDEX_WAIT_S", 0.2)
    monkeypatch.setattr(lockfile, "NOTE_AFTER_S", 0.05)
    index = fakes.store / "index.sqlite"
    with _exclusive_transaction(index):
        res = run_cli(["list"], cwd=repo, env=fakes.env())
    _note_then_error(res, index)
    after = run_cli(["list"], cwd=repo, env=fakes.env())
    assert after.returncode == 0 and "note:" not in after.stderr, after.stderr


def test_a_held_store_lock_is_said_when_the_wait_starts_and_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fakes, repo = _stored_review(tmp_path)
    monkeypatch.setattr(root_module, "LOCK_WAIT_S", 0.2)
    monkeypatch.setattr(lockfile, "NOTE_AFTER_S", 0.05)
    lock = fakes.store / ".index.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as `flock -x .index.lock sleep 130` holds it
        res = run_cli(["reindex"], cwd=repo, env=fakes.env())
    finally:
        os.close(fd)
    note, _ = _note_then_error(res, lock)
    assert "another deep-review is writing to this store" in note, note
    after = run_cli(["reindex"], cwd=repo, env=fakes.env())
    assert after.returncode == 0 and "note:" not in after.stderr, after.stderr
