"""Ctrl-C in the middle of a review, as a user presses it: `deep-review` runs as a real process
in its own session (the point is what that process does with the signal), and the signal is
sent once the test's condition holds — never after a fixed sleep."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes, processes_with


@dataclass(frozen=True)
class Interrupted:
    returncode: int
    stdout: bytes
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


# A terminal's shell starts a command with SIGHUP and SIGINT at their defaults; a test session
# run under `nohup` (or as a background job of a script) passes them on ignored, and
# `deep-review` keeps an inherited "ignore" on purpose (a review under nohup outlives the hangup:
# test_a_review_run_under_nohup_outlives_the_hangup). So the review starts as from a terminal:
# both back to their defaults, then the real command in the same process.
_AS_FROM_A_TERMINAL = (
    "import os, signal, sys\n"
    "for s in (signal.SIGHUP, signal.SIGINT):\n"
    "    signal.signal(s, signal.SIG_DFL)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'deepreview', *sys.argv[1:]])\n"
)


def interrupt_review(
    args: Sequence[str],
    *,
    cwd: Path,
    env: dict[str, str],
    when: Callable[[], bool],
    what: str,
    sig: int = signal.SIGINT,
    timeout: float = 60,
) -> Interrupted:
    """Run `deep-review ARGS`; once `when()` holds send `sig`, and wait for the exit. The
    seats it started sleep far longer than `timeout`: returning in time means they were
    stopped. The process is killed if the test fails on the way."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _AS_FROM_A_TERMINAL, *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while not when():
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            time.sleep(0.05)
        os.kill(proc.pid, sig)
        out, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return Interrupted(proc.returncode, out, err.decode(errors="replace"))


def interrupt_after_the_fast_seat(fakes: Fakes, repo: Path, config: Path) -> str:
    """`review --config FILE --agents fast,slow` (seats `fast` and `slow` in FILE), Ctrl-C once
    the fast seat is done and the slow one runs; the interrupted review's ID."""

    def fast_done_slow_running() -> bool:
        files = list(fakes.store.glob("*/run.json"))
        slow_running = any("--sleep" in p for p in processes_with(fakes.marker))
        fast = files and json.loads(files[0].read_text())["seats"]["fast"]["status"]
        return fast == "ok" and slow_running

    run = interrupt_review(
        ["review", "--config", str(config), "--agents", "fast,slow", "--lead", "none", "--json"],
        cwd=repo,
        env=fakes.env(),
        when=fast_done_slow_running,
        what="the fast seat to finish",
    )
    assert run.returncode == 130, run.stderr
    result = run.json()
    assert result["status"] == "interrupted"
    rid: str = result["review_id"]
    return rid


def wait_for(what: str, condition: Callable[[], object], timeout: float = 60) -> None:
    """Polls `condition` until it holds; fails the test naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def start_slow_review(
    repo: Path, env: dict[str, str], seat: str = "slow"
) -> subprocess.Popen[bytes]:
    """`deep-review review --agents SEAT --lead none` as a real process in its own session
    (the seat is the test's own command seat that takes its time)."""
    return subprocess.Popen(
        [sys.executable, "-m", "deepreview", "review", "--agents", seat, "--lead", "none"],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def wait_until_the_seat_runs(store: Path, proc: subprocess.Popen[bytes]) -> str:
    """The review's ID once its run.json says its `slow` seat is running (its worktree is
    made)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        for path in store.glob("*/run.json") if store.is_dir() else ():
            try:
                if json.loads(path.read_text())["seats"]["slow"]["status"] == "running":
                    return path.parent.name
            except (ValueError, KeyError):
                pass  # written between our reads
        time.sleep(0.05)
    raise AssertionError("the review's seat never started")
