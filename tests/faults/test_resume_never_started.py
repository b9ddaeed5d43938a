"""A review killed before its seats started, then resumed: the report says the seats ran, not
that they "ran again" (they never ran before)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli


def _blocking_git(fakes: Fakes, block: Path, blocked: Path) -> None:
    """`git` on the review's PATH: `worktree add` (a seat's checkout, made before its agent
    starts) waits while `block` exists, then fails; everything else is the real git."""
    real = shutil.which("git")
    fakes.install(
        "git",
        "#!/bin/sh\n"
        'case " $* " in *" worktree add "*)\n'
        f"  if [ -f '{block}' ]; then touch '{blocked}'\n"
        f"    while [ -f '{block}' ]; do sleep 0.05; done; exit 1; fi;;\n"
        "esac\n"
        f"exec '{real}' \"$@\"\n",
    )


def test_a_seat_killed_before_it_started_ran_for_the_first_time(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"alpha": fakes.seat("ok")})
    block, blocked = tmp_path / "block", tmp_path / "blocked"
    _blocking_git(fakes, block, blocked)
    block.touch()
    env = fakes.env()
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepreview", "review", "--agents", "alpha", "--lead", "none"],
        cwd=repo,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not blocked.exists():
            assert time.monotonic() < deadline, "the seat's checkout never started"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # killed outright: run.json still says running
        proc.wait(timeout=30)
    finally:
        block.unlink()
        if proc.poll() is None:
            proc.kill()
    (review_dir,) = [p.parent for p in fakes.store.glob("*/run.json")]
    assert json.loads((review_dir / "run.json").read_text())["seats"]["alpha"]["status"] == (
        "pending"
    )
    result = run_cli(["resume", review_dir.name, "--json"], cwd=repo, env=env)
    assert result.returncode == 0, result.stderr
    notes = json.loads((review_dir / "run.json").read_text())["notes"]
    said = [n for n in notes if n.startswith("Resumed")]
    assert said == [
        "Resumed after an interruption: alpha ran (not started before the interruption)."
    ]
    report = Path(result.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "ran again" not in report
    assert "alpha ran (not started before the interruption)" in report
