"""Two `relead ID` started together, as two `resume ID` (trial47b 10): the one that gets the
review's run lock after the other releaded it is refused, not run on the run.json it read
before the lock (it would write that stale state back over the other relead's)."""

from __future__ import annotations

from pathlib import Path

import pytest

import deepreview.pipeline.relead as relead_module
from fakebin.harness import Fakes, run_json
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
    others: list[int] = []
    load_target = relead_module.load_target

    def the_other_relead_runs_first(state):  # type: ignore[no-untyped-def]
        # Between this relead's checks and its run lock, another relead runs to the end.
        if not others:
            other = run_cli(args, cwd=repo, env=fakes.env(), in_process=False)
            others.append(other.returncode)
            assert other.returncode == 0, other.stderr
        return load_target(state)

    monkeypatch.setattr(relead_module, "load_target", the_other_relead_runs_first)
    res = run_cli(args, cwd=repo, env=fakes.env())
    assert others == [0]
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"review {rid} changed while this relead started" in res.stderr
    assert f"`deep-review relead {rid}` again" in res.stderr
    state = run_json(fakes.store / rid)
    assert state["status"] == "complete" and state["releaded_at"] is not None
