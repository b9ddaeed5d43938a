"""A review killed outright (SIGKILL) leaves its seats' agents running: they run in sessions of
their own, and a real agent would go on spending the user's API money. The next command that
cleans up after the killed review (`list` here) stops them before it removes their worktrees
and homes. Real `deep-review` processes, real git, the test's own command seat."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from fakebin.harness import Fakes, processes_with
from support.interrupt import start_slow_review, wait_for, wait_until_the_seat_runs
from support.repos import make_repo, run_cli


def _kill_what_is_left(proc: subprocess.Popen[bytes], marker: str) -> None:
    """Whatever a failed test left running: the review, the seat and its helpers."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    if proc.stderr:
        proc.stderr.close()
    for found in processes_with(marker):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(found.split(":", 1)[0]), signal.SIGKILL)


def test_the_next_command_stops_a_killed_reviews_seat_before_removing_its_worktree(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "600", "--flag", "never")})
    env = fakes.env()
    proc = start_slow_review(repo, env)
    try:
        rid = wait_until_the_seat_runs(fakes.store, proc)
        ledger = fakes.store / ".workspaces"
        # The seat's process runs and its group is written down.
        wait_for(
            "the seat's process group to be written down",
            lambda: processes_with(fakes.marker) and list(ledger.glob("group-*.json")),
        )
        os.kill(proc.pid, signal.SIGKILL)  # no handler runs, nothing is cleaned up
        proc.wait()
        assert processes_with(fakes.marker), "the seat went with its review: nothing to test"

        res = run_cli(["list"], cwd=repo, env=env)

        assert res.returncode == 0, res.stderr
        [note] = [ln for ln in res.stderr.splitlines() if "killed before it cleaned up" in ln]
        assert rid in note and "stopped 1 seat process group still running" in note, note
        assert "removed 1 leftover seat worktree" in note, note
        wait_for("the seat's process to end", lambda: not processes_with(fakes.marker))
        # Said once: nothing is left for the next command.
        again = run_cli(["list"], cwd=repo, env=env)
        assert "killed before it cleaned up" not in again.stderr, again.stderr
    finally:
        _kill_what_is_left(proc, fakes.marker)


# The seat's program starts a helper in a session of its own (`setsid`), out of the seat's
# process group, then waits: a real agent's MCP server or shell tool may do the same.
_ESCAPING_SEAT = """
import subprocess, sys, time
subprocess.Popen(
    [sys.executable, "-c", "import time; time.sleep(301)", sys.argv[1] + "-escaped"],
    start_new_session=True,
)
time.sleep(600)
"""


def test_a_killed_reviews_seat_helper_in_a_session_of_its_own_is_stopped_too(
    tmp_path: Path,
) -> None:
    """Trial 43 defect 5: `setsid sleep 301 &` in a command seat outlived the cleanup after a
    kill -9 (`list` said it stopped the seat's group, the helper lived on)."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    # -I: without it the seat's `import subprocess` could load a subprocess.py of the worktree,
    # so a change editing a Python file there would stop the seat before it runs
    argv = [sys.executable, "-I", "-c", _ESCAPING_SEAT, fakes.marker]
    fakes.write_config({"slow": {"argv": argv}})
    env = fakes.env()
    proc = start_slow_review(repo, env)
    try:
        wait_until_the_seat_runs(fakes.store, proc)
        wait_for(
            "the seat's helper to start",
            lambda: (
                processes_with(f"{fakes.marker}-escaped")
                and list((fakes.store / ".workspaces").glob("group-*.json"))
            ),
        )
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()

        res = run_cli(["list"], cwd=repo, env=env)

        assert res.returncode == 0, res.stderr
        assert "stopped 1 seat process group still running" in res.stderr, res.stderr
        wait_for("the seat and its helper to end", lambda: not processes_with(fakes.marker))
    finally:
        _kill_what_is_left(proc, fakes.marker)
