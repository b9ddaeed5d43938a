"""`resume` finishes a review in the formats it was started with: `review --format sarif`
(a code-scanning job) stopped by Ctrl-C, then `deep-review resume ID` as its hint prints it,
wrote md, json and html but no `.sarif`, and the job's upload found no file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.interrupt import interrupt_review
from support.repos import make_repo, run_cli


@pytest.mark.slow  # a review in a process of its own, stopped with Ctrl-C
def test_resume_writes_the_formats_the_review_was_started_with(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"slow": fakes.seat("slow", "--sleep", "120")})
    store = fakes.store

    def running() -> bool:
        files = list(store.glob("*/run.json"))
        return bool(files) and json.loads(files[0].read_text())["seats"]["slow"]["status"] == (
            "running"
        )

    run = interrupt_review(
        ["review", "--agents", "slow", "--lead", "none", "--format", "sarif"],
        cwd=repo,
        env=fakes.env(),
        when=running,
        what="the seat to start",
    )
    assert run.returncode == 130, run.stderr
    rid = next(store.glob("*/run.json")).parent.name
    fakes.write_config({"slow": fakes.seat("ok")})
    res = run_cli(["resume", rid, "--json"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    assert set(paths) == {"json", "md", "html", "sarif"}, paths
    sarif = json.loads(Path(paths["sarif"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
