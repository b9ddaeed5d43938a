"""`deep-review list` in an 80-column terminal shows every cell whole (wrapped over lines, not
cut). Before, the boxed table left each column a few characters and cut them with "…": the
date read `202…`, the target `HEA…`, the verdict `Mer…`, so the list told nothing but IDs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli, write


@pytest.mark.parametrize("columns", [80, 100])
def test_list_in_a_narrow_terminal_cuts_no_cell(tmp_path: Path, columns: int) -> None:
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
    row = run_cli(["list", "--json"], cwd=repo, env=env).json()["reviews"][0]

    table = run_cli(["list"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    out = table.stdout
    assert "…" not in out, out
    assert max(len(line) for line in out.splitlines()) <= columns, out
    words = " ".join(out.split())
    assert row["date"][:10] in words and row["date"][11:16] in words, out  # 2026-12-06 00:24
    assert row["id"] in out, out
    for word in ("branch", "topic", *row["verdict"].split(), "Canned", "Reviewer", "Static"):
        assert word in words, (word, out)
