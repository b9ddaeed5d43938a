"""Config and option values that named the wrong thing when refused (trial 54 #7, #8, #9): a
seat's misspelt `kind`, a configured seat's `binary` that is no program, an empty lead. Each is
one line naming the key (and the file or section it is set in), exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
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


@pytest.mark.parametrize(
    ("binary", "why"),
    [
        ("{tmp}/not-a-program", "is not an executable file"),
        ("{tmp}", "is a folder, not a program"),
        ("{tmp}/no/such/claude", "does not exist"),
        ("no-such-claude-name", "is not on PATH"),
    ],
    ids=["not-executable", "folder", "missing-path", "missing-name"],
)
def test_a_configured_seats_bad_binary_names_its_own_section(
    tmp_path: Path, binary: str, why: str
) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    (tmp_path / "not-a-program").write_text("just text\n", encoding="utf-8")
    binary = binary.replace("{tmp}", str(tmp_path))
    fakes.write_config({"c2": {"kind": "claude", "binary": binary}})
    res = fakes.review(repo, "HEAD~1..HEAD", "--agents", "c2", env=fakes.env(agents=True))
    line = _refused(res)
    assert f"seat 'c2' cannot run here: binary {binary!r} {why}" in line, line
    assert "fix `binary` in [seats.c2]" in line, line
    assert "[seats.claude]" not in line and "not found (" not in line, line
    assert not fakes.store.exists()


def test_a_kind_seat_without_binary_names_its_own_section(tmp_path: Path) -> None:
    """No `binary` and no CLI on PATH: the install hint, and `binary` in the seat's section."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.write_config({"c2": {"kind": "claude"}})
    res = fakes.review(repo, "HEAD~1..HEAD", "--agents", "c2", env=fakes.env(agents=True))
    line = _refused(res)
    assert "Claude CLI not found" in line and "set `binary` in [seats.c2]" in line, line


def test_an_empty_lead_option_says_it_is_empty(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "static", "--lead", ""],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    line = _refused(res)
    assert line.endswith("--lead is empty; name a lead: claude, codex, gemini, opencode or none")
    assert not (tmp_path / "store").exists()


def test_an_empty_lead_in_a_config_file_says_it_is_empty(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    config = tmp_path / "c.toml"
    config.write_text('[review]\nlead = ""\n', encoding="utf-8")
    res = run_cli(
        ["review", "HEAD~1..HEAD", "--agents", "static", "--config", str(config)],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    line = _refused(res)
    assert f"{config}: bad value for 'review.lead': empty; name a lead: claude" in line, line
    assert "'none'" not in line, line
