"""A misspelt lead in a config file or DEEP_REVIEW_LEAD (trial46a #11): the line names where
it came from and the valid leads, and `doctor` shows its table and says a review would refuse
to start, as it does for a misspelt seat in `agents`."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def test_a_misspelt_lead_in_the_user_file_names_the_file_and_key(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    (tmp_path / "user-config.toml").write_text('[review]\nlead = "claud"\n')
    res = run_cli(["review", "--agents", "static"], cwd=repo, env=env)
    assert res.returncode == 2
    line = res.stderr.strip()
    assert str(tmp_path / "user-config.toml") in line
    assert "'review.lead'" in line and "unknown lead 'claud'" in line
    assert "valid leads: " in line and "claude" in line


def test_a_misspelt_lead_in_the_environment_names_the_variable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path, {"DEEP_REVIEW_LEAD": "claud"})
    res = run_cli(["review", "--agents", "static"], cwd=repo, env=env)
    assert res.returncode == 2
    said = "DEEP_REVIEW_LEAD: unknown lead 'claud' (did you mean 'claude'?); valid leads: "
    assert said in res.stderr


def test_doctor_shows_its_table_and_the_refusal(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    (tmp_path / "user-config.toml").write_text('[review]\nlead = "claud"\n')
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert "Deep Review seats" in res.stdout
    (last,) = [ln for ln in res.stdout.splitlines() if "would refuse to start" in ln]
    assert "unknown lead 'claud'" in last and "'review.lead'" in last
