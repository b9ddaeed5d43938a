"""What happens to a seat's output on its way to the store, through the real `deep-review`:
past the output cap (small here, `DEEP_REVIEW_TEST_OUTPUT_CAP`; 256 MiB for real) the final
answer at the end of the transcript is still read, and a process the seat left running in a
session of its own, holding the seat's output open, is killed instead of waited for, without a
traceback on the user's terminal."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fakebin.harness import Fakes, assert_no_leftovers, processes_with, run_json
from support.repos import make_repo, run_cli

_CAP = 64 * 1024


def test_a_transcript_over_the_cap_keeps_its_final_answer_and_says_what_was_stored(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    # 40 tool results of 4 KB each: about 200 KB of transcript before the final answer.
    fakes.agent("claude", {"tools": 40, "output_bytes": 4000})
    env = fakes.env({"DEEP_REVIEW_TEST_OUTPUT_CAP": str(_CAP)}, agents=True)

    res = run_cli(["review", "--agents", "claude", "--lead", "none"], cwd=repo, env=env)

    assert res.returncode == 0, res.stderr
    [review_dir] = [p for p in fakes.store.iterdir() if p.is_dir()]
    seat = run_json(review_dir)["seats"]["claude"]
    assert (seat["status"], seat["reason"]) == ("ok", None), seat
    assert seat["run"]["transcript_cut_at"] == _CAP
    line = next(ln for ln in res.stderr.splitlines() if ln.strip().startswith("claude:"))
    assert "[output over 64 KiB: its first 64 KiB and its last lines are stored]" in line, line
    # Trial 43 defect 6: the tool calls are counted from every line the seat printed, not
    # from the stored transcript (which lost the middle ones).
    assert seat["run"]["tool_calls"] == 40, seat["run"]
    [done] = [ln for ln in res.stderr.splitlines() if ln.startswith("[claude] ok")]
    assert done.endswith(", 40 tool calls)"), done
    transcript = (review_dir / "transcript-claude-pass-1.jsonl").read_bytes()
    assert _CAP < len(transcript) <= 2 * _CAP + 2
    assert json.loads(transcript.splitlines()[-1])["type"] == "result"
    report = (fakes.store / f"{review_dir.name}.md").read_text(encoding="utf-8")
    assert "output went over 64 KiB: its stored transcript keeps its first 64 KiB" in report
    assert_no_leftovers(fakes, repo)


def test_a_process_the_seat_left_in_its_own_session_is_killed_not_waited_for(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"bad": fakes.seat("escape")})
    try:
        res = run_cli(
            ["review", "--agents", "bad", "--lead", "none"],
            cwd=repo,
            env=fakes.env(),
            in_process=False,  # what reaches the user's terminal, thread tracebacks included
        )
        assert res.returncode == 0, res.stderr
        assert "Traceback" not in res.stderr and "Exception in thread" not in res.stderr
        [review_dir] = [p for p in fakes.store.iterdir() if p.is_dir()]
        seat = run_json(review_dir)["seats"]["bad"]
        assert seat["status"] == "ok", seat
        assert seat["run"]["strays"] == 1 and seat["run"]["held_open"] is False, seat["run"]
        line = next(ln for ln in res.stderr.splitlines() if ln.strip().startswith("bad:"))
        assert "[killed a process it left running with its output open]" in line, line
        deadline = time.monotonic() + 60
        while processes_with(fakes.marker):
            assert time.monotonic() < deadline, processes_with(fakes.marker)
            time.sleep(0.05)
        assert_no_leftovers(fakes, repo)
    finally:
        _kill(fakes)


def _kill(fakes: Fakes) -> None:
    import contextlib
    import os
    import signal

    for found in processes_with(fakes.marker):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(found.split(":", 1)[0]), signal.SIGKILL)
