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
