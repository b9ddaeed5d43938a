"""The lead gets the measured checks as evidence, and the badges survive its rebuild."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from support.proof_repos import (
    BAD_FIX,
    GOOD_FIX,
    PY_BOUNDARY_LINE,
    STALE_FIX,
    make_python_repo,
    review_text,
    seat_config,
)
from support.repos import run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lead"))
from lead_kit import fenced, install_fake_claude, prompts_seen

LEAD_REVIEW = ("review", "--agents", "bot", "--lead", "claude", "--json", "--allow-exec")
SURVIVOR_TITLE = f"No test notices when `>=` becomes `>` at `ages.py:{PY_BOUNDARY_LINE}`"
ANSWER = {
    "decisions": [
        {
            "cluster": "K1",
            "action": "keep",
            "reason": f"The fix quotes `return age > 17`, but ages.py:{PY_BOUNDARY_LINE} reads "
            "`return age >= 18`; the problem stands, the fix must be rewritten.",
        }
    ],
    "added_findings": [
        {
            "severity": "important",
            "title": SURVIVOR_TITLE,
            "locations": [{"path": "ages.py", "start": PY_BOUNDARY_LINE}],
            "classification": "gap",
            "body": "The measured probe: the suite still passes with `age > 18`.",
            "fix": "Add `assert is_adult(18)` and `assert not is_adult(17)`.",
            "reason": "Surviving mutant in the measured evidence; the tests try only 40 and 5.",
        }
    ],
    "executive_summary": "The boundary of `is_adult` is untested.",
    "verdict": {"label": "Merge with fixes", "reason": "Test the boundary."},
    "retro": [{"seat": "bot", "narrative": "Bot's fix quoted code that is not there."}],
    "testing": {"intro": "", "items": ["Test 17 and 18."]},
    "repo_context_updates": [],
}


@pytest.mark.slow
def test_lead_sees_fix_checks_and_survivors_as_evidence(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=False)
    env = seat_config(tmp_path, review_text([("Stale fix", STALE_FIX)]))
    bin_dir, log_dir = tmp_path / "bin", tmp_path / "lead-log"
    log_dir.mkdir()
    install_fake_claude(bin_dir, [fenced(ANSWER)], log_dir=log_dir)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["ANTHROPIC_API_KEY"] = "test-key-not-a-secret"
    cmd = "python -c 'import ages; assert ages.is_adult(40) and not ages.is_adult(5)'"
    res = run_cli(
        [*LEAD_REVIEW, "--check-fixes", "--probe-tests", "--test-cmd", cmd],
        cwd=repo,
        env=env,
        timeout=240,
    )
    assert res.returncode == 0, res.stderr
    [prompt] = prompts_seen(log_dir)
    evidence = prompt.split("## Measured evidence")[1].split("## What to decide")[0]
    # The test output comes from the change's own code: fenced as untrusted data.
    assert "<<<UNTRUSTED DATA measured-checks " in evidence
    assert "does not apply (context not found in ages.py: `return age > 17`)" in evidence
    assert '"cluster": "K1"' in evidence
    assert f'"location": "ages.py:{PY_BOUNDARY_LINE}"' in evidence
    assert '"diff": "-return age >= 18 +return age > 18"' in evidence

    report = json.loads(Path(res.json()["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["lead"]["status"] == "ok"
    titles = {f["title"]: f for f in report["findings"]}
    assert SURVIVOR_TITLE in titles
    stale = next(f for f in report["findings"] if f["title"] == "Stale fix")
    assert stale["fix_check"]["applies"] is False
    assert report["checks"]["mutants"]


LEAD_FIX = "```diff\n@@ -1,1 +1,1 @@\n-def is_adult(age):\n+def is_adult(age: int) -> bool:\n```"
MERGING = {
    "decisions": [
        {"cluster": "K1", "action": "keep", "reason": "ages.py:3 accepts negative ages."},
        {"cluster": "K2", "action": "merge", "merge_into": "K1", "reason": "Same line."},
        {"cluster": "K3", "action": "keep", "reason": "ages.py:3 reads `>= 18`."},
    ],
    "added_findings": [
        {
            "severity": "suggestion",
            "title": "Type the signature",
            "locations": [{"path": "ages.py", "start": 1}],
            "classification": "gap",
            "body": "`is_adult` has no annotations.",
            "fix": LEAD_FIX,
            "reason": "Read ages.py:1.",
        }
    ],
    "executive_summary": "Negative ages pass.",
    "verdict": {"label": "Merge with fixes", "reason": "Reject negative ages."},
    "retro": [{"seat": "bot", "narrative": "Two findings on one line."}],
    "testing": {"intro": "", "items": []},
    "repo_context_updates": [],
}


def test_fix_counts_follow_the_leads_findings(tmp_path: Path) -> None:
    """The lead merges K2 (the fix that breaks a test) into K1 and adds a finding with a diff
    of its own: the Testing Assessment counts the fixes the report shows, and the lead's fix
    says it was not checked (it was written after the tests ran)."""
    repo = make_python_repo(tmp_path, strong=True)
    fixes = [("Negative ages pass", GOOD_FIX), ("Use 21", BAD_FIX), ("Stale fix", STALE_FIX)]
    env = seat_config(tmp_path, review_text(fixes))
    bin_dir, log_dir = tmp_path / "bin", tmp_path / "lead-log"
    log_dir.mkdir()
    install_fake_claude(bin_dir, [fenced(MERGING)], log_dir=log_dir)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["ANTHROPIC_API_KEY"] = "test-key-not-a-secret"
    cmd = f"{sys.executable} -c 'import ages; assert ages.is_adult(18)'"
    res = run_cli(
        [*LEAD_REVIEW, "--check-fixes", "--test-cmd", cmd], cwd=repo, env=env, timeout=240
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    [prompt] = prompts_seen(log_dir)
    evidence = prompt.split("## Measured evidence")[1].split("## What to decide")[0]
    assert (
        "3 fixes: 2 apply, 1 passes tests (as they did without any fix), 1 breaks" in evidence
    )  # the lead saw them all

    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["lead"]["status"] == "ok"
    by_title = {f["title"]: f for f in report["findings"]}
    assert "Use 21" not in by_title
    summary = "2 fixes: 1 applies, 1 passes tests (as they did without any fix); 1 more not checked"
    assert out["checks"]["fixes"] == summary
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    testing = md.split("## Testing Assessment")[1]
    added = by_title["Type the signature"]
    badge = "fix: not checked (written by the lead after the tests ran)"
    assert f"- {summary}.\n" in testing
    assert f"  - `{added['id']}: {badge}`" in testing
    assert added["fix_check"] is None
    block = md.split(f"\n{added['id']}. **Type the signature**")[1].split("\n---\n")[0]
    assert f"`{badge}`" in block
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    assert f"{badge}</span>" in html and f"{added['id']}: {badge}</span>" in html
