"""`stats` counts a seat that found nothing ("No issues found.") as a review, not a failure.

The report shows such a seat ok; `stats` must agree with it (its failure rate feeds `--panel
auto`), through the real command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

from support.repos import cli_env, make_repo, run_cli

CLEAN = ["sh", "-c", "cat >/dev/null; echo No issues found."]
NOISE = ["sh", "-c", "cat >/dev/null; echo Error: quota exceeded, try again later"]


def _stats_of(tmp: Path, argv: list[str]) -> dict[str, Any]:
    repo = make_repo(tmp)
    seats = {"alpha": {"argv": argv}, "bravo": {"argv": CLEAN}}
    (tmp / "user-config.toml").write_text(tomli_w.dumps({"seats": seats}), encoding="utf-8")
    env = cli_env(tmp)
    res = run_cli(["review", "--agents", "alpha,bravo", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode in (0, 1), res.stderr[-3000:]
    stats = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert stats.returncode == 0, stats.stderr[-3000:]
    data: dict[str, Any] = stats.json()
    return {s["seat"]: s for s in data["seats"]}


def test_a_seat_that_found_nothing_is_no_unparseable_failure(tmp_path: Path) -> None:
    rows = _stats_of(tmp_path, CLEAN)
    for name in ("alpha", "bravo"):
        assert (rows[name]["reviews"], rows[name]["unparseable"]) == (1, 0), rows[name]
        assert rows[name]["failure_rate"] == 0.0


def test_a_seat_whose_text_is_no_review_still_counts_as_unparseable(tmp_path: Path) -> None:
    rows = _stats_of(tmp_path, NOISE)
    assert (rows["alpha"]["reviews"], rows["alpha"]["unparseable"]) == (1, 1), rows["alpha"]
    assert rows["bravo"]["unparseable"] == 0
