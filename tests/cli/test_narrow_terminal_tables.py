"""`list`, `stats` and `doctor` in a terminal of 80 or 100 columns show every cell whole:
wrapped over lines, or each row as a block of `Header: value` lines when the words cannot
fit. Before, `list` cut its cells to a few characters and "…" (the date `202…`, the target
`HEA…`, the verdict `Mer…`), `stats` cut every cell of its 15 columns (the seat's name
included), and `doctor` drew 140 columns whatever the terminal's width."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli, write


def _reviewed(tmp_path: Path, columns: int) -> tuple[Path, dict[str, str]]:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "login.py", "def check(user):\n    return bool(user)\n")
    commit_all(repo, "login check")
    (tmp_path / "ok.md").write_text("## Executive Summary\n\nFine.\n\n## Findings\n\nNone.\n")
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp_path / 'ok.md'}"]
    (tmp_path / "user-config.toml").write_text(
        f'[seats.canned]\nargv = {json.dumps(argv)}\ndisplay_name = "Canned Reviewer"\n'
    )
    env = cli_env(tmp_path, {"COLUMNS": str(columns)})
    done = run_cli(
        ["review", "--agents", "canned,static", "--lead", "none", "--json"], cwd=repo, env=env
    )
    assert done.returncode == 0, done.stderr
    return repo, env


def _shown_whole(out: str, columns: int, words: list[str]) -> None:
    assert "…" not in out, out
    assert max(len(line) for line in out.splitlines()) <= columns, out
    joined = " ".join(out.split())
    for word in words:
        assert word in joined, (word, out)


@pytest.mark.parametrize("columns", [80, 100])
def test_list_in_a_narrow_terminal_cuts_no_cell(tmp_path: Path, columns: int) -> None:
    repo, env = _reviewed(tmp_path, columns)
    row = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"][0]
    table = run_cli(["list"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    assert row["id"] in table.stdout, table.stdout  # whole on one line: `show` takes it
    date, time = row["date"][:10], row["date"][11:16]  # shown as `2026-12-06 00:24`
    words = [date, time, "branch", "topic", *row["verdict"].split(), "Canned", "Reviewer"]
    _shown_whole(table.stdout, columns, [*words, "Static"])


def test_stats_in_an_80_column_terminal_names_every_seat(tmp_path: Path) -> None:
    repo, env = _reviewed(tmp_path, 80)
    table = run_cli(["stats"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    numbers = run_cli(["stats", "--json"], cwd=repo, env=env).json()
    seats = [s["seat"] for s in numbers["seats"]]
    assert sorted(seats) == ["canned", "static"]
    _shown_whole(table.stdout, 80, [*seats, "Survival", "Failures", "Median / p90"])


def test_doctor_in_an_80_column_terminal_fits_it(tmp_path: Path) -> None:
    repo, env = _reviewed(tmp_path, 80)
    table = run_cli(["doctor"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    seats = [s["name"] for s in run_cli(["doctor", "--json"], cwd=repo, env=env).json()["seats"]]
    assert {"claude", "static", "canned"} <= set(seats)
    # (the lines below the table are plain text the terminal wraps)
    _shown_whole(table.stdout.split("\nNo model-backed")[0], 80, [*seats, "Usable", "Notes"])
