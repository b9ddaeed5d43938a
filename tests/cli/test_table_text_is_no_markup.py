"""The tables of `list` and `stats` show names as they are: a checkout folder named
`app[red]v2` is `app[red]v2` in list's Repo column and in stats' title. Before, the cells were
read as rich markup, so `[red]` vanished (and coloured the rest): the Repo column said `appv2`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, make_repo, run_cli, write

NAME = "app[red]v2"


def _reviewed(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = make_repo(tmp_path, name=NAME)
    write(repo, "login.py", "def check(user):\n    return bool(user)\n")
    commit_all(repo, "login check")
    (tmp_path / "ok.md").write_text("## Executive Summary\n\nFine.\n\n## Findings\n\nNone.\n")
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp_path / 'ok.md'}"]
    (tmp_path / "user-config.toml").write_text(f"[seats.canned]\nargv = {json.dumps(argv)}\n")
    env = cli_env(tmp_path)
    done = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "canned", "--lead", "none", "--json"],
        cwd=repo,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return repo, env


@pytest.mark.parametrize("columns", [None, "60"])
def test_list_shows_a_repository_name_with_brackets_as_it_is(
    tmp_path: Path, columns: str | None
) -> None:
    repo, env = _reviewed(tmp_path)
    if columns:
        env["COLUMNS"] = columns  # the block layout too
    table = run_cli(["list"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    assert NAME in table.stdout, table.stdout


def test_stats_title_shows_a_repository_name_with_brackets_as_it_is(tmp_path: Path) -> None:
    repo, env = _reviewed(tmp_path)
    table = run_cli(["stats"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    assert NAME in table.stdout, table.stdout
