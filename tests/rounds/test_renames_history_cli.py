"""Renames across more than one round, through the real `deep-review` command: a finding an
earlier round closed follows its renamed file like an open one (raised again there, it is that
round's, not new), and a decline whose review's commit was rewritten away follows a rename git
sees since the previous round (its kept lines are looked for in the renamed file)."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, git, run_cli, write
from support.rounds import NO_FINDINGS, ROUND1, rewrite_history, run_round, stored

FIXED = NO_FINDINGS.format(summary="Checked the fix.") + (
    "\n## Fix Verdicts\n\n- I1: fixed — `calc.py:3` checks the divisor\n"
)


def _renamed_round1() -> str:
    return ROUND1.replace("`calc.py:3`", "`mathops.py:3`")


def test_a_finding_fixed_earlier_and_raised_again_at_its_renamed_file_is_not_new(
    tmp_path: Path,
) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0\n")
    commit_all(repo, "Check the divisor")
    second = run_round(fakes, repo, FIXED)
    data2 = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data2["findings"] == [], data2["findings"]
    git(repo, "mv", "calc.py", "mathops.py")
    commit_all(repo, "Rename calc.py")
    third = run_round(fakes, repo, _renamed_round1())
    data = json.loads(stored(fakes, third["review_id"], ".json"))
    [f] = data["findings"]
    assert f["carry_forward"] == "Round 1 I1, fixed in round 2, raised again", f
    assert data["round_info"]["new_findings"] == []
    # the seats were told of it where its code is now
    prompt = (Path(third["review_dir"]) / "prompt-alpha.md").read_text(encoding="utf-8")
    closed = prompt.split("### Closed in earlier rounds", 1)[1]
    assert "Division by zero is not handled — `mathops.py:3` — fixed in round 2" in closed, closed


def _declined_then_rewritten(tmp_path: Path) -> tuple[Fakes, Path]:
    """Round 1 with its I1 declined, the history rewritten, then round 2: its SHA exists, the
    decline's does not."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    rewrite_history(repo)
    run_round(fakes, repo, ROUND1)
    return fakes, repo


def test_a_decline_whose_commit_is_gone_follows_a_rename_since_the_previous_round(
    tmp_path: Path,
) -> None:
    fakes, repo = _declined_then_rewritten(tmp_path)
    git(repo, "mv", "calc.py", "mathops.py")
    commit_all(repo, "Rename calc.py")
    third = run_round(fakes, repo, _renamed_round1())
    data = json.loads(stored(fakes, third["review_id"], ".json"))
    assert data["findings"] == [], data["findings"]
    [d] = data["round_info"]["declined"]
    assert (d["code_changed"], d["uncompared"], d["raised_again"]) == (False, False, True), d
    md = stored(fakes, third["review_id"], ".md")
    assert "(declined, code changed)" not in md


def test_a_decline_whose_commit_and_file_are_gone_stays_declined_uncompared(
    tmp_path: Path,
) -> None:
    fakes, repo = _declined_then_rewritten(tmp_path)
    # The file moves with its lines rewritten: git sees no rename, nothing tells where it went.
    git(repo, "rm", "-q", "calc.py")
    write(repo, "mathops.py", "def quotient(x, y):\n    '''x over y'''\n    return x / y\n")
    commit_all(repo, "Rewrite calc.py as mathops.py")
    third = run_round(fakes, repo, _renamed_round1())
    data = json.loads(stored(fakes, third["review_id"], ".json"))
    [d] = data["round_info"]["declined"]
    assert (d["code_changed"], d["uncompared"]) == (False, True), d
    md = stored(fakes, third["review_id"], ".md")
    assert "(declined, code changed)" not in md
    assert "(not compared with the code" in md.split("### Declined in prior rounds", 1)[1]
