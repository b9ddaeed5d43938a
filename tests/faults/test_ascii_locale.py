"""Under an ASCII locale (a real Latin-1/ASCII locale, or `PYTHONUTF8=0 LC_ALL=C`) Python's
stdout cannot encode an em dash or a branch named `ünï`: what the terminal cannot show is
replaced, and the command exits as documented (trial 47b: `stats` and `list` crashed, exit 1).
A real process is the point: the locale decides its streams' encoding at start-up."""

from __future__ import annotations

import subprocess
from pathlib import Path

from support.repos import cli_env, make_repo, run_cli

_ASCII = {"PYTHONUTF8": "0", "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""}


def test_list_and_stats_of_a_non_ascii_branch_under_an_ascii_locale(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    subprocess.run(["git", "branch", "-m", "ünï"], cwd=repo, check=True)
    env = cli_env(tmp_path)
    stored = run_cli(["review", "--agents", "static", "--lead", "none"], cwd=repo, env=env)
    assert stored.returncode == 0, stored.stderr
    ascii_env = {k: v for k, v in env.items() if k not in ("LC_CTYPE", "LANGUAGE")}
    ascii_env.update(_ASCII)
    outputs = {}
    for command in ("list", "stats"):
        result = run_cli([command], cwd=repo, env=ascii_env, in_process=False)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        outputs[command] = result.stdout
    assert "?n?" in outputs["list"], outputs["list"]  # the branch, its letters replaced
    assert outputs["stats"].strip()
