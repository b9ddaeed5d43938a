"""A lead whose answer the model's output limit cut mid-document, with the REAL Claude Code CLI
against the scripted model server: the answer is no answer (a JSON fence never closed), so the
lead is asked again once, told its answer was cut off and to answer shorter; cut again, the
report is the deterministic one and says why in those words."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from e2e.agentkit import SCRIPTED_KEY, require_cli
from lead.lead_kit import ANSWER, fenced, write_config
from scripted_server import Shell, Step
from support.repos import cli_env, make_repo, run_cli

pytestmark = pytest.mark.e2e

WHOLE = fenced(ANSWER)
CUT = WHOLE[: WHOLE.index('"verdict"')]  # the output limit struck mid-document

CUT_SCRIPT = [
    Step.tools([Shell("git blame calc.py", "Blame calc.py")]),
    Step.text(CUT, cut=True),
]


def test_a_lead_cut_by_the_output_limit_is_asked_again(
    tmp_path: Path, cli_bin_dir: Path, scripted_server
) -> None:
    require_cli(cli_bin_dir, "claude")
    srv = scripted_server(CUT_SCRIPT)
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml", seats={"claude": {"model": "claude-sonnet-4-5"}})
    home = tmp_path / "user-home"
    home.mkdir()
    env = cli_env(
        tmp_path,
        {"ANTHROPIC_BASE_URL": srv.url, "ANTHROPIC_API_KEY": SCRIPTED_KEY, "HOME": str(home)},
    )
    env["PATH"] = f"{cli_bin_dir}{os.pathsep}{env['PATH']}"

    res = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--lead", "claude", "--json"],
        cwd=repo,
        env=env,
        timeout=300,
    )

    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    review_dir = Path(out["review_dir"])
    run = json.loads((review_dir / "run.json").read_text(encoding="utf-8"))
    lead = run["lead"]
    # asked twice: the second prompt says the first answer was cut off
    assert lead["passes"] == 2, lead
    retry = (review_dir / "prompt-lead-pass-2.md").read_text(encoding="utf-8")
    assert "cut off by the output limit" in retry
    assert lead["status"] == "fallback"
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "Consolidated without a lead" in md
    assert "cut off by the output limit" in lead["note"]
