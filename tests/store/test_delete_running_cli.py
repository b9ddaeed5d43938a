"""A review marked running in run.json is either still running or was killed outright (SIGKILL,
a reboot) and never got to say so. `delete`, `resume` and `list` tell the two apart: real
`deep-review` review processes, one left running and one SIGKILLed, and the real command."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path

import pytest

from fakebin.harness import Fakes, processes_with, run_json
from support.interrupt import start_slow_review, wait_until_the_seat_runs
from support.repos import CliResult, make_repo, run_cli


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    if proc.stderr:
        proc.stderr.close()


def _kill_orphaned_seats(fakes: Fakes) -> None:
    """The seats of a SIGKILLed review outlive it (their own process groups): ended by pid."""
    for found in processes_with(fakes.marker):
        pid = int(found.split(":", 1)[0])
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _one_line(res: CliResult, *needles: str) -> str:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def _listed_status(repo: Path, env: dict[str, str], rid: str) -> str:
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    status: str = {r["id"]: r["status"] for r in listed.json()["reviews"]}[rid]
    return status


def test_a_killed_review_reads_as_interrupted_and_deletes_without_force(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120")})
    env = fakes.env()
    proc = start_slow_review(repo, env)
    try:
        rid = wait_until_the_seat_runs(fakes.store, proc)
        os.kill(proc.pid, signal.SIGKILL)  # no handler runs: run.json keeps saying running
    finally:
        _stop(proc)
    try:
        assert run_json(fakes.store / rid)["status"] == "running"
        # Its seat still runs (orphaned): what holds the review's lock is the review process.
        assert processes_with(fakes.marker) != []
        assert _listed_status(repo, env, rid) == "interrupted"
        res = run_cli(["delete", rid, "--yes"], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr
        assert f"review {rid} was interrupted" in res.stderr, res.stderr
        assert not (fakes.store / rid).exists()
        assert run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"] == []
    finally:
        _kill_orphaned_seats(fakes)


@pytest.mark.slow  # waits on a real review while five commands are refused: ~4.5 s
def test_a_running_review_is_neither_deleted_nor_resumed(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    release = tmp_path / "release"
    fakes.write_config(
        {"slow": fakes.seat("slow", "--sleep", "120", "--wait-lines", f"{release}=1")}
    )
    env = fakes.env()
    proc = start_slow_review(repo, env)
    try:
        rid = wait_until_the_seat_runs(fakes.store, proc)
        for force in ((), ("--force",)):
            res = run_cli(["delete", rid, "--yes", *force], cwd=repo, env=env)
            line = _one_line(res, rid, "is running", f"pid {proc.pid}", f"kill {proc.pid}")
            assert "--force" not in line, line
        _one_line(run_cli(["resume", rid], cwd=repo, env=env), rid, "is running", str(proc.pid))
        assert _listed_status(repo, env, rid) == "running"
        release.write_text("go\n", encoding="utf-8")
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode(errors="replace")
    finally:
        release.write_text("go\n", encoding="utf-8")
        _stop(proc)
    assert run_json(fakes.store / rid)["status"] == "complete"
    assert (fakes.store / f"{rid}.json").is_file()
    res = run_cli(["delete", rid, "--yes"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "interrupted" not in res.stderr
