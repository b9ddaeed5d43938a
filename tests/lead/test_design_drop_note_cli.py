"""Through `deep-review review --lead claude` (the fake lead): the Reconciliation line of a design
observation the lead dropped names it by its first words with their code spans, and names its
reviewer without a stray escape (trial 34 item 9: `… [Codex]\\: Type hints …`, code spans lost)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lead_kit import answer, fenced, install_fake_claude, write_config

from support.repos import cli_env, make_repo, run_cli


@pytest.mark.slow  # a review with a lead
def test_a_dropped_design_concern_reads_cleanly(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    doc = answer(
        design_observations=[
            {"id": "D1", "action": "drop", "reason": "A package name is not this change's design."}
        ]
    )
    install_fake_claude(tmp_path / "bin", [fenced(doc)], log_dir=tmp_path / "log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"
    res = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"],
        cwd=repo,
        env=env,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    line = next(ln for ln in md.splitlines() if "Dropped design concern" in ln)
    assert line == (
        "- Dropped design concern (Helpers live in a grab-bag `util` package —…) from Charlie: "
        "A package name is not this change's design."
    ), line
