"""`decline` and `relead` of one review at once: `decline` takes the review's run lock, as
every other writer of a review does, so neither write is lost.

A relead renumbers the findings its new lead keeps, and a decline names its finding by the ID
the report gave it: a relead is refused while the review has declined findings (without
`--force`). Before, a decline recorded between that check and the relead's lock went unseen
(the relead ran, and its report could give the declined ID to another finding), and a decline
made while a relead ran read the report the relead was about to replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import deepreview.pipeline.relead as relead_module
from deepreview.store import runlock
from fakebin.harness import Fakes, run_json
from support.first_round import first_round
from support.races import another_runs_first
from support.repos import can_run_in_process, run_cli

REASON = "by design: a zero divisor cannot reach div"


def _declined(repo: Path, fakes: Fakes) -> list[tuple[str, str]]:
    res = run_cli(["declines", "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    return [(d["review_id"], d["finding_id"]) for d in res.json()["declines"]]


@pytest.mark.skipif(not can_run_in_process(), reason="patches the in-process relead")
def test_a_decline_made_after_a_releads_checks_refuses_that_relead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    report = (fakes.store / f"{rid}.json").read_bytes()
    decline = ["decline", rid, "I1", "--reason", REASON]
    others = another_runs_first(monkeypatch, relead_module, decline, repo, fakes.env())
    res = run_cli(["relead", rid, "--lead", "none", "--json"], cwd=repo, env=fakes.env())
    assert others == [0]  # the decline ran to the end between the relead's checks and its lock
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"review {rid} has declined findings (I1)" in res.stderr
    # Both stand: the decline, and the report (and run.json) it was recorded against.
    assert _declined(repo, fakes) == [(rid, "I1")]
    assert (fakes.store / f"{rid}.json").read_bytes() == report
    assert run_json(fakes.store / rid).get("releaded_at") is None


def test_a_decline_while_a_relead_runs_is_refused_and_named(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid = first["review_id"]
    decline = ["decline", rid, "I1", "--reason", REASON]
    # This process works on the review as a relead does (the lock is the kernel's: the
    # decline, a real process, sees it held).
    with runlock.holding(fakes.store / rid, rid, "relead", then="relead it"):
        res = run_cli(decline, cwd=repo, env=fakes.env(), in_process=False)
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"review {rid} is running (`deep-review relead`" in res.stderr
    assert "and then decline it" in res.stderr
    assert _declined(repo, fakes) == []
    again = run_cli(decline, cwd=repo, env=fakes.env())
    assert again.returncode == 0, again.stderr
    assert _declined(repo, fakes) == [(rid, "I1")]
    assert json.loads((fakes.store / rid / "run.json").read_text())["status"] == "complete"
