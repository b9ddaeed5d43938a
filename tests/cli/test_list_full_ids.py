"""`deep-review list` shows every review ID whole, whatever the terminal's width: the ID is
what `show`/`open`/`delete` take, so a cut one (`…-feature-add-login…`) is one nobody can use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

BRANCH = "feature/add-login-page-validation-for-new-users"


@pytest.mark.parametrize("columns", [None, "80", "250"])
def test_list_never_cuts_an_id_that_show_takes(tmp_path: Path, columns: str | None) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", BRANCH)
    write(repo, "login.py", "def check(user):\n    return bool(user)\n")
    commit_all(repo, "login check")
    (tmp_path / "ok.md").write_text("## Executive Summary\n\nFine.\n\n## Findings\n\nNone.\n")
    argv = ["sh", "-c", f"cat >/dev/null; cat {tmp_path / 'ok.md'}"]
    (tmp_path / "user-config.toml").write_text(f"[seats.canned]\nargv = {json.dumps(argv)}\n")
    env = cli_env(tmp_path, {"COLUMNS": columns} if columns else None)
    if not columns:
        env.pop("COLUMNS", None)
    done = run_cli(["review", "--agents", "canned", "--lead", "none", "--json"], cwd=repo, env=env)
    assert done.returncode == 0, done.stderr
    review_id = done.json()["review_id"]
    assert len(review_id) > 40  # long enough that a narrow Review column would cut it

    table = run_cli(["list"], cwd=repo, env=env)
    assert table.returncode == 0, table.stderr
    assert review_id in table.stdout, table.stdout
    assert run_cli(["show", review_id], cwd=repo, env=env).returncode == 0
