"""`review --seat-only NAME --out DIR` on separate clones, then `finish --from DIR...`:
the same report as one local review with the same seats."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_kit import (
    AGENTS,
    RANGE,
    SEATS,
    comparable,
    finish,
    install_agents,
    origin_and_clones,
    report_json,
    seat_only,
)

from fakebin.harness import Fakes
from support.repos import run_cli

# Several real `deep-review` runs each: over the fast loop's ~3 s.
pytestmark = pytest.mark.slow


def test_three_runners_then_finish_equals_one_local_review(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    install_agents(fakes)
    _, clones = origin_and_clones(tmp_path, 4)
    local, runners = clones[0], clones[1:]

    outs = []
    for seat, clone in zip(SEATS, runners, strict=True):
        out = tmp_path / "artifacts" / f"seat-{seat}"
        res = seat_only(fakes, clone, seat, out)
        assert res.returncode == 0, res.stderr
        assert res.json()["status"] == "ok"
        outs.append(out)
    store = tmp_path / "store"
    assert not store.exists(), "a seat-only run made a store entry"

    done = finish(fakes, local, "--from", *map(str, outs))
    assert done.returncode == 0, done.stderr
    finished = report_json(done)

    single = run_cli(
        ["review", RANGE, *AGENTS, "--lead", "none", "--json"],
        cwd=local,
        env=fakes.env(agents=True),
    )
    assert single.returncode == 0, single.stderr
    alone = report_json(single)

    assert comparable(finished) == comparable(alone)
    # Not vacuous: the findings were merged across seats and credited.
    assert [(f["id"], f["reviewers"]) for f in finished["findings"]] == [
        ("I1", ["Claude Opus 4.6", "Codex"]),
        ("S1", ["Claude Opus 4.6"]),
        ("S2", ["Gemini 2.5 Pro"]),
    ]


def test_finishing_the_same_seat_results_again_reuses_the_review(tmp_path: Path) -> None:
    """A CI rerun of the finish job (its post failed; the cached store already holds the review)
    finishes the same seat results again: that is the same review, not round 2 of an unchanged
    SHA whose seats never saw round 1's findings."""
    fakes = Fakes(tmp_path)
    install_agents(fakes)
    _, clones = origin_and_clones(tmp_path, 2)
    local, runner = clones
    outs = []
    for seat in SEATS:
        out = tmp_path / "artifacts" / f"seat-{seat}"
        assert seat_only(fakes, runner, seat, out).returncode == 0
        outs.append(str(out))

    first = finish(fakes, local, "--from", *outs)
    assert first.returncode == 0, first.stderr
    again = finish(fakes, local, "--from", *outs, "--format", "sarif")
    assert again.returncode == 0, again.stderr
    assert again.json()["review_id"] == first.json()["review_id"]
    # a format the first run did not store is rendered from the stored report
    assert Path(again.json()["paths"]["sarif"]).is_file()
    assert "already finished as review" in again.stderr
    # a range is in no series: no Round, as `list` says
    assert "**Round**" not in Path(again.json()["paths"]["md"]).read_text(encoding="utf-8")
    listed = run_cli(["list", "--json"], cwd=local, env=fakes.env(agents=True)).json()
    assert [r["id"] for r in listed["reviews"]] == [first.json()["review_id"]]

    # One seat's result is new (its runner reran): that is a new review, and the same SHA's
    # earlier review is its previous round.
    rerun = tmp_path / "artifacts" / "seat-gemini-2"
    assert seat_only(fakes, runner, "gemini", rerun).returncode == 0
    other = finish(fakes, local, "--from", *outs[:2], str(rerun))
    assert other.returncode == 0, other.stderr
    assert other.json()["review_id"] != first.json()["review_id"]
    assert "already finished" not in other.stderr
