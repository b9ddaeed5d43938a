"""A cluster the lead answered nothing about (trial 51 defect 9), through the real `deep-review`
command with a fake `claude` lead: it is kept as consolidated, and every report format says so
(the Markdown too, which the PR summary is built from), and `stats` counts it neither as a
finding the lead kept nor as one it judged: Survival is the share of the lead's judged findings
it kept."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from lead_kit import answer, fenced, install_fake_claude, write_config

from support.id_links import without_id_links
from support.repos import cli_env, make_repo, run_cli

AGENTS = ["--agents", "alpha,bravo,charlie"]


def _stats_of(seats: list[dict[str, Any]], seat: str) -> dict[str, Any]:
    return next(s for s in seats if s["seat"] == seat)


def test_a_cluster_without_a_lead_decision_is_said_in_markdown_and_not_counted_kept(
    tmp_path: Path,
) -> None:
    doc = answer()
    # K2 (Alpha's I2, "README does not document `sub`") gets no decision
    doc["decisions"] = [d for d in doc["decisions"] if d["cluster"] != "K2"]
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    install_fake_claude(tmp_path / "bin", [fenced(doc)], log_dir=tmp_path / "lead-log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"

    res = run_cli(["review", *AGENTS, "--lead", "claude", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.json()
    data = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert data["lead"]["status"] == "ok"
    kept = next(f for f in data["findings"] if "README" in f["title"])
    # named as the report's notes name a finding: its ID and the retro's label of its title
    said = (
        f"No lead decision for {kept['id']} (README does not document `sub`): kept as consolidated."
    )
    md = without_id_links(Path(out["paths"]["md"]).read_text(encoding="utf-8"))
    reconciliation = md.split("**Reconciliation**", 1)[1].split("## Review Process Notes", 1)[0]
    assert said in reconciliation, reconciliation
    entries = [e for e in data["retro"]["reconciliation"] if e["text"] == said]
    assert [e["finding_ids"] for e in entries] == [[kept["id"]]]
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert "No lead decision for" in html

    stats = run_cli(["stats", "--json"], cwd=repo, env=env)
    assert stats.returncode == 0, stats.stderr
    alpha = _stats_of(stats.json()["seats"], "alpha")
    # Alpha raised two findings; the lead judged one of them (I1: kept) and said nothing of
    # the other.
    assert (alpha["raised"], alpha["raised_with_lead"], alpha["kept"]) == (2, 1, 1), alpha
    assert alpha["survival_rate"] == 1.0
    bravo = _stats_of(stats.json()["seats"], "bravo")
    assert (bravo["raised_with_lead"], bravo["kept"]) == (bravo["raised"], bravo["raised"])
