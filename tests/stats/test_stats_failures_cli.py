"""`stats` counts a seat's failures on the seat's own row, through the real command.

A failed run reports no model (the fake `claude` exits before printing a single event), so
the failure belongs to the model the seat is configured with, else to the one it last ran.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stats_kit import FIXTURES

from fakebin.harness import Fakes
from support.repos import make_repo, run_cli

# a review with one finding only this seat makes (the stats kit's truthful seat)
CODEX_REVIEW = (FIXTURES / "review-truthful.md").read_text(encoding="utf-8")
FAILING = {"mode": "exit", "exit_code": 1, "stderr": "rate limited, try later"}


def _review(fakes: Fakes, repo: Path, claude: dict[str, Any], *args: str) -> None:
    fakes.agent("claude", claude)
    fakes.agent("codex", {"review": CODEX_REVIEW})
    res = fakes.review(repo, "--agents", "claude,codex", *args, env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr


def _stats(fakes: Fakes, repo: Path) -> dict[str, Any]:
    res = run_cli(["stats", "--json"], cwd=repo, env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = res.json()
    return data


def _rows(data: dict[str, Any], seat: str) -> list[dict[str, Any]]:
    return [s for s in data["seats"] if s["seat"] == seat]


def test_a_failed_run_counts_on_the_row_of_the_model_the_seat_last_ran(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    _review(fakes, repo, {})  # claude ok: its transcript says claude-opus-4-6
    _review(fakes, repo, FAILING)
    data = _stats(fakes, repo)
    (row,) = _rows(data, "claude")
    assert (row["model"], row["family"]) == ("Opus 4.6", "anthropic")
    assert (row["reviews"], row["crashes"], row["failure_rate"]) == (2, 1, 0.5)
    table = run_cli(["stats"], cwd=repo, env=fakes.env(agents=True))
    assert table.returncode == 0, table.stderr
    assert "1 (50%)" in table.stdout
    assert "100%" not in table.stdout


def test_a_failed_run_counts_on_the_row_of_the_model_it_was_asked_for(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    _review(fakes, repo, {})  # reported claude-opus-4-6
    _review(fakes, repo, FAILING, "--model", "claude=claude-sonnet-4-5")
    data = _stats(fakes, repo)
    rows = {r["model"]: r for r in _rows(data, "claude")}
    assert sorted(rows) == ["Opus 4.6", "Sonnet 4.5"]
    assert (rows["Opus 4.6"]["reviews"], rows["Opus 4.6"]["crashes"]) == (1, 0)
    assert (rows["Sonnet 4.5"]["reviews"], rows["Sonnet 4.5"]["crashes"]) == (1, 1)
