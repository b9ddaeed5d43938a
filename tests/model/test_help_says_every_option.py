"""`deep-review COMMAND --help` says what each option does: `review --help` listed `--effort`
and `--model SEAT=MODEL`, `show --help` and `render --help` `--format` and `--repo`, with no word
beside them (which seat takes an effort, what `--format` defaults to, whose store `--repo`
names)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from deepreview.cli.main import cli
from support.repos import cli_env, run_cli


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def _silent_options(command: click.Command, name: str) -> list[str]:
    ctx = click.Context(command, info_name=name)
    silent = []
    for param in command.params:
        record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
        if record is not None and not record[1].strip():
            silent.append(record[0])
    return silent


def test_every_option_of_every_command_has_help() -> None:
    silent = {}
    for path in _commands(cli):
        command: click.Command = cli
        for part in path:
            assert isinstance(command, click.Group)
            sub = command.get_command(click.Context(command), part)
            assert sub is not None
            command = sub
        if options := _silent_options(command, path[-1]):
            silent[" ".join(path)] = options
    assert not silent, silent


@pytest.mark.parametrize(
    ("command", "option", "words"),
    [
        ("review", "--effort", "passed to Claude, Codex and opencode"),
        ("review", "--passes", "the static seat runs once"),
        ("review", "--model SEAT=MODEL", "claude=opus"),
        ("show", "--format", "default: md"),
        ("render", "--format", "default: md"),
        ("show", "--repo", "whose store"),
    ],
)
def test_the_help_the_command_prints(tmp_path: Path, command: str, option: str, words: str) -> None:
    res = run_cli([command, "--help"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    # the option's entry: its line and the lines its help wraps onto, up to the next option
    lines = res.stdout.splitlines()
    (at,) = [n for n, ln in enumerate(lines) if ln.strip().startswith(option)]
    end = next((n for n in range(at + 1, len(lines)) if lines[n].startswith("  -")), len(lines))
    entry = " ".join(" ".join(ln.split()) for ln in lines[at:end])
    assert words in entry, entry
