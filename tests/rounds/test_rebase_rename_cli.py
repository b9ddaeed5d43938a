"""Rounds across a rebase onto a moved base and across a file rename, through the real
`deep-review` command: the interdiff holds only the branch's own changes (a `fixed` claim on
code the branch left alone is doubted, the base's commits are no change of the branch), and
findings and declines follow a renamed file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, git, run_cli, write
from support.rounds import NO_FINDINGS, ROUND1, run_round, stored

CALC = "def sub(a, b):\n    return a + b\n\n\ndef mul(a, b):\n    return a * b\n"

SUB_ROUND1 = """## Executive Summary

`sub` adds.

## Findings

### Critical Issues

None.

### Important Issues

I1. **Subtraction returns the sum** — `calc.py:2` (important, regression)

`sub(3, 1)` returns 4; verified by reading line 2.

### Suggestions

None.
"""

FIXED = NO_FINDINGS.format(summary="Checked the fix.") + (
    "\n## Fix Verdicts (round 1 findings)\n\n- I1: fixed — `calc.py:2` returns the difference\n"
)


def _sub_repo(root: Path) -> Path:
    """`feature` changes line 2 of `calc.py` (the finding's line); `main` then moves on."""
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "calc.py", CALC)
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "calc.py", CALC.replace("return a + b", "return a + b  # sub"))
    commit_all(repo, "Add sub")
    return repo


def _move_main_and_rebase(repo: Path) -> None:
    """`main` edits calc.py's last line and adds v.py; `feature` is rebased onto it."""
    git(repo, "checkout", "-q", "main")
    write(repo, "calc.py", CALC.replace("return a * b", "return b * a"))
    write(repo, "v.py", "VERSION = 2\n")
    commit_all(repo, "Main moves on")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main")


def _interdiff(review: dict[str, Any]) -> str:
    prompt = (Path(review["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    return prompt.split("## A later round", 1)[1].split("### Round 1's open findings", 1)[0]


def _verdict(fakes: Fakes, review: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(stored(fakes, review["review_id"], ".json"))
    [fv] = data["round_info"]["fix_verdicts"]
    return dict(fv)


def test_a_fixed_claim_after_a_rebase_with_no_change_of_the_branch_is_doubted(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _sub_repo(tmp_path)
    run_round(fakes, repo, SUB_ROUND1)
    _move_main_and_rebase(repo)
    second = run_round(fakes, repo, FIXED)
    fv = _verdict(fakes, second)
    assert (fv["verdict"], fv["code_unchanged"]) == (None, True), fv
    assert fv["carried_as"] is not None
    between = _interdiff(second)
    # main's commit is no change of the branch: not in the interdiff the seats are shown
    assert "v.py" not in between and "b * a" not in between, between
    assert "rebased" in between, between
    md = stored(fakes, second["review_id"], ".md")
    assert "claimed fixed, code unchanged" in md


def test_after_a_rebase_the_interdiff_holds_the_branchs_own_fix(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _sub_repo(tmp_path)
    run_round(fakes, repo, SUB_ROUND1)
    _move_main_and_rebase(repo)
    fixed = CALC.replace("return a * b", "return b * a").replace("a + b", "a - b  # sub")
    write(repo, "calc.py", fixed)
    commit_all(repo, "Fix sub")
    second = run_round(fakes, repo, FIXED)
    fv = _verdict(fakes, second)
    assert (fv["verdict"], fv["carried_as"]) == ("fixed", None), fv
    between = _interdiff(second)
    assert "-    return a + b  # sub\n+    return a - b  # sub" in between, between
    assert "v.py" not in between and "b * a" not in between, between


def _renamed_round1() -> str:
    return ROUND1.replace("`calc.py:3`", "`mathops.py:3`")


def test_a_finding_raised_again_at_its_renamed_file_is_carried_not_new(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    git(repo, "mv", "calc.py", "mathops.py")
    commit_all(repo, "Rename calc.py")
    second = run_round(fakes, repo, _renamed_round1())
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    [f] = data["findings"]
    assert f["carry_forward"] == "Round 1 I1, raised again", f["carry_forward"]
    assert f["locations"][0]["path"] == "mathops.py"
    assert data["round_info"]["new_findings"] == []
    fv = _verdict(fakes, second)
    assert fv["carried_as"] == f["id"] and fv["location"] == "mathops.py:3"
    prompt = (Path(second["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "Division by zero is not handled — `mathops.py:3`" in prompt
    assert "calc.py was renamed to mathops.py" in prompt


def test_a_pure_rename_leaves_a_silent_finding_open_at_its_new_path(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    git(repo, "mv", "calc.py", "mathops.py")
    commit_all(repo, "Rename calc.py")
    second = run_round(fakes, repo, NO_FINDINGS.format(summary="Looks fine."))
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    [f] = data["findings"]
    assert f["carry_forward"] == "Round 1 I1, no verdict", f["carry_forward"]
    assert str(f["locations"][0]["path"]) == "mathops.py"
    # the next round still finds it at the new path
    third = run_round(fakes, repo, _renamed_round1())
    data3 = json.loads(stored(fakes, third["review_id"], ".json"))
    assert [g["carry_forward"] for g in data3["findings"]] == ["Round 2 I1, raised again"]


def test_a_declined_finding_follows_its_renamed_file(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    git(repo, "mv", "calc.py", "mathops.py")
    commit_all(repo, "Rename calc.py")
    second = run_round(fakes, repo, _renamed_round1())
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data["findings"] == []
    [d] = data["round_info"]["declined"]
    assert (d["code_changed"], d["raised_again"]) == (False, True), d
    # the declined lines themselves changing in the renamed file reopens it
    write(repo, "mathops.py", "def div(a, b):\n    # divide\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    third = run_round(fakes, repo, _renamed_round1())
    data3 = json.loads(stored(fakes, third["review_id"], ".json"))
    [d3] = data3["round_info"]["declined"]
    assert d3["code_changed"] is True, d3
    assert [g["path"] for f in data3["findings"] for g in f["locations"]] == ["mathops.py"]


def test_a_file_whose_earlier_version_conflicts_with_the_new_base_keeps_the_plain_diff(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _sub_repo(tmp_path)
    run_round(fakes, repo, SUB_ROUND1)
    # main changes the branch's own line: the rebase conflicts, the author resolves it
    git(repo, "checkout", "-q", "main")
    write(repo, "calc.py", CALC.replace("return a + b", "return a + b  # main"))
    write(repo, "v.py", "VERSION = 2\n")
    commit_all(repo, "Main moves on")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main", check=False)
    write(repo, "calc.py", CALC.replace("return a + b", "return a - b  # sub"))
    git(repo, "add", "calc.py")
    git(repo, "-c", "core.editor=true", "rebase", "--continue")
    second = run_round(fakes, repo, FIXED)
    between = _interdiff(second)
    assert "calc.py: the earlier version does not apply cleanly to the new base" in between
    assert "-    return a + b  # sub\n+    return a - b  # sub" in between, between
    assert "v.py" not in between, between
