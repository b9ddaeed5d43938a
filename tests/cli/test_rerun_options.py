"""`resume` and `relead` offer only the options they honour: `--agents` (both: the seats are
the review's own) and `resume --lead` (its lead is the one the review started with) were
accepted and silently ignored, even an unknown seat name. Now click refuses them (exit 2) and
the line says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


def _stored_review(tmp: Path) -> tuple[Path, dict[str, str], str]:
    repo = make_repo(tmp)
    env = cli_env(tmp)
    res = run_cli(["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, res.json()["review_id"]


@pytest.mark.parametrize(
    ("command", "option", "why"),
    [
        ("resume", "--agents", "`resume` finishes the review with the seats it was started with"),
        ("resume", "--lead", "`resume` finishes the review with the lead it was started with"),
        ("relead", "--agents", "`relead` reruns only the lead"),
    ],
)
def test_an_option_the_command_would_ignore_is_refused(
    tmp_path: Path, command: str, option: str, why: str
) -> None:
    repo, env, rid = _stored_review(tmp_path)
    before = sorted(p.name for p in (tmp_path / "store").rglob("*"))
    res = run_cli([command, rid, option, "nosuch"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    assert f"No such option '{option}'" in lines[0] and why in lines[0], lines[0]
    assert sorted(p.name for p in (tmp_path / "store").rglob("*")) == before
    shown = run_cli([command, "--help"], cwd=repo, env=env)
    assert option not in shown.stdout


def test_relead_still_takes_a_lead(tmp_path: Path) -> None:
    repo, env, rid = _stored_review(tmp_path)
    res = run_cli(["relead", rid, "--lead", "none", "--timeout", "60"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "--lead" in run_cli(["relead", "--help"], cwd=repo, env=env).stdout
