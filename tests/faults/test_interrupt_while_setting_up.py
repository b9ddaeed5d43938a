"""Ctrl-C while the seats are still setting up: here, waiting for the repository's worktree
lock, which another deep-review holds while it adds or removes worktrees of the same
repository (two reviews of one repository at once; a big checkout on a loaded machine)."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers, run_json
from support.interrupt import interrupt_review
from support.repos import make_repo, run_cli


@pytest.mark.slow
def test_ctrl_c_while_the_seats_wait_for_the_worktree_lock_stops_them_at_once(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    starts = tmp_path / "starts"  # a line per agent started
    fakes.write_config(
        {name: fakes.seat("ok", "--count-file", str(starts)) for name in ("one", "two")}
    )
    notes = fakes.store / ".workspaces"

    def both_seats_at_the_lock() -> bool:
        # Each seat writes its worktree down, then waits for the lock to add it.
        return notes.is_dir() and len(list(notes.glob("*.json"))) >= 2

    # Another review's hold on the lock, for longer than the test waits.
    fd = os.open(repo / ".git" / "deep-review.lock", os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        began = time.monotonic()
        run = interrupt_review(
            ["review", "--agents", "one,two", "--lead", "none", "--json"],
            cwd=repo,
            env=fakes.env(),
            when=both_seats_at_the_lock,
            what="the seats to wait for the repository's lock",
            timeout=30,
        )
        took = time.monotonic() - began
    finally:
        os.close(fd)
    assert run.returncode == 130, run.stderr
    assert took < 30
    assert not starts.exists(), "an agent was started after Ctrl-C"
    result = run.json()
    assert result["status"] == "interrupted"
    assert {s["seat"]: s["status"] for s in result["seats"]} == {
        "one": "interrupted",
        "two": "interrupted",
    }
    assert_no_leftovers(fakes, repo)
    # Interrupted, not failed: `resume` runs both once the lock is free.
    rid = result["review_id"]
    resumed = run_cli(["resume", rid, "--json"], cwd=repo, env=fakes.env())
    assert resumed.returncode == 0, resumed.stderr
    state = run_json(fakes.store / rid)
    assert {n: s["status"] for n, s in state["seats"].items()} == {"one": "ok", "two": "ok"}
    assert len(starts.read_text().splitlines()) == 2
