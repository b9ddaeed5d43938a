"""Ctrl-C in the middle of a review, then `deep-review resume`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers, processes_with, run_json, worktrees
from support.interrupt import interrupt_review
from support.repos import git, make_repo, run_cli


def _wait_for(pred, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _run_json_files(store: Path) -> list[Path]:
    return list(store.glob("*/run.json"))


def _fast_done_others_running(fakes: Fakes, modes: tuple[str, ...], running: int) -> bool:
    """run.json says the `fast` seat is ok and `running` seats of these modes are alive.

    Counting processes alone is not enough: the slow seats can all be running before the
    `fast` one has even started, and a stop then finds it still pending.
    """
    files = _run_json_files(fakes.store)
    if not files:
        return False
    state = json.loads(files[0].read_text())
    alive = sum(
        any(f"fake_seat.py {mode} " in f"{p} " for mode in modes)
        for p in processes_with(fakes.marker)
    )
    return state["seats"]["fast"]["status"] == "ok" and alive == running


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_keeps_finished_seats_and_resume_completes(
    tmp_path: Path, sig: signal.Signals
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "now-fast"
    counts = {name: tmp_path / f"count-{name}" for name in ("fast", "slow1", "slow2")}
    fakes.write_config(
        {
            "fast": fakes.seat("ok", "--count-file", str(counts["fast"])),
            "slow1": fakes.seat(
                "slow", "--sleep", "120", "--flag", str(flag), "--count-file", str(counts["slow1"])
            ),
            "slow2": fakes.seat(
                "slow", "--sleep", "120", "--flag", str(flag), "--count-file", str(counts["slow2"])
            ),
        }
    )
    env = fakes.env()
    run = interrupt_review(
        ["review", "--agents", "fast,slow1,slow2", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
        when=lambda: _fast_done_others_running(fakes, ("slow",), 2),
        what="the fast seat to finish",
        sig=sig,
    )
    stderr = run.stderr
    assert run.returncode == 130, stderr
    result = run.json()
    assert result["status"] == "interrupted"
    rid = result["review_id"]
    assert f"deep-review resume {rid}" in stderr or "interrupted" in stderr
    review_dir = Path(result["review_dir"])
    state = run_json(review_dir)
    assert state["status"] == "interrupted"
    assert state["seats"]["fast"]["status"] == "ok"
    assert {state["seats"][s]["status"] for s in ("slow1", "slow2")} == {"pending"}
    assert "Fake seat review" in (review_dir / "review-fast-pass-1.md").read_text()
    assert not (fakes.store / f"{rid}.md").exists()  # no report for a half-done review
    assert_no_leftovers(fakes, repo)
    listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert [(r["id"], r["status"]) for r in listed] == [(rid, "interrupted")]

    # The slow seats are fast now; resume runs exactly the missing ones.
    flag.write_text("go")
    res = run_cli(["resume", rid, "--json"], cwd=repo, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    out2 = res.json()
    assert out2["status"] == "complete" and out2["review_id"] == rid
    assert {s["seat"]: s["status"] for s in out2["seats"]} == {
        "fast": "ok",
        "slow1": "ok",
        "slow2": "ok",
    }
    state = run_json(review_dir)
    assert state["status"] == "complete"
    assert counts["fast"].read_text().count("\n") == 1  # not rerun
    assert counts["slow1"].read_text().count("\n") == 2
    report = Path(out2["paths"]["md"]).read_text()
    assert "Fake seat review" in report
    assert "Seat Slow1" not in report  # no failure note for a seat that finished on resume
    listed = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"]
    assert [(r["id"], r["status"]) for r in listed] == [(rid, "complete")]
    assert worktrees(repo) == [str(repo)]
    assert git(repo, "status", "--porcelain") == ""
    # Resuming a complete review is refused with one line.
    again = run_cli(["resume", rid], cwd=repo, env=env)
    assert again.returncode == 2 and "already complete" in again.stderr


@pytest.mark.slow
def test_hammering_ctrl_c_still_cleans_up(tmp_path: Path) -> None:
    """Ctrl-C pressed again and again while seats are being stopped (one ignores SIGTERM, so
    stopping takes the full kill grace): no KeyboardInterrupt may cut the cleanup short."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    seats = {"fast": fakes.seat("ok"), "stubborn": fakes.seat("ignore-term")}
    seats |= {f"slow{i}": fakes.seat("slow", "--sleep", "120") for i in range(3)}
    fakes.write_config(seats)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "deepreview",
            "review",
            "--agents",
            ",".join(seats),
            "--lead",
            "none",
        ],
        cwd=repo,
        env=fakes.env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_for(
            lambda: _fast_done_others_running(fakes, ("slow", "ignore-term"), 4),
            60,
            "the fast seat to finish while the others run",
        )
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            os.kill(proc.pid, signal.SIGINT)
            time.sleep(0.02)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = err.decode(errors="replace")
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "deep-review resume" in stderr
    (run_file,) = fakes.store.glob("*/run.json")
    state = json.loads(run_file.read_text())
    assert state["status"] == "interrupted"
    assert state["seats"]["fast"]["status"] == "ok"
    assert all(state["seats"][s]["status"] == "pending" for s in seats if s != "fast")
    assert_no_leftovers(fakes, repo)
