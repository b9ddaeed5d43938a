"""`review --panel auto` after a seat only ever reviewed alone: a finding is a unique insight
only against another review, so such a seat has none — which says nothing about it. It must
not be dropped for "no unique insight" (trial 51 #7 made its solo findings count 0); it is kept
because its history cannot judge it yet, and the reason says why. Through the real command."""

from __future__ import annotations

from pathlib import Path

import pytest
from stats_kit import StoreKit, run_json, seat

pytestmark = pytest.mark.slow  # six reviews

REVIEWS = 5


def test_a_seat_that_always_reviewed_alone_is_kept_not_dropped(tmp_path: Path) -> None:
    kit = StoreKit(tmp_path)
    for _ in range(REVIEWS):
        res = kit.cli("review", "--agents", "truthful", "--lead", "none", "--json")
        assert res.returncode == 0, res.stderr[-3000:]
    stats = seat(kit.stats_json(), "truthful")
    assert (stats["reviews"], stats["unique_insights"]) == (REVIEWS, 0)

    res = kit.cli(
        "review", "--agents", "truthful,noisy", "--lead", "none", "--panel", "auto", "--json"
    )
    assert res.returncode == 0, res.stderr[-3000:]
    panel = run_json(res.json())["panel"]
    choice = next(c for c in panel["choices"] if c["seat"] == "truthful")
    assert choice["kept"], choice
    assert "dropped" not in choice["reason"] and "no unique insight" not in choice["reason"]
    assert panel["summary"] == (
        "Panel: every usable seat — too little history to choose from (a seat needs "
        f"{REVIEWS} reviews with another seat's review beside it in this repository's store; "
        "the most any candidate has is 0)."
    )


def test_a_judged_panel_keeps_a_seat_whose_history_is_solo() -> None:
    """Beside a seat judged on reviews it shared, one with as many solo reviews is kept, with
    the reason (the pure rules: `choose_panel` over aggregated facts)."""
    from dataclasses import replace

    from test_stats_rules import _history

    from deepreview.stats.aggregate import aggregate
    from deepreview.stats.panel import Candidate, choose_panel

    rows = _history(
        shared={"unique_insights": 2, "important": 2, "family": "openai"},
        alone={"important": 1, "family": "anthropic"},
    )
    rows = [
        replace(r, seats=tuple(replace(f, compared=f.seat != "alone") for f in r.seats))
        for r in rows
    ]
    choice = choose_panel([Candidate("shared", "?"), Candidate("alone", "?")], aggregate(rows))
    assert choice.seats == ("shared", "alone")
    reasons = {c.seat: c.reason for c in choice.choices}
    assert reasons["alone"] == (
        f"kept: {REVIEWS} reviews of history, but only 0 with another seat's review beside it "
        f"(needs {REVIEWS}) to judge what it finds alone."
    )
