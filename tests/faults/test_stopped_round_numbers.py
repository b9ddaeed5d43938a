"""A review stopped during its lead holds no round (trial47b 3): `list` shows its Round empty,
as for one stopped during the seats, and the next review of the series is the next round, not
one that leaves an unexplained hole. A resume of the stopped review takes the next free number."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.interrupt import interrupt_review
from support.repos import make_repo, run_cli


def _rounds(fakes: Fakes, repo: Path) -> dict[str, Any]:
    res = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    return {r["id"]: r["round"] for r in res.json()["reviews"]}


def _lead_running(store: Path) -> bool:
    for path in store.glob("*/run.json"):
        try:
            state = json.loads(path.read_text())
        except ValueError:
            continue
        if (state.get("lead") or {}).get("status") == "running":
            return True
    return False


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_a_review_stopped_during_the_lead_holds_no_round(tmp_path: Path, sig: int) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"fast": fakes.seat("ok")})
    first = fakes.review(repo, "--agents", "fast")
    assert first.returncode == 0, first.stderr
    one = first.json()["review_id"]

    fakes.agent("claude", {"mode": "hang"})
    env = fakes.env(agents=True)
    run = interrupt_review(
        ["review", "--agents", "fast", "--lead", "claude", "--json"],
        cwd=repo,
        env=env,
        when=lambda: _lead_running(fakes.store),
        what="the lead to run",
        sig=sig,
    )
    assert run.returncode in (130, -signal.SIGKILL), run.stderr
    rounds = _rounds(fakes, repo)
    [stopped] = [rid for rid in rounds if rid != one]
    assert rounds == {one: 1, stopped: None}

    nxt = fakes.review(repo, "--agents", "fast")
    assert nxt.returncode == 0, nxt.stderr
    two = nxt.json()["review_id"]
    assert _rounds(fakes, repo)[two] == 2
    report = Path(nxt.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "| **Round** | 2 (of" in report

    # Resumed, the stopped review follows the rounds handed out since: no second round 2.
    fakes.agent("claude", {"mode": "ok"})
    res = run_cli(["resume", stopped, "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert _rounds(fakes, repo) == {one: 1, two: 2, stopped: 3}
