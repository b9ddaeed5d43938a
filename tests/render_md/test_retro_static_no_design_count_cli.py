"""The retro's first sentence about the static seat, through `deep-review review --agents
static`: it read "Static analysis raised 0 findings (0C 0I 0S) and 0 design observations.", a count
that cannot be other than 0, since the static seat never makes design observations (ux74)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo

pytestmark = pytest.mark.slow  # a review (the static seat runs ruff and detect-secrets)


def test_the_static_seat_is_given_no_design_observation_count(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({})
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr[-3000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    retro = md.split("## Agent Performance Retro")[1]
    first = next(ln for ln in retro.splitlines() if ln.startswith("Static analysis raised"))
    assert "design observation" not in first, first
    assert first.startswith("Static analysis raised 0 findings (0C 0I 0S)."), first
