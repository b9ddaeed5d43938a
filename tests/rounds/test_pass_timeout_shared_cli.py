"""`--timeout` is the seat's, not each pass's: with `--thorough` a seat's passes share it, so a
seat never runs for several timeouts; and the live line of a later pass that timed out does not
say the seat timed out when its status is ok (trial 51, defect 6).

The seat sleeps 3 s in every pass and raises an Important finding (so pass 2 runs); its
timeout is 5.5 s. Pass 1 ends within it (2.5 s to spare for starting the seat's Python on a
loaded machine: with 1.3 s, pass 1 could time out too); pass 2, with what is left (at most
2.5 s), cannot — each pass given the whole 5.5 s, pass 2 would have ended ok.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from deepreview.pipeline.context import StateWriter
from deepreview.pipeline.passes_step import SeatPassRecorder
from deepreview.pipeline.runstate import PassEntry, SeatEntry
from fakebin.harness import Fakes, run_json
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo

SLEEP_S, TIMEOUT = "3", "5.5"


@pytest.mark.slow
def test_thorough_passes_share_the_seat_timeout(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    review = fakes.tmp / "round1.md"
    review.write_text(ROUND1, encoding="utf-8")  # an Important finding: pass 2 runs
    fakes.write_config(
        {"alpha": fakes.seat("slow", "--sleep", SLEEP_S, "--review-file", str(review))}
    )
    args = ["review", "--agents", "alpha", "--lead", "none", "--thorough", "--timeout", TIMEOUT]
    res = run_cli(args, cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr

    rid = next(fakes.store.glob("*/run.json")).parent.name
    entry = run_json(fakes.store / rid)["seats"]["alpha"]
    assert [(e["pass_no"], e["status"]) for e in entry["passes"]] == [(1, "ok"), (2, "timeout")]
    said = f"pass 2 timed out: the seat's {TIMEOUT} s timeout ran out (pass 1 kept)"
    assert entry["status"] == "ok" and entry["run"]["reason"] == said, entry
    lines = res.stderr.splitlines()
    assert f"  alpha: ok: {said}" in lines, res.stderr

    # the live lines: pass 1 ended ok, pass 2 timed out with pass 1 kept; never "timeout"
    live = [ln for ln in lines if ln.startswith("[alpha]") and "running" not in ln]
    assert [ln.split(" (")[0] for ln in live] == ["[alpha] ok", "[alpha] ok: pass 2 timed out"]
    assert live[1].startswith("[alpha] ok: pass 2 timed out (pass 1 kept) ("), live
    assert not any("timeout" in ln for ln in live), live


def test_a_resumed_later_pass_gets_what_is_left_of_the_seat_timeout() -> None:
    """`resume` runs an owed pass 2 with the seat's timeout less what the passes it keeps ran
    (their times in run.json), not a whole timeout of its own."""
    passes = (
        PassEntry(1, status="ok", duration_s=2.5),
        PassEntry(2, status="pending"),
    )
    seats = {
        "alpha": SeatEntry("alpha", "Alpha", status="ok", passes=passes),
        "beta": SeatEntry("beta", "Beta", status="pending"),
    }
    writer = cast("StateWriter", SimpleNamespace(state=SimpleNamespace(seats=seats)))
    recorder = SeatPassRecorder(writer, Path("."), passes=3, prompt="review", starts={"alpha": 2})
    assert recorder.start("beta")[0] == 1 and recorder.spent("beta") == 0.0
    assert recorder.spent("alpha") == 2.5
