"""Config and option values that named the wrong thing when refused (trial 54 #7, #8, #9): a
seat's misspelt `kind`, a configured seat's `binary` that is no program, an empty lead. Each is
one line naming the key (and the file or section it is set in), exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, make_repo, run_cli


def _refused(res) -> str:  # type: ignore[no-untyped-def]
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    return lines[0]


@pytest.mark.parametrize("kind", ["Claude", "claud", "nosuchkind"])
@pytest.mark.parametrize("agents", [["--agents", "x"], []], ids=["named", "default-panel"])
def test_a_misspelt_seat_kind_is_refused_naming_file_key_and_kinds(
    tmp_path: Path, kind: str, agents: list[str]
) -> None:
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    config = tmp_path / "c.toml"
    config.write_text(f'[seats.x]\nkind = "{kind}"\n', encoding="utf-8")
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--config", str(config), "--lead", "none", *agents],
        cwd=repo,
        env=env,
    )
    line = _refused(res)
    assert f"{config}: bad value for 'seats.x.kind': unknown kind {kind!r}" in line, line
    assert "claude, codex, command, gemini, opencode, static" in line, line
    assert "unknown seat" not in line, line
    assert not (tmp_path / "store").exists()


def test_doctor_says_a_review_would_refuse_a_misspelt_kind(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    config = tmp_path / "c.toml"
    config.write_text('[seats.x]\nkind = "claud"\n', encoding="utf-8")
    env = cli_env(tmp_path, {"DEEP_REVIEW_CONFIG": str(config)})
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert "Traceback" not in res.stderr
    assert "bad value for 'seats.x.kind': unknown kind 'claud'" in res.stdout + res.stderr


def test_a_close_kind_is_suggested(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    config = tmp_path / "c.toml"
    config.write_text('[seats.x]\nkind = "Claude"\n', encoding="utf-8")
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--config", str(config), "--agents", "static"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert "did you mean 'claude'?" in _refused(res)
