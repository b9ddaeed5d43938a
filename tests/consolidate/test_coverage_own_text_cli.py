"""A seat's Files reviewed and Coverage misses come from its own text: a base name in its
Coverage Summary is the changed file of that name, whatever unchanged file of the same name
another seat's table lists."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, git, write

_REVIEW = """## Executive Summary

Fine.

## Findings

No issues found.

## Coverage Summary

| File | Status |
|---|---|
{rows}
"""

ALPHA = _REVIEW.format(rows="| calc.py | Reviewed, no issues |\n| util.py | Reviewed, no issues |")
BETA = _REVIEW.format(
    rows="| `src/calc.py` | Reviewed, no issues |\n| `lib/util.py` | Reviewed, no issues |\n"
    "| `tests/util.py` | Read for context (not changed) |"
)


def _repo(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "src/calc.py", "def add(a, b):\n    return a + b\n")
    write(repo, "lib/util.py", "X = 1\n")
    write(repo, "tests/util.py", "Y = 1\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "src/calc.py", "def add(a, b):\n    return b + a\n")
    write(repo, "lib/util.py", "X = 2\n")
    commit_all(repo, "Change both")
    return repo


def _alpha_cells(tmp_path: Path, agents: str) -> dict[str, str]:
    fakes = Fakes(tmp_path / agents.replace(",", "-"))
    repo = _repo(fakes.tmp)
    seats = {}
    for name, text in (("alpha", ALPHA), ("beta", BETA)):
        review = fakes.tmp / f"{name}.md"
        review.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(review))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", agents)
    assert res.returncode == 0, res.stderr
    report = json.loads(Path(res.json()["paths"]["json"]).read_text())
    alpha = next(s for s in report["retro"]["seats"] if s["seat"] == "alpha")
    return dict(alpha["cells"])


def test_a_seats_coverage_does_not_depend_on_another_seats_table(tmp_path: Path) -> None:
    alone = _alpha_cells(tmp_path, "alpha")
    beside = _alpha_cells(tmp_path, "alpha,beta")
    assert alone["Files reviewed"] == "2/2"
    assert beside["Files reviewed"] == "2/2", beside
    assert beside["Coverage misses"] == alone["Coverage misses"]
