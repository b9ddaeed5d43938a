"""The retro of a static-only review, through `deep-review review --agents static` on a Python
change (one review, read by each test):
- the Tool calls cell names every call: it read `4 (detect-secrets 1, `assigned secrets` 1,
  ruff 1)`, one call gone without a word where the highlights beside it name all four (ux74);
- the first sentence gives the static seat no design-observation count: it read "Static
  analysis raised 0 findings (0C 0I 0S) and 0 design observations.", a count that cannot be other
  than 0 (ux74b)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo

pytestmark = pytest.mark.slow  # a review (the static seat runs ruff and detect-secrets)

_CELL = re.compile(r"^(\d+) \((.*)\)$")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp_path = tmp_path_factory.mktemp("static-retro")
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr[-3000:]
    return Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")


def _named_sum(inner: str) -> int:
    """`ruff 1, `git diff --check` 1, other 2` -> 4: every part ends with its count."""
    return sum(int(part.rsplit(" ", 1)[1]) for part in inner.split(", "))


def test_the_tool_calls_cell_names_every_call(report: str) -> None:
    row = next(ln for ln in report.splitlines() if ln.startswith("| Tool calls |"))
    cell = row.split(" | ")[1].strip(" |")
    found = _CELL.match(cell)
    assert found, cell
    total, inner = int(found[1]), found[2]
    assert total >= 4, cell  # the four kinds this change makes the static seat call
    assert _named_sum(inner) == total, cell


def test_the_static_seat_is_given_no_design_observation_count(report: str) -> None:
    retro = report.split("## Agent Performance Retro")[1]
    first = next(ln for ln in retro.splitlines() if ln.startswith("Static analysis raised"))
    assert "design observation" not in first, first
    assert first.startswith("Static analysis raised 0 findings (0C 0I 0S)."), first
