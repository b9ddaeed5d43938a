"""Ctrl-C while the seats' reviews are consolidated or the report is written (trial47b 4):
as during the seats or the lead, the review says which ID to resume, run.json says
`interrupted`, no half-written report is left, and `resume` finishes it. The Ctrl-C is raised
where Python raises it for a SIGINT arriving then: inside the step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import deepreview.pipeline.finish as finish
from fakebin.harness import Fakes, run_json
from support.repos import can_run_in_process, make_repo, run_cli


@pytest.mark.skipif(not can_run_in_process(), reason="stops the in-process review")
@pytest.mark.parametrize("step", ["cluster_findings", "write_report", "register_status"])
def test_ctrl_c_while_the_report_is_made_names_the_review_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"fast": fakes.seat("ok")})
    real = getattr(finish, step)

    def ctrl_c(*args: Any, **kwargs: Any) -> Any:
        if step == "register_status" and args[4] != "complete":
            return real(*args, **kwargs)
        if step == "write_report":
            real(*args, **kwargs)  # the report files are there, run.json not yet complete
        raise KeyboardInterrupt

    monkeypatch.setattr(finish, step, ctrl_c)
    res = fakes.review(repo, "--agents", "fast")
    assert res.returncode == 130, res.stderr
    rid = res.json()["review_id"]
    assert f"deep-review resume {rid}" in res.stderr
    assert run_json(fakes.store / rid)["status"] == "interrupted"
    assert sorted(p.name for p in fakes.store.glob(f"{rid}.*")) == []
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    assert [(r["status"], r["round"]) for r in listed.json()["reviews"]] == [("interrupted", None)]

    monkeypatch.setattr(finish, step, real)
    done = run_cli(["resume", rid, "--json"], cwd=repo, env=fakes.env())
    assert done.returncode == 0, done.stderr
    assert run_json(fakes.store / rid)["status"] == "complete"
