"""`review --panel auto` with a budget, through the real command: the static seat is no model
family, and what the panel says about the budget is true.

History: five reviews in which `claude` finds something only it finds (its transcript reports
a cost), `codex` finds nothing and reports no cost, and the static seat finds a committed key
only it finds (it costs nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from stats_kit import FIXTURES

from fakebin.harness import Fakes, run_json
from support.repos import commit_all, make_repo, write

SEATS = ("--agents", "claude,codex,static")


def _history(tmp_path: Path) -> tuple[Fakes, Path]:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    write(repo, "keys.py", 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\n')
    commit_all(repo, "keys")
    fakes.agent("claude", {"review": (FIXTURES / "review-truthful.md").read_text("utf-8")})
    fakes.agent("codex")
    for _ in range(5):
        res = fakes.review(repo, *SEATS, env=fakes.env(agents=True))
        assert res.returncode == 0, res.stderr
    return fakes, repo


def _panel(fakes: Fakes, repo: Path, budget: str) -> dict[str, Any]:
    res = fakes.review(
        repo, *SEATS, "--panel", "auto", "--budget-usd", budget, env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr
    panel: dict[str, Any] = run_json(Path(res.json()["review_dir"]))["panel"]
    assert panel["mode"] == "history", panel
    assert panel["summary"] in res.stderr  # what the terminal showed is what run.json records
    return panel


@pytest.mark.slow  # seven reviews of three seats
def test_the_static_seat_is_no_model_family_and_the_budget_words_are_true(
    tmp_path: Path,
) -> None:
    fakes, repo = _history(tmp_path)

    # A budget every useful seat fits: static's find does not make it claude's second family.
    roomy = _panel(fakes, repo, "0.1")
    assert roomy["seats"] == ["claude", "codex", "static"], roomy["summary"]
    reasons = {c["seat"]: c["reason"] for c in roomy["choices"]}
    assert reasons["codex"].startswith(
        "kept for diversity: the panel keeps at least two model families and codex is openai"
    ), reasons
    assert "budget" not in reasons["codex"]  # codex reports no cost: it changes no estimate
    assert "within a budget of $0.10" in roomy["summary"]

    # A budget that only the free seats fit: two model families still review, and the panel
    # says the estimate is over the budget (not "within" it), and which seat put it there.
    tight = _panel(fakes, repo, "0.01")
    assert tight["seats"] == ["claude", "codex", "static"], tight["summary"]
    reasons = {c["seat"]: c["reason"] for c in tight["choices"]}
    assert "within" not in tight["summary"], tight["summary"]
    assert "per review, over the budget of $0.01" in tight["summary"], tight["summary"]
    assert "budget" not in reasons["codex"], reasons["codex"]
    assert reasons["claude"].startswith("kept for diversity"), reasons["claude"]
    assert reasons["claude"].endswith("this puts the estimate over the budget of $0.01."), reasons
