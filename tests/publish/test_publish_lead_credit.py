"""Who found a finding reads the same in the published summary and in the finding's inline
comment, through the real `review --lead claude` then `publish --inline --dry-run`: a finding
the lead added is "found by the lead (claude)" in both (the inline comment said "found by lead",
a name found nowhere else, under a summary whose only names were "by Alpha"), and the summary
says which agent led."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from publish.scenario import NUMBER, setup
from support.fake_github import FakeGitHub
from support.repos import run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import fenced, install_fake_claude

pytestmark = pytest.mark.slow  # a real review with a lead, then a publish

ADDED = {
    "decisions": [
        {"cluster": "K1", "action": "keep", "reason": "calc.py:10 calls compute."},
        {"cluster": "K2", "action": "keep", "reason": "calc.py:25 calls risky."},
        {"cluster": "K3", "action": "keep", "reason": "calc.py:2 is a bare number."},
    ],
    "added_findings": [
        {
            "severity": "important",
            "title": "compute() result is never checked",
            "locations": [{"path": "calc.py", "start": 10}],
            "classification": "gap",
            "body": "Nothing reads what compute() returns.",
            "fix": "",
            "reason": "Read calc.py:10.",
        }
    ],
    "executive_summary": "Two risky calls.",
    "verdict": {"label": "Merge with fixes", "reason": "Check the calls."},
    "retro": [],
    "testing": {"intro": "", "items": []},
    "repo_context_updates": [],
}


def test_the_leads_finding_is_credited_alike_in_summary_and_inline(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        log = tmp_path / "lead-log"
        log.mkdir()
        install_fake_claude(tmp_path / "lead-bin", [fenced(ADDED)], log_dir=log)
        env["PATH"] = f"{tmp_path / 'lead-bin'}{os.pathsep}{env['PATH']}"
        env["ANTHROPIC_API_KEY"] = "test-key-not-a-secret"
        done = fakes.review(clone, f"#{NUMBER}", "--agents", "alpha", "--lead", "claude", env=env)
        assert done.returncode == 0, done.stderr
        rid = done.json()["review_id"]
        res = run_cli(["publish", rid, "--inline", "--dry-run", "--json"], cwd=clone, env=env)
        assert res.returncode == 0, res.stderr
        summary, inline = (r["body"] for r in json.loads(res.stdout)["requests"])

    lines = summary["body"].splitlines()
    assert any(line.endswith("· by Alpha · led by claude") for line in lines), lines
    entries = {line.split("**")[1]: line for line in lines if line.startswith("- **")}
    comments = {c["body"].split("**")[1].split(" ")[0]: c["body"] for c in inline["comments"]}
    added = next(i for i, e in entries.items() if "compute() result is never checked" in e)
    assert entries[added].endswith(" · inline comment · found by the lead (claude)")
    assert comments[added].endswith("<sub>Deep Review · found by the lead (claude)</sub>")
    # A seat's finding: the same name in both places.
    assert entries["I1"].endswith("— `calc.py:10` · inline comment · found by Alpha")
    assert comments["I1"].endswith("<sub>Deep Review · found by Alpha</sub>")
    assert all("found by lead" not in c for c in comments.values())
