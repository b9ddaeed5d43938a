"""`finish --expect` checks its seat names as `--agents` does (the same check, the same words,
exit 2), and a list with an empty element is refused by both. Through the real `deep-review`."""

from __future__ import annotations

from typing import Any

import pytest
from scale_kit import RANGE, finish, install_agents, origin_and_clones, seat_only

from fakebin.harness import Fakes
from support.repos import run_cli

# Slow: a real seat-only run, then finish.
# One worker runs the module, so its review (a module fixture) is made once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("finish-expect-names")]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("expect")
    fakes = Fakes(tmp)
    install_agents(fakes)
    _, (runner, local) = origin_and_clones(tmp, 2)
    out = tmp / "claude"
    assert seat_only(fakes, runner, "claude", out).returncode == 0
    return {"fakes": fakes, "local": local, "out": out, "tmp": tmp}


def _error(res: Any) -> str:
    assert res.returncode == 2, (res.returncode, res.stderr)
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("deep-review: error: "), line
    return str(line.removeprefix("deep-review: error: "))


def _expect_and_agents(result: dict[str, Any], listed: str) -> tuple[Any, Any]:
    """`finish --expect LISTED` and `review --agents LISTED`, run in the same checkout."""
    fakes, local = result["fakes"], result["local"]
    got = finish(fakes, local, "--from", str(result["out"]), "--expect", listed)
    agents = run_cli(
        ["review", RANGE, "--agents", listed, "--lead", "none"],
        cwd=local,
        env=fakes.env(agents=True),
    )
    return got, agents


@pytest.mark.parametrize("odd", ["../x", "Bad Name", "a/b", ".hidden"])
def test_expect_refuses_what_agents_refuses(result: dict[str, Any], odd: str) -> None:
    got, agents = _expect_and_agents(result, f"claude,{odd}")
    said = _error(agents)
    assert said.startswith(f"--agents: seat name {odd!r} is not a plain name"), said
    assert _error(got) == said.replace("--agents", "--expect", 1)
    assert not (result["tmp"] / "store").exists() or not list(
        (result["tmp"] / "store").glob("*/run.json")
    )


@pytest.mark.parametrize("listed", ["claude,,codex", "claude,", ",claude"])
def test_an_empty_element_is_refused_by_both(result: dict[str, Any], listed: str) -> None:
    got, agents = _expect_and_agents(result, listed)
    said = _error(agents)
    assert said.startswith(f"--agents {listed!r} has an empty seat name"), said
    assert _error(got) == said.replace("--agents", "--expect")


@pytest.mark.parametrize("listed", ["", ",", " , "])
def test_a_list_naming_no_seat_is_refused_by_both(result: dict[str, Any], listed: str) -> None:
    got, agents = _expect_and_agents(result, listed)
    said = _error(agents)
    assert said.startswith("--agents is empty; name at least one seat"), said
    assert _error(got).startswith("--expect is empty; name at least one seat")
