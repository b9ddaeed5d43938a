"""The retro table's Tool calls cell through `deep-review review --agents static --lead none`:
the tools it names add up to the total it gives. The static seat of a Python change makes four
kinds of call, and the cell read `4 (detect-secrets 1, `assigned secrets` 1, ruff 1)`: one call
gone without a word, where the highlights beside it name all four."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo

pytestmark = pytest.mark.slow  # a review (static seat runs ruff and detect-secrets)

_CELL = re.compile(r"^(\d+) \((.*)\)$")


def _named_sum(inner: str) -> int:
    """`ruff 1, `git diff --check` 1, other 2` -> 4: every part ends with its count."""
    return sum(int(part.rsplit(" ", 1)[1]) for part in inner.split(", "))


def test_the_tool_calls_cell_names_every_call(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr[-3000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    row = next(ln for ln in md.splitlines() if ln.startswith("| Tool calls |"))
    cell = row.split(" | ")[1].strip(" |")
    found = _CELL.match(cell)
    assert found, cell
    total, inner = int(found[1]), found[2]
    assert total >= 4, cell  # the four kinds this change makes the static seat call
    assert _named_sum(inner) == total, cell
