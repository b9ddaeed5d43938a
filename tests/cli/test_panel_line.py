"""`review --panel auto` prints its choice as one line that reads as written: the summary
already says "Panel …", so no `panel:` label goes before it ("panel: Panel: …")."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def test_the_panel_summary_is_not_labelled_twice(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"HOME": str(tmp_path / "home")})
    res = run_cli(
        ["review", "feature/x", "--agents", "static", "--panel", "auto"], cwd=repo, env=env
    )
    assert res.returncode == 0, res.stderr
    lines = res.stderr.splitlines()
    assert not [line for line in lines if line.lower().startswith("panel: panel")], res.stderr
    assert any(line.startswith("Panel: every usable seat") for line in lines), res.stderr
