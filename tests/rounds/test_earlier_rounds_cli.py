"""A finding closed or dropped more than one round back and raised again, through the real
`deep-review` command: it is that earlier round's finding back (the same tag as one round
later), not a new one. Each round used to look only at the round just before it, so a quiet
round in between made it `(new)`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import cli_env, commit_all, make_repo, run_cli, write
from support.rounds import NO_FINDINGS, ROUND1, run_round, stored

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import ANSWER, fenced, install_fake_claude, write_config

from support.first_round import first_round

RAISED_AGAIN = (
    "## Executive Summary\n\nStill divides.\n\n## Findings" + ROUND1.split("## Findings", 1)[1]
)
CLAIMS_FIXED = (
    NO_FINDINGS.format(summary="Looks done.") + "\n## Round 2 Fix Verdicts\n\n- I1: fixed\n"
)


def _round(fakes: Fakes, repo: Path, text: str) -> tuple[dict[str, Any], str]:
    rid = run_round(fakes, repo, text)["review_id"]
    return json.loads(stored(fakes, rid, ".json")), stored(fakes, rid, ".md")


def test_a_finding_fixed_two_rounds_back_and_raised_again_is_not_new(tmp_path: Path) -> None:
    """Round 1 raises I1; round 2 finds it fixed; round 3 (an unrelated commit) raises
    nothing; round 4, after the guard is reverted, raises it again: round 1's I1, fixed in
    round 2, back."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    data2, _ = _round(fakes, repo, CLAIMS_FIXED)
    assert data2["findings"] == []
    write(repo, "notes.txt", "notes\n")
    commit_all(repo, "Notes")
    data3, _ = _round(fakes, repo, NO_FINDINGS.format(summary="Nothing to say."))
    assert data3["findings"] == []
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n")
    commit_all(repo, "Revert the guard")

    data, md = _round(fakes, repo, RAISED_AGAIN)
    assert data["round_info"]["number"] == 4
    assert [f["carry_forward"] for f in data["findings"]] == [
        "Round 1 I1, fixed in round 2, raised again"
    ]
    assert data["round_info"]["new_findings"] == []
    assert "(new)" not in md
    assert "1 fixed in round 2, raised again" in data["executive_summary"]
    assert (
        "| Unique insights | 0 (no other model reviewed); "
        "re-raised from round 1: [I1](#i1) (Division by zero is not handled) |" in md
    )
    # the only reviewer: no unique insight in any round, but round 4's I1 confirms round 1
    stats = run_cli(["stats", "--json"], cwd=repo, env=fakes.env())
    (alpha,) = stats.json()["seats"]
    assert (alpha["unique_insights"], alpha["reraised"]) == (0, 1), alpha


def test_a_finding_the_lead_dropped_two_rounds_back_and_raised_again_is_not_new(
    tmp_path: Path,
) -> None:
    """Round 1's lead drops Charlie's C1; round 2 runs without Charlie; round 3's Charlie
    raises it again: dropped by the lead in round 1, not new."""
    repo = make_repo(tmp_path)
    write_config(tmp_path / "user-config.toml")
    install_fake_claude(tmp_path / "bin", [fenced(ANSWER)], log_dir=tmp_path / "log")
    env = cli_env(tmp_path, {"ANTHROPIC_API_KEY": "test-key-not-a-secret"})
    env["PATH"] = f"{tmp_path / 'bin'}{os.pathsep}{env['PATH']}"

    first = run_cli(
        ["review", "--agents", "alpha,bravo,charlie", "--json", "--lead", "claude"],
        cwd=repo,
        env=env,
    )
    assert first.returncode == 0, first.stderr[-2000:]
    for n, seats in ((2, "alpha,bravo"), (3, "alpha,bravo,charlie")):
        write(repo, "notes.txt", f"notes {n}\n")
        commit_all(repo, f"Notes {n}")
        res = run_cli(["review", "--agents", seats, "--json", "--lead", "none"], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr[-2000:]
    paths = res.json()["paths"]
    data = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    md = Path(paths["md"]).read_text(encoding="utf-8")
    assert data["round_info"]["number"] == 3
    [overflow] = [f for f in data["findings"] if "overflow" in f["title"].lower()]
    assert overflow["carry_forward"] == "Round 1 Charlie C1, dropped by the lead, raised again"
    assert overflow["id"] not in data["round_info"]["new_findings"]
    assert "(Round 1 Charlie C1, dropped by the lead, raised again)" in md
    assert "1 dropped by the lead in round 1, raised again" in data["executive_summary"]
