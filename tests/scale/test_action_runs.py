"""The composite action's steps, run locally in order (`gha.py`): fake agent CLIs on PATH,
artifacts in a local folder, a stored report at the end."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from gha import Runner
from scale_kit import REVIEWS, SEATS, install_agents

from fakebin.harness import AGENT_AUTH, Fakes
from support.repos import make_repo

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = "@anthropic-ai/claude-code @openai/codex @google/gemini-cli"

# Several real `deep-review` runs each: over the fast loop's ~3 s.
pytestmark = pytest.mark.slow


def shims(fakes: Fakes) -> None:
    """`deep-review` and `python` as the runner's PATH would have them after setup-python and
    the install step (which only records what it would install here)."""
    fakes.install(
        "deep-review", f"#!{sys.executable}\nfrom deepreview.cli.main import main\nmain()\n"
    )
    fakes.install("python", f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')


def runner(tmp: Path) -> Runner:
    fakes = Fakes(tmp)
    install_agents(fakes)
    shims(fakes)
    origin = make_repo(tmp / "origin")
    return Runner(
        root=tmp / "gha",
        origin=origin,
        action_dir=ROOT,
        env=fakes.env(),
        checkout_ref="feature/x",
        github={"token": "tok-fake", "event": {}},
        secrets={var: value for var, value in AGENT_AUTH.values()},
    )


def job(with_: dict[str, str]) -> dict[str, Any]:
    env = {var: f"${{{{ secrets.{var} }}}}" for var, _ in AGENT_AUTH.values()}
    return {
        "steps": [
            {"uses": "actions/checkout@v4"},
            {"uses": "./", "with": with_, "env": env},
        ]
    }


def test_the_action_reviews_and_uploads_the_store(tmp_path: Path) -> None:
    r = runner(tmp_path)
    j = r.run_job(
        job(
            {
                "agents": ",".join(SEATS),
                "target": "origin/main..HEAD",
                "extra-args": "--lead none --format sarif",
            }
        )
    )
    assert not j.failed, [(x.name, x.stdout, x.stderr) for x in j.results]
    assert f"npm install --global --no-fund --no-audit {PACKAGES}" in r.installs
    assert f"pip install --quiet {ROOT}" in r.installs
    store = r.artifacts / "deep-review-store"
    (report,) = [p for p in store.glob("*.json")]
    data = json.loads(report.read_text())
    assert [f["id"] for f in data["findings"]] == ["I1", "S1", "S2"]
    assert (store / f"{report.stem}.sarif").is_file()
    assert (store / "index.html").is_file()
    assert not (r.artifacts / "deep-review-seat-").exists()


def test_the_action_runs_one_seat(tmp_path: Path) -> None:
    r = runner(tmp_path)
    j = r.run_job(
        job({"agents": ",".join(SEATS), "target": "origin/main..HEAD", "seat-only": "codex"})
    )
    assert not j.failed, [(x.name, x.stdout, x.stderr) for x in j.results]
    assert "npm install --global --no-fund --no-audit @openai/codex" in r.installs
    (artifact,) = list(r.artifacts.iterdir())
    assert artifact.name == "deep-review-seat-codex"
    record = json.loads((artifact / "seat-result.json").read_text())
    assert (record["seat"], record["status"]) == ("codex", "ok")
    assert (artifact / "review-codex-pass-1.md").read_text() == REVIEWS["codex"]


def test_bad_input_fails_the_action_without_an_upload(tmp_path: Path) -> None:
    r = runner(tmp_path)
    j = r.run_job(job({"agents": "claude", "target": "nosuchref..HEAD"}))
    assert j.failed
    (step,) = [x for x in j.results if x.name == "./"]
    assert step.code == 2
    assert "[Install the agent CLIs] success" in step.stdout
    assert "[Review] failure" in step.stdout and "nosuchref" in step.stdout
    assert "[Fail on findings or failed seats] skipped" in step.stdout
    assert not (r.artifacts / "deep-review-store").exists()
