"""A panel of the static checks alone still has the lead verify (README "Without a lead"); the
verdict's "No model review" reason then says what the lead added, never crediting the lead's
finding to the static checks."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lead_kit import ANSWER, answer, fenced, install_fake_claude, write_config

from support.repos import cli_env, make_repo, run_cli


def _static_review(tmp_path: Path, lead: dict[str, object]) -> dict[str, object]:
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    bin_dir = tmp_path / "bin"
    install_fake_claude(bin_dir, [fenced(lead)], log_dir=tmp_path / "lead-log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    res = run_cli(["review", "--agents", "static", "--lead", "claude", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert isinstance(report, dict)
    return report


def test_the_leads_optional_finding_is_not_the_static_checks(tmp_path: Path) -> None:
    lead = answer(
        decisions=[],
        retro=[],
        repo_context_updates=[],
        testing=None,
        verdict={"label": "Merge as-is", "reason": "Nothing to fix."},
    )
    report = _static_review(tmp_path, lead)
    (added,) = report["findings"]
    assert added["title"] == ANSWER["added_findings"][0]["title"]
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "No model review"
    assert verdict["reason"] == "static checks found nothing; the lead added S1 (optional)"


def test_a_verdict_on_the_leads_finding_says_the_lead_added_it(tmp_path: Path) -> None:
    crash = {
        "severity": "critical",
        "title": "`shout` crashes on None",
        "locations": [{"path": "util/strings.py", "start": 2}],
        "body": "`s.upper()` on None.",
        "reason": "Read util/strings.py:2.",
    }
    lead = answer(
        decisions=[],
        retro=[],
        repo_context_updates=[],
        testing=None,
        added_findings=[crash],
        verdict={"label": "Rework", "reason": "L1 crashes every caller."},
    )
    report = _static_review(tmp_path, lead)
    reason = report["header"]["verdict"]["reason"]
    assert reason.startswith("C1 crashes every caller; C1 added by the lead")
    assert "no model reviewed this change" not in reason
    assert "static checks and the lead only" in reason
