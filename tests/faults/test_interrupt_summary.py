"""What an interrupted review says and leaves: the final summary after Ctrl-C (a seat the
interrupt stopped is no `ok` seat, though an earlier pass of it finished; one that finished
before it is), and a hangup (the terminal closed) that stops a review as Ctrl-C does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from fakebin.harness import Fakes, assert_no_leftovers, run_json
from rounds.test_passes_worktree_cli import _alpha, _lines, _pass_2_running
from support.interrupt import interrupt_review, wait_until_the_seat_runs
from support.repos import make_repo
from support.rounds import make_branch_repo


def test_a_seat_stopped_in_pass_2_reads_interrupted_in_the_summary(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    starts = tmp_path / "alpha-starts"
    alpha = _alpha(fakes, "slow", "--sleep", "120", "--slow-when", "## Pass 2")
    fakes.write_config({"alpha": alpha, "beta": fakes.seat("ok")})
    args = ["review", "--agents", "alpha,beta", "--lead", "none", "--passes", "2"]
    run = interrupt_review(
        args,
        cwd=repo,
        env=fakes.env(),
        when=lambda: _pass_2_running(fakes.store) and len(_lines(starts)) == 2,
        what="pass 2 to start",
    )
    assert run.returncode == 130, run.stderr
    summary = run.stderr.split("[alpha] interrupted", 1)[1].splitlines()[1:]
    assert summary == [
        "  alpha: interrupted in pass 2 (pass 1 kept)",
        "  beta: ok",  # it finished before the interrupt
        f"Interrupted. Finished seats are kept; run `deep-review resume {_rid(fakes)}`.",
    ]
    # --json says the same of each seat; run.json keeps pass 1's ok (resume reruns pass 2 only)
    state = run_json(next(fakes.store.glob("*/run.json")).parent)
    assert state["seats"]["alpha"]["status"] == "ok"
    assert [(e["pass_no"], e["status"]) for e in state["seats"]["alpha"]["passes"]] == [
        (1, "ok"),
        (2, "pending"),
    ]


def _rid(fakes: Fakes) -> str:
    return next(fakes.store.glob("*/run.json")).parent.name


def test_a_hangup_stops_the_review_as_ctrl_c_does(tmp_path: Path) -> None:
    """Closing the terminal sends SIGHUP: by default it killed the process outright, leaving
    the seat's worktree and its home (with copies of the agent's credentials) behind."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120")})
    run = interrupt_review(
        ["review", "--agents", "slow", "--lead", "none", "--json"],
        cwd=repo,
        env=fakes.env(),
        when=lambda: _running(fakes),
        what="the seat to start",
        sig=signal.SIGHUP,
    )
    assert run.returncode == 130, run.stderr
    assert run.json()["status"] == "interrupted"
    assert "Interrupted. Finished seats are kept; run `deep-review resume" in run.stderr
    assert run_json(next(fakes.store.glob("*/run.json")).parent)["status"] == "interrupted"
    assert_no_leftovers(fakes, repo)


def test_a_review_run_under_nohup_outlives_the_hangup(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "go"
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120", "--wait-lines", f"{flag}=1")})
    proc = subprocess.Popen(
        [
            "nohup",
            sys.executable,
            "-m",
            "deepreview",
            "review",
            "--agents",
            "slow",
            "--lead",
            "none",
            "--json",
        ],
        cwd=repo,
        env=fakes.env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_until_the_seat_runs(fakes.store, proc)
        os.kill(proc.pid, signal.SIGHUP)
        flag.write_text("go\n", encoding="utf-8")
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err.decode(errors="replace")
    assert json.loads(out)["status"] == "complete"
    assert_no_leftovers(fakes, repo)


def _running(fakes: Fakes) -> bool:
    files = list(fakes.store.glob("*/run.json"))
    return bool(files) and json.loads(files[0].read_text())["seats"]["slow"]["status"] == (
        "running"
    )
