"""A CLI that exits with an error before printing any event, through `deep-review review`:
the report says so in the same words for every agent. Codex's read `no turn.completed event:
the run did not finish (exited with code 3; stderr: …)`, its protocol's jargon first and the
cause in parentheses, where Claude's and Gemini's read `exited with code 3: <stderr>`."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo

pytestmark = pytest.mark.slow  # a review with three failing seats


def test_a_cli_that_exits_at_once_is_described_alike(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    clis = ("claude", "codex", "gemini")
    for cli in clis:
        fakes.agent(cli, {"mode": "exit", "exit_code": 3, "stderr": f"{cli}: model overloaded\n"})
    fakes.write_config({})
    res = fakes.review(repo, "--agents", ",".join(clis), env=fakes.env(agents=True))
    reasons = {s["seat"]: s["reason"] for s in res.json()["seats"]}
    for cli in clis:
        assert reasons[cli] == f"exited with code 3: {cli}: model overloaded", reasons
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    assert "> Seat Codex failed: exited with code 3: codex: model overloaded;" in md
    assert "turn.completed" not in md
