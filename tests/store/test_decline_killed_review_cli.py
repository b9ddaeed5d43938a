"""`decline` of a review killed outright (SIGKILL, a closed laptop) before its report: the line
says what `list` and `show` say, that it was interrupted, and to resume it. Before, `decline`
said "(status: running)": it reads the review while holding the review's own run lock, and
took that lock for a process still working on it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli


@pytest.mark.slow  # a real review process, killed
def test_declining_in_a_review_killed_before_its_report(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    started = tmp_path / "started"
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "600", "--count-file", str(started))})
    env = fakes.env()
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepreview", "review", "--agents", "slow", "--lead", "none"],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not started.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.exists() and proc.poll() is None, "the seat never started"
        os.kill(proc.pid, signal.SIGKILL)  # no handler runs: run.json still says running
        proc.wait()

        listed = run_cli(["list", "--json"], cwd=repo, env=env)
        (row,) = listed.json()["reviews"]
        assert row["status"] == "interrupted", row
        rid = row["id"]
        res = run_cli(["decline", rid, "C1", "--reason", "by design"], cwd=repo, env=env)
        assert res.returncode == 2, res.stderr
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith("deep-review: error:")]
        assert len(lines) == 1, res.stderr
        assert "(status: interrupted)" in lines[0], lines[0]
        assert f"`deep-review resume {rid}`" in lines[0], lines[0]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        assert fakes.survivors() == []  # the next command stopped the killed review's seat
