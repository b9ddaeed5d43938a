"""Two `resume ID` started together (trial47b 10): the one that gets the review's run lock
after the other finished it is refused, not run again (it checked "not complete" before
taking the lock, so it once ran the lead again and replaced the first one's report)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w

import deepreview.pipeline.resume as resume_module
from fakebin.harness import Fakes, run_json
from support.interrupt import interrupt_after_the_fast_seat
from support.races import another_runs_first
from support.repos import can_run_in_process, make_repo, run_cli


@pytest.mark.skipif(not can_run_in_process(), reason="patches the in-process resume")
def test_a_resume_that_gets_the_lock_after_another_finished_the_review_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    flag = tmp_path / "now-fast"
    config = tmp_path / "team-seats.toml"
    slow = fakes.seat("slow", "--sleep", "120", "--flag", str(flag))
    config.write_text(tomli_w.dumps({"seats": {"fast": fakes.seat("ok"), "slow": slow}}))
    rid = interrupt_after_the_fast_seat(fakes, repo, config)
    flag.write_text("go")
    args = ["resume", rid, "--config", str(config), "--json"]
    others = another_runs_first(monkeypatch, resume_module, args, repo, fakes.env())
    res = run_cli(args, cwd=repo, env=fakes.env())
    assert others == [0]
    assert res.returncode == 2, res.stdout + res.stderr
    assert f"review {rid} is already complete" in res.stderr
    state = run_json(fakes.store / rid)
    assert state["status"] == "complete" and len(state["resumes"]) == 1, state["resumes"]
