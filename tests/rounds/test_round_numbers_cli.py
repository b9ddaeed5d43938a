"""Round numbers of reviews of one branch that run at the same time, through two real
`deep-review` processes: each review gets its own number, and the numbers follow on."""

from __future__ import annotations

import json
import time
from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.rounds import (
    finish_review,
    start_review,
    stored,
)


def _round(fakes: Fakes, rid: str) -> str:
    header: str = json.loads(stored(fakes, rid, ".json"))["header"]["round"]
    return header


def _wait_for_review_dir(store: Path, known: set[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any((d / "run.json").is_file() for d in store.iterdir() if d.name not in known):
            return
        time.sleep(0.05)
    raise AssertionError("the first review never started")


def test_two_reviews_of_one_branch_at_once_get_distinct_consecutive_rounds(
    tmp_path: Path,
) -> None:
    """Review A starts first and its seat is slow; review B starts a moment later and finishes
    first. Both ran while round 1 was the branch's last review: one is round 2, the other
    round 3 — never both "Round 2"."""
    fakes, repo, round1 = first_round(tmp_path)
    first = round1["review_id"]
    release = tmp_path / "release-slow-seat"
    fakes.write_config(
        {
            "slow": fakes.seat("slow", "--sleep", "60", "--wait-lines", f"{release}=1"),
            "fast": fakes.seat("ok"),
        }
    )
    env = fakes.env()
    slow = start_review(repo, env, "slow")
    try:
        _wait_for_review_dir(fakes.store, {first})
        time.sleep(1.1)  # B is created in a later second than A
        fast_id = finish_review(start_review(repo, env, "fast"))
    finally:
        release.write_text("go\n", encoding="utf-8")
    slow_id = finish_review(slow)

    rounds = {_round(fakes, rid) for rid in (slow_id, fast_id)}
    assert rounds == {"2 (of feature)", "3 (of feature)"}, rounds
    # The fix-verdict section (when there is one) names the round the header names.
    for rid in (slow_id, fast_id):
        data = json.loads(stored(fakes, rid, ".json"))
        number = int(data["header"]["round"].split()[0])
        assert data["round_info"]["number"] == number, data["round_info"]
    # The next review of the branch follows both.
    fakes.write_config({"fast": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "fast", env=env)
    assert res.returncode == 0, res.stderr
    assert _round(fakes, res.json()["review_id"]) == "4 (of feature)"
