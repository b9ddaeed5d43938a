"""Every option of every command is in the README (trial46a #6: `consolidate --changed-files`,
which changes the report's coverage, was not)."""

from __future__ import annotations

import re
from pathlib import Path

import click

from deepreview.cli.main import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _options(group: click.Group, path: str = "") -> list[tuple[str, str]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        where = f"{path} {name}".strip()
        if isinstance(command, click.Group):
            found += _options(command, where)
            continue
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                found += [(where, o) for o in (*param.opts, *param.secondary_opts) if o[:2] == "--"]
    return found


def test_every_command_option_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [
        f"{command} {option}"
        for command, option in _options(cli)
        if option != "--help" and not re.search(re.escape(option) + r"\b", text)
    ]
    assert not missing, f"not in README: {missing}"
