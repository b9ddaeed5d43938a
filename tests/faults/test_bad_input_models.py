"""A model or effort that no seat receives: refused (a model) or not shown (an effort).

The static seat runs analyzers, not an agent: a model named for it would only change the report's
reviewer line and split its statistics into rows of a model that never ran. An effort is shown
beside a reviewer only when its adapter hands it to the agent's CLI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fakebin.harness import Fakes
from support.repos import make_repo


def _assert_bad_input(res: Any, needles: list[str], store: Path) -> str:
    assert res.returncode == 2, (res.returncode, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert not store.exists(), "bad input must not create the store"
    return lines[0]


@pytest.mark.parametrize("agents", ["static", "claude"])
def test_a_model_for_the_static_seat_is_bad_input(tmp_path: Path, agents: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude")
    res = fakes.review(repo, "--agents", agents, "--model", "static=x", env=fakes.env(agents=True))
    _assert_bad_input(res, ["--model static=x", "static", "has no model"], fakes.store)


def test_a_configured_model_for_the_static_seat_is_bad_input(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"static": {"model": "x"}})
    res = fakes.review(repo, "--agents", "static")
    _assert_bad_input(res, ["[seats.static]", "has no model"], fakes.store)


@pytest.mark.parametrize("item", ["claude= ", "claude="])
def test_an_empty_model_is_bad_input(tmp_path: Path, item: str) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "--model", item)
    _assert_bad_input(res, [f"--model {item!r}", "SEAT=MODEL"], fakes.store)


def test_effort_is_shown_only_for_seats_whose_cli_receives_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude")
    fakes.agent("gemini")
    res = fakes.review(
        repo, "--agents", "claude,gemini,static", "--effort", "high", env=fakes.env(agents=True)
    )
    assert res.returncode == 0, res.stderr
    report = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    (line,) = [ln for ln in report.splitlines() if "Reviewers" in ln and "Claude" in ln]
    assert "Claude Opus 4.6 (effort: high)" in line, line
    assert "Gemini" in line and "Static analysis" in line, line
    assert line.count("effort:") == 1, line
