"""Two rounds on one branch through the real `deep-review` command with command seats: round 2
knows round 1 (interdiff, prior findings, fix verdicts, carry-forward tags)."""

from __future__ import annotations

import json
from pathlib import Path

from support.first_round import first_round
from support.repos import commit_all, git, run_cli, write
from support.rounds import run_round, stored

ROUND2_FIXED = """## Executive Summary

The zero divisor is handled now.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Round 2 Fix Verdicts

- I1: fixed — `calc.py:3` now returns 0.0 for a zero divisor
"""

ROUND2_NOT_FIXED = """## Executive Summary

Only a comment changed.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Round 2 Fix Verdicts

| Finding | Verdict | Evidence |
|---|---|---|
| I1 | not fixed | `calc.py:3` still divides without a check |
"""


def test_round_two_knows_round_one_and_reports_fix_verdicts(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    assert "I1. **Division by zero is not handled**" in stored(fakes, rid1, ".md")

    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    fixed_sha = commit_all(repo, "Handle a zero divisor")
    second = run_round(fakes, repo, ROUND2_FIXED)
    rid2 = second["review_id"]

    prompt = (fakes.store / rid2 / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "## A later round: what changed since round 1" in prompt
    later = prompt.split("## A later round: what changed since round 1", 1)[1]
    assert "+    return a / b if b else 0.0" in later
    assert "I1. Division by zero is not handled — `calc.py:3` (important)" in prompt
    assert "`fixed`, `partially fixed`, `not fixed`, `no longer applies`" in prompt

    md = stored(fakes, rid2, ".md")
    assert "| **Round** | 2 (of feature) |" in md
    section = md.split("## Round 2 Fix Verdicts", 1)[1].split("## Appendix", 1)[0]
    assert "| I1. **Division by zero is not handled** `calc.py:3` | fixed |" in section
    # Our reading, then the seat's own words (quoted, Markdown escaped).
    assert "Alpha: fixed — “fixed — \\`calc.py:3\\` now returns 0.0" in section
    data = json.loads(stored(fakes, rid2, ".json"))
    info = data["round_info"]
    assert info["number"] == 2 and info["previous_review_id"] == rid1
    assert info["fix_verdicts"][0]["prior_id"] == "I1"
    assert info["fix_verdicts"][0]["verdict"] == "fixed"
    assert data["findings"] == []
    assert data["header"]["verdict"]["label"] == "Merge as-is"
    assert fixed_sha == data["header"]["review_sha"]


def test_unfixed_prior_finding_is_carried_forward_and_counts_in_the_verdict(
    tmp_path: Path,
) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, ROUND2_NOT_FIXED)
    md = stored(fakes, second["review_id"], ".md")
    assert "I1. **Division by zero is not handled** — `calc.py:3`" in md
    assert "(Round 1 I1, not fixed)" in md
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    assert data["findings"][0]["carry_forward"] == "Round 1 I1, not fixed"
    assert data["round_info"]["fix_verdicts"][0]["carried_as"] == "I1"


def test_previous_sha_gone_falls_back_to_the_whole_diff(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    # Rewrite the branch: round 1's reviewed commit is no longer reachable, then pruned.
    git(repo, "commit", "-q", "--amend", "-m", "Add div (reworded)")
    git(repo, "reflog", "expire", "--expire=now", "--all")
    git(repo, "gc", "-q", "--prune=now")
    second = run_round(fakes, repo, ROUND2_FIXED)
    prompt = (fakes.store / second["review_id"] / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "no longer exists in this repository" in prompt
    assert "this round reviews the whole diff" in stored(fakes, second["review_id"], ".md")


ROUND2_SILENT = """## Executive Summary

Only a comment changed; nothing else to say.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.
"""


def test_a_prior_finding_whose_seat_failed_stays_open(tmp_path: Path) -> None:
    """Round 2: the seat that raised round 1's I1 fails, and the other seat gives no fix
    verdict. Nobody showed I1 fixed, so it stays open, says so, and counts in the verdict; it
    is never "closed" on nobody's word."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    silent = tmp_path / "silent.md"
    silent.write_text(ROUND2_SILENT, encoding="utf-8")
    fakes.write_config(
        {"alpha": fakes.seat("exit"), "beta": fakes.seat("ok", "--review-file", str(silent))}
    )
    res = fakes.review(repo, "--agents", "alpha,beta", "--format", "md")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    md = stored(fakes, rid, ".md")
    assert "(Round 1 I1, no verdict)" in md
    section = md.split("## Round 2 Fix Verdicts", 1)[1].split("\n## ", 1)[0]
    assert "closed" not in section
    data = json.loads(stored(fakes, rid, ".json"))
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    assert data["findings"][0]["carry_forward"] == "Round 1 I1, no verdict"
    assert data["round_info"]["fix_verdicts"][0]["carried_as"] == "I1"
    assert "This round's report holds 1 finding" in data["executive_summary"]
    assert "1 still open from round 1" in data["executive_summary"]


def test_a_prior_finding_its_seat_no_longer_raises_is_closed(tmp_path: Path) -> None:
    """The seat that raised I1 reviews round 2 and neither raises it nor judges it: its new
    review is its word, and I1 is closed (not carried forever)."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, ROUND2_SILENT)
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data["findings"] == []
    assert data["round_info"]["fix_verdicts"][0]["carried_as"] is None
    assert data["header"]["verdict"]["label"] == "Merge as-is"


def test_relead_of_a_round_a_later_round_builds_on_needs_force(tmp_path: Path) -> None:
    """Round 2 names round 1's findings by ID (`Round 1 I1, not fixed`): a relead of round 1
    can renumber them under round 2's feet, so it is refused unless forced."""
    fakes, repo, first = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, ROUND2_NOT_FIXED)
    env = fakes.env()
    res = run_cli(["relead", first["review_id"], "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert second["review_id"] in line and "--force" in line
    ok = run_cli(["relead", second["review_id"], "--lead", "none"], cwd=repo, env=env)
    assert ok.returncode == 0, ok.stderr  # the latest round: nothing builds on it
    forced = run_cli(["relead", first["review_id"], "--lead", "none", "--force"], cwd=repo, env=env)
    assert forced.returncode == 0, forced.stderr
