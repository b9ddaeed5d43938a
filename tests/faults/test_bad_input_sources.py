"""A bad setting's error names where the setting came from (the command line, an environment
variable, a config file), and `doctor` never promises a review that `review` refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


def _one_line(res) -> str:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    return lines[0]


@pytest.mark.parametrize("value", [" , ", ","])
def test_deep_review_agents_naming_no_seat(tmp_path: Path, value: str) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"DEEP_REVIEW_AGENTS": value})
    line = _one_line(run_cli(["review", "--lead", "none"], cwd=repo, env=env))
    assert "DEEP_REVIEW_AGENTS" in line and "--agents" not in line, line
    assert not (tmp_path / "store").exists()


def test_deep_review_agents_naming_an_unknown_seat(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"DEEP_REVIEW_AGENTS": "static,bogus"})
    line = _one_line(run_cli(["review", "--lead", "none"], cwd=repo, env=env))
    assert "DEEP_REVIEW_AGENTS" in line and "unknown seat 'bogus'" in line, line
    # doctor says the same instead of "A review now would run: static, bogus"
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    flat = " ".join(res.stdout.split())
    assert "A review now would run" not in flat, flat
    assert "A review now would refuse to start: DEEP_REVIEW_AGENTS" in flat, flat
    data = run_cli(["doctor", "--json"], cwd=repo, env=env).json()
    assert "unknown seat 'bogus'" in data["review_refused"]


def test_an_empty_agents_list_in_a_config_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    Path(env["DEEP_REVIEW_CONFIG"]).write_text("[review]\nagents = []\n", encoding="utf-8")
    line = _one_line(run_cli(["review", "--lead", "none"], cwd=repo, env=env))
    assert "[review] agents" in line and "--agents is" not in line, line
    # the command line still wins, and its own error still says --agents
    res = run_cli(["review", "--lead", "none", "--agents", ""], cwd=repo, env=env)
    assert _one_line(res).startswith("deep-review: error: --agents is empty")


def test_doctor_outside_a_repository_promises_no_review(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    outside = tmp_path / "nowhere"
    outside.mkdir()
    review = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=outside, env=env)
    assert "not inside a git repository" in _one_line(review)
    res = run_cli(["doctor"], cwd=outside, env=env)
    assert res.returncode == 0, res.stderr
    flat = " ".join(res.stdout.split())
    assert "A review now would run" not in flat, flat
    assert "A review here would refuse to start: " in flat and "not inside a git repository" in flat
    # what a review in a repository would run is still said
    assert "in a repository it would run: static; lead: none" in flat, flat
    data = run_cli(["doctor", "--json"], cwd=outside, env=env).json()
    assert "not inside a git repository" in data["review_refused"]


@pytest.mark.parametrize("value", ["static,,echo", "static,", ",static"])
def test_deep_review_agents_with_an_empty_element(tmp_path: Path, value: str) -> None:
    """`--agents a,,b` is refused (a seat name was lost); the same list in the environment
    variable was read as `a,b` without a word."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"DEEP_REVIEW_AGENTS": value})
    line = _one_line(run_cli(["review", "--lead", "none"], cwd=repo, env=env))
    assert f"DEEP_REVIEW_AGENTS {value!r} has an empty seat name" in line, line
    assert "DEEP_REVIEW_AGENTS=claude,codex" in line and "--agents" not in line, line
    assert not (tmp_path / "store").exists()
