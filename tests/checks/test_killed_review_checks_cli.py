"""A review killed outright (SIGKILL) while its `--allow-exec` checks run leaves their test
command running: it runs in a process group of its own (`proc.run`), as a seat's agent does, and
nothing of the review is left to stop it. Like a seat's agent, its group is written down while
it runs, and the next command that cleans up after the killed review (`list` here) stops it.
Real `deep-review` processes, real git, a test command that leaves a `sleep` behind."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from support.interrupt import wait_for
from support.proof_repos import GOOD_FIX, make_python_repo, review_text, seat_config
from support.repos import run_cli


def _sleeping(pid: int) -> bool:
    """`pid` is still the test command's `sleep`, not ended (a zombie has no command line)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0] == b"sleep"
    except OSError:
        return False


@pytest.mark.slow  # a review through the real process, then its cleanup: ~7 s
def test_the_next_command_stops_a_killed_reviews_test_run(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    env = seat_config(tmp_path, review_text([("Negative ages pass", GOOD_FIX)]))
    pid_file = tmp_path / "sleep.pid"
    # The baseline test run: a `sleep` in the test command's own group, its pid written down
    # once it runs; the command waits for it, so the review waits in its checks.
    test_cmd = f"sh -c 'sleep 600 & echo $! > {pid_file}; wait'"
    args = ["review", "--agents", "bot", "--lead", "none", "--allow-exec", "--check-fixes"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepreview", *args, "--test-cmd", test_cmd],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    sleep_pid = 0
    try:
        wait_for(
            "the test command's sleep",
            lambda: pid_file.is_file() and pid_file.read_text(),
            timeout=120,
        )
        sleep_pid = int(pid_file.read_text())
        # `$!` is known before the forked shell has become `sleep`
        wait_for("the sleep to start", lambda: _sleeping(sleep_pid), timeout=120)
        ledger = tmp_path / "store" / ".workspaces"
        wait_for(
            "the test run's process group to be written down (`workspace.ledger`)",
            lambda: proc.poll() is not None or list(ledger.glob("group-*.json")),
            timeout=120,
        )
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)  # no handler runs, nothing is cleaned up
        proc.wait()
        assert _sleeping(sleep_pid), "the test run went with its review: nothing to test"

        res = run_cli(["list"], cwd=repo, env=env)

        assert res.returncode == 0, res.stderr
        [note] = [ln for ln in res.stderr.splitlines() if "killed before it cleaned up" in ln]
        assert "stopped 1 test run process group still running" in note, note
        wait_for("the test command's sleep to end", lambda: not _sleeping(sleep_pid), timeout=120)
        again = run_cli(["list"], cwd=repo, env=env)
        assert "killed before it cleaned up" not in again.stderr, again.stderr
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
        if sleep_pid and _sleeping(sleep_pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(sleep_pid, signal.SIGKILL)
