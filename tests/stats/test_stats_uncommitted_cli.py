"""An `--uncommitted` review is in no series, through the real command: `stats --series`
of its branch does not count it, before or after `reindex`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import run_cli, write


def _series_reviews(fakes: Fakes, repo: Path) -> int:
    res = run_cli(["stats", "--json", "--series", "feature"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    n: int = res.json()["reviews"]
    return n


def test_an_uncommitted_review_counts_in_no_series(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    return a / b if b else 0.0\n")
    res = fakes.review(repo, "--agents", "alpha", "--uncommitted", "--format", "md")
    assert res.returncode == 0, res.stderr
    uncommitted = res.json()["review_id"]
    assert _series_reviews(fakes, repo) == 1
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        row = db.execute("SELECT series FROM reviews WHERE id = ?", (uncommitted,)).fetchone()
    assert row == ("",)
    assert run_cli(["reindex"], cwd=repo, env=fakes.env()).returncode == 0
    assert _series_reviews(fakes, repo) == 1


def test_stats_leaves_out_an_uncommitted_row_an_older_version_put_in_a_series(
    tmp_path: Path,
) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    return a / b if b else 0.0\n")
    res = fakes.review(repo, "--agents", "alpha", "--uncommitted", "--format", "md")
    assert res.returncode == 0, res.stderr
    with sqlite3.connect(fakes.store / "index.sqlite") as db:
        db.execute("UPDATE reviews SET series = 'branch:feature' WHERE kind = 'uncommitted'")
    assert _series_reviews(fakes, repo) == 1
