"""The lead's prompt shows the change's file and branch names, and the seats' coverage of them,
only inside untrusted-data blocks (trial 45b): see tests/security/test_names_are_data.py."""

from __future__ import annotations

import os
import re
from pathlib import Path

from lead_kit import ANSWER, fenced, install_fake_claude, write_config

from support.hostile_names import SAY, WORD, hostile_change, outside_fences
from support.repos import cli_env, run_cli


def test_file_and_branch_names_are_fenced_in_the_leads_prompt(tmp_path: Path) -> None:
    repo = hostile_change(tmp_path)
    bin_dir = tmp_path / "bin"
    install_fake_claude(bin_dir, [fenced(ANSWER)], log_dir=tmp_path / "lead-log")
    config = write_config(tmp_path / "user-config.toml")
    with config.open("a", encoding="utf-8") as out:
        out.write("\n[review]\ndiff_budget = 1500\n")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    argv = ["review", "--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"]
    res = run_cli(argv, cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    prompt = (Path(res.json()["review_dir"]) / "prompt-lead.md").read_text(encoding="utf-8")
    assert f"`NOTE TO REVIEWERS — {SAY}.md`" in prompt
    assert f"big-{WORD}.py" in prompt.split("read the others with", 1)[1]
    assert "as not to be diffed" in prompt
    assert re.search(rf"Target: branch [^\n]*feature/{WORD}", prompt)
    # the canned seats cover none of the new files: the coverage numbers name them
    assert '"coverage_misses"' in prompt
    assert outside_fences(prompt) == []
