"""An option that takes one value, given twice, is refused (exit 2, one line) on every command:
click would keep the last value and drop what the user named first (`--agents okone --agents
static` ran static alone). Repeatable options (`--format`, `--model`, `--from`) still repeat."""

from __future__ import annotations

import importlib
from pathlib import Path

import click
import pytest

from deepreview.cli.main import _COMMANDS
from support.repos import cli_env, make_repo, run_cli


def _single_value_options() -> list[tuple[str, str]]:
    found = []
    for command, (module, attr, _) in _COMMANDS.items():
        cmd = getattr(importlib.import_module(module), attr)
        for param in cmd.params:
            if isinstance(param, click.Option) and not (
                param.is_flag or param.multiple or param.count
            ):
                found.append((command, param.opts[-1]))
    return found


def _one_line(res, line: str) -> None:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert res.stderr.splitlines() == [f"deep-review: error: {line}"], res.stderr


def test_agents_twice_names_the_fix(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "--agents", "static", "--agents", "static", "--lead", "none"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    _one_line(res, "--agents given twice; name every seat in one comma-separated --agents")
    assert not (tmp_path / "store").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--lead", "none", "--lead", "claude"],
        ["--lead=none", "--lead", "none"],
        ["--timeout", "60", "--timeout=90"],
        ["--fail-on", "critical", "--fail-on", "never"],
    ],
)
def test_other_options_twice(tmp_path: Path, args: list[str]) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(["review", "--agents", "static", *args], cwd=repo, env=cli_env(tmp_path))
    name = args[0].split("=")[0]
    _one_line(res, f"{name} given twice; give it once (only the last one would be used)")


@pytest.mark.parametrize(("command", "option"), _single_value_options())
def test_every_single_value_option_of_every_command(
    tmp_path: Path, command: str, option: str
) -> None:
    res = run_cli([command, option, "x", option, "y"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2, res.stderr
    assert f"{option} given twice" in res.stderr


def test_an_on_off_switch_both_ways(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    args = ["review", "--agents", "static", "--allow-exec", "--no-allow-exec"]
    res = run_cli(args, cwd=repo, env=cli_env(tmp_path))
    _one_line(res, "--allow-exec and --no-allow-exec both given; give one of them")


def test_repeatable_options_and_values_that_look_like_options(tmp_path: Path) -> None:
    """`--format` repeats; a value is not taken for an option (`--store --agents` is a folder
    named `--agents`), and neither is anything after `--`."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    args = ["review", "--agents", "static", "--lead", "none", "--json", "--json"]
    res = run_cli([*args, "--format", "md", "--format", "json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert set(res.json()["paths"]) == {"md", "json"}
    res = run_cli(["list", "--store", "--store", "--json"], cwd=tmp_path, env=env)
    assert "given twice" not in res.stderr


@pytest.mark.parametrize(
    "args",
    [["review", "--lead", "none"], ["relead", "20990101-000000-x"]],
    ids=lambda a: a[0],
)
def test_one_seat_given_two_models(tmp_path: Path, args: list[str]) -> None:
    """`--model` repeats, one seat each: two models for one seat kept the last, the first
    dropped without a word, as `--agents` twice did."""
    repo = make_repo(tmp_path)
    res = run_cli(
        [*args, "--agents", "static", "--model", "claude=opus", "--model", "claude = sonnet"]
        if args[0] == "review"
        else [*args, "--model", "claude=opus", "--model", "claude=sonnet"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    _one_line(
        res,
        "--model given twice for seat claude (opus, sonnet); give each seat one --model",
    )
    assert not (tmp_path / "store").exists()
    # the same model twice says one thing: not refused as two (claude not running here is
    # what is said, as for one --model)
    same = run_cli(
        ["review", "--agents", "static", "--lead", "none", *["--model", "claude=opus"] * 2],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert same.returncode == 2 and "given twice" not in same.stderr, same.stderr
    assert "--model claude=opus: claude does not run here" in same.stderr
