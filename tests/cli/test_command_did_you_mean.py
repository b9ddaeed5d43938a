"""A mistyped command gets the same help a mistyped option gets: the command it resembles
(`No such option '--agent'. Did you mean '--agents'?`)."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, run_cli


def test_a_mistyped_command_names_the_one_it_resembles(tmp_path: Path) -> None:
    res = run_cli(["revew", "main..topic"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert "No such command 'revew'. Did you mean 'review'?" in line, line


def test_a_command_like_no_other_gets_no_guess(tmp_path: Path) -> None:
    res = run_cli(["xyzzy"], cwd=tmp_path, env=cli_env(tmp_path))
    assert res.returncode == 2
    assert "No such command 'xyzzy'." in res.stderr and "Did you mean" not in res.stderr
