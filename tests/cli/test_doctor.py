"""`deep-review doctor` on a machine without any agent CLI."""

from __future__ import annotations

import json
from pathlib import Path

from support.repos import cli_env, run_cli

PACKAGES = {
    "claude": "@anthropic-ai/claude-code",
    "codex": "@openai/codex",
    "gemini": "@google/gemini-cli",
    "opencode": "opencode-ai",
}


def test_doctor_names_missing_clis_and_their_npm_packages(tmp_path: Path) -> None:
    env = cli_env(tmp_path, {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")})
    res = run_cli(["doctor", "--json"], cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stderr
    seats = {s["name"]: s for s in res.json()["seats"]}
    for name, package in PACKAGES.items():
        assert seats[name]["found"] is False and seats[name]["usable"] is False
        assert package in seats[name]["install_hint"]
    assert seats["static"]["usable"] is True
    text = run_cli(["doctor"], cwd=tmp_path, env=env)
    assert text.returncode == 0
    flat = " ".join(text.stdout.split())
    for name, package in PACKAGES.items():
        assert name in flat and package in flat
    assert "[seats.claude]" in flat  # the config hint survives rich markup
    assert "will use the static seat" in flat
    json.dumps(seats)  # plain JSON-able
