"""The lead when none is named: the first usable of claude, codex and gemini. A usable seat
that can lead only when named (opencode) must not make `doctor` and the report say that no
lead agent is usable here: they say which leads were tried and how to name the other."""

from __future__ import annotations

from pathlib import Path

from support.repos import cli_env, make_repo, run_cli


def _env_with_opencode(tmp_path: Path) -> dict[str, str]:
    """An installed `opencode` (usable: it may have a free provider), no other agent CLI."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "opencode"
    fake.write_text("#!/bin/sh\necho 1.0.0\n", encoding="utf-8")
    fake.chmod(0o755)
    env = cli_env(tmp_path, {"HOME": str(tmp_path / "home")})
    env["PATH"] = f"{bin_dir}:{env['PATH']}"
    return env


def test_doctor_says_how_to_name_a_usable_lead_it_does_not_pick(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = _env_with_opencode(tmp_path)
    res = run_cli(["doctor"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    last = res.stdout.strip().splitlines()[-1]
    assert last.startswith("A review now would run: opencode, static; lead: none"), last
    assert "`--lead opencode`" in last, last
    assert "claude, codex, gemini" in last, last


def test_report_without_a_lead_does_not_say_no_lead_agent_is_usable(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = _env_with_opencode(tmp_path)
    res = run_cli(["review", "feature/x", "--agents", "static", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    banner = next(line for line in md.splitlines() if "Consolidated without a lead" in line)
    # opencode is a usable lead agent here: the banner must not deny it
    assert "no lead agent is usable here" not in banner, banner
    assert "none of the default leads (claude, codex, gemini) is usable here" in banner, banner
