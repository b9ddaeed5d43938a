"""Two `relead ID` started together, as two `resume ID` (trial47b 10): the one that gets the
review's run lock after the other releaded it is refused, not run on the run.json it read
before the lock (it would write that stale state back over the other relead's)."""

from __future__ import annotations

from pathlib import Path

import pytest

import deepreview.pipeline.relead as relead_module
from fakebin.harness import Fakes, run_json
from support.races import another_runs_first
from support.repos import can_run_in_process, make_repo, run_cli


@pytest.mark.skipif(not can_run_in_process(), reason="patches the in-process relead")
def test_a_relead_that_gets_the_lock_after_another_releaded_the_review_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"one": fakes.seat("ok")})
    first = fakes.review(repo, "--agents", "one")
    assert first.returncode == 0, first.stderr
    rid = first.json()["review_id"]
    assert run_json(fakes.store / rid).get("releaded_at") is None
    args = ["relead", rid, "--lead", "none", "--json"]
    others = another_runs_first(monkeypatch, relead_module, args, repo, fakes.env())
    res = run_cli(args, cwd=repo, env=fakes.env())
    assert others == [0]
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"review {rid} changed while this relead started" in res.stderr
    assert f"`deep-review relead {rid}` again" in res.stderr
    state = run_json(fakes.store / rid)
    assert state["status"] == "complete" and state["releaded_at"] is not None
