"""The one line a command prints per killed review whose seats' leftovers it found."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
from pathlib import Path

from deepreview.store.leftovers import sweep_killed
from deepreview.store.store import Store
from deepreview.workspace.groups import group_of
from deepreview.workspace.ledger import Ledger, recorded
from support.repos import cli_env, make_repo, run_cli


def _entry(store: Path, name: str, review: str, kind: str, path: Path) -> None:
    folder = store / ".workspaces"
    folder.mkdir(parents=True, exist_ok=True)
    data = {"review": review, "kind": kind, "path": str(path), "repo": str(path)}
    data["host"] = os.uname().nodename
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_one_line_per_killed_review_saying_what_was_removed_and_what_left(
    tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    home = tmp_path / "deep-review-home-claude-x"
    (home / ".claude").mkdir(parents=True)
    mine = tmp_path / "not-a-deep-review-folder"
    mine.mkdir()
    _entry(store, "a", "R1", "home", home)
    _entry(store, "b", "R1", "home", mine)
    _entry(store, "c", "R2", "home", tmp_path / "deep-review-home-gone")  # nothing there
    assert sweep_killed(Store(store)) == [
        f"review R1 was killed before it cleaned up: removed 1 leftover seat home folder; "
        f"left {mine} alone: no longer what it made"
    ]
    assert not home.exists() and mine.is_dir()
    assert not (store / ".workspaces").exists()
    assert sweep_killed(Store(store)) == []


def test_the_ledger_folder_is_no_review_to_delete(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    store = tmp_path / "store"
    home = tmp_path / "deep-review-home-live"
    home.mkdir()
    env = cli_env(tmp_path, {"DEEP_REVIEW_STORE": str(store)})
    with recorded(Ledger(store / ".workspaces", "R1"), "home", home, home):  # a live seat's
        res = run_cli(["delete", ".workspaces", "--yes"], cwd=repo, env=env)
        assert res.returncode == 2, res.stderr
        assert "no review '.workspaces'" in res.stderr
        assert len(list((store / ".workspaces").iterdir())) == 1 and home.is_dir()


def test_a_test_runs_group_is_told_from_a_seats(tmp_path: Path) -> None:
    """A group entry says whose it is (`of`); one written before test runs were written down
    has no `of` and is a seat's."""
    store = tmp_path / "store"
    folder = store / ".workspaces"
    folder.mkdir(parents=True)
    procs = [subprocess.Popen(["sleep", "600"], start_new_session=True) for _ in range(2)]
    try:
        for proc, of in zip(procs, ({}, {"of": "tests"}), strict=True):
            group = group_of(proc.pid)
            assert group is not None
            data = {"review": "R1", "kind": "group", **dataclasses.asdict(group), **of}
            data["host"] = os.uname().nodename
            (folder / f"group-{group.pgid}.json").write_text(json.dumps(data), encoding="utf-8")
        assert sweep_killed(Store(store)) == [
            "review R1 was killed before it cleaned up: stopped 1 seat process group and "
            "1 test run process group still running"
        ]
        # stopped by a signal: SIGTERM, or SIGKILL where it is ignored (as an xdist worker's
        # children may inherit)
        assert all(proc.wait(timeout=60) in (-signal.SIGTERM, -signal.SIGKILL) for proc in procs)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
