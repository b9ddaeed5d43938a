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


def _lead_review(tmp_path: Path, test_cmd: str, checks_config: str = "") -> dict:  # type: ignore[type-arg]
    """A review whose lead merges K2 (the fix that breaks a test) into K1 and adds a finding
    with a fix diff of its own (`LEAD_FIX`)."""
    repo = make_python_repo(tmp_path, strong=True)
    fixes = [("Negative ages pass", GOOD_FIX), ("Use 21", BAD_FIX), ("Stale fix", STALE_FIX)]
    env = seat_config(tmp_path, review_text(fixes), checks_config)
    bin_dir, log_dir = tmp_path / "bin", tmp_path / "lead-log"
    log_dir.mkdir()
    install_fake_claude(bin_dir, [fenced(MERGING)], log_dir=log_dir)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["ANTHROPIC_API_KEY"] = "test-key-not-a-secret"
    res = run_cli(
        [*LEAD_REVIEW, "--check-fixes", "--test-cmd", test_cmd], cwd=repo, env=env, timeout=240
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    [prompt] = prompts_seen(log_dir)
    review_dir = Path(out["review_dir"])
    return {
        "cli": out,
        "evidence": prompt.split("## Measured evidence")[1].split("## What to decide")[0],
        "json": json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8")),
        "md": Path(out["paths"]["md"]).read_text(encoding="utf-8"),
        "html": Path(out["paths"]["html"]).read_text(encoding="utf-8"),
        "run": json.loads((review_dir / "run.json").read_text(encoding="utf-8")),
        "dir": review_dir,
    }


def test_the_leads_own_fix_is_checked_after_it_ran(tmp_path: Path) -> None:
    """The Testing Assessment counts the fixes the report shows (K2's, merged away, is not
    counted), and the fix diff the lead wrote is checked after it ran, as the seats' were."""
    cmd = f"{sys.executable} -c 'import ages; assert ages.is_adult(18)'"
    out = _lead_review(tmp_path, cmd)
    assert (
        "3 fixes: 2 apply, 1 passes tests (as they did without any fix), 1 breaks"
        in out["evidence"]
    )  # the lead saw them all

    report = out["json"]
    assert report["lead"]["status"] == "ok"
    by_title = {f["title"]: f for f in report["findings"]}
    assert "Use 21" not in by_title
    summary = "3 fixes: 2 apply, 2 pass tests (as they did without any fix)"
    assert out["cli"]["checks"]["fixes"] == summary
    testing = out["md"].split("## Testing Assessment")[1]
    assert f"- {summary}.\n" in testing
    assert "not checked" not in out["md"] and "not checked" not in out["html"]
    added = by_title["Type the signature"]
    assert added["verification"] == "added-by-lead"
    check = added["fix_check"]
    assert (check["applies"], check["tests"], check["baseline"]) == (True, "pass", "pass")
    assert check["log"] == "checks/fix-4.log"  # numbered on from the three checked before
    log = (out["dir"] / check["log"]).read_text(encoding="utf-8")
    assert f"$ {cmd}\n" in log and "+def is_adult(age: int) -> bool:" in log
    badge = "fix: applies · tests pass, as they did without the fix: no test tells it apart"
    block = out["md"].split(f"\n{added['id']}. **Type the signature**")[1].split("\n---\n")[0]
    assert f"`{badge}`" in block
    measured = 'title="measured: the fix was applied and the tests run"'
    assert f'fixcheck-weak" {measured}>{badge}</span>' in out["html"]
    # run.json records every check: the seats' three (the stale fix ran no tests) and the lead's.
    assert [c["log"] for c in out["run"]["checks"]["fix_checks"]] == [
        "checks/fix-1.log",
        "checks/fix-2.log",
        "",
        "checks/fix-4.log",
    ]
    assert out["run"]["checks"]["lead_unchecked"] == ""


def test_the_leads_own_fix_is_not_checked_when_the_tests_time_out(tmp_path: Path) -> None:
    """Without any fix the tests time out: the lead's fix diff is not run against them, and its
    badge says why."""
    hang = f"{sys.executable} -c 'import time; time.sleep(120)'"
    out = _lead_review(tmp_path, hang, "[checks]\ntimeout = 1\n")
    added = next(f for f in out["json"]["findings"] if f["title"] == "Type the signature")
    assert added["fix_check"] is None
    badge = "fix: not checked (written by the lead; the tests time out without any fix)"
    testing = out["md"].split("## Testing Assessment")[1]
    assert f"  - `{added['id']}: {badge}`" in testing
    assert out["cli"]["checks"]["fixes"].endswith("; 1 more not checked")
    assert f"{added['id']}: {badge}</span>" in out["html"]
    assert len(out["run"]["checks"]["fix_checks"]) == 3  # the seats' only
    assert out["run"]["checks"]["lead_unchecked"] == "the tests time out without any fix"
