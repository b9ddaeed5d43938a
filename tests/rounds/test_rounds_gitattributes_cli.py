"""A change's `.gitattributes` cannot hide lines from a later round either.

The review's own diff ignores attributes (`targets.attributes`), but a round's interdiff and
the check whether a declined finding's lines changed still ran a plain `git diff` in the
user's checkout: with the branch's `calc.py -diff` there, the interdiff was "Binary files …
differ" (the seats saw no line of what changed since round 1) and a declined finding's changed
lines read as unchanged (no hunk to compare with), so it stayed declined.
"""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored


def _hiding_repo(fakes: Fakes) -> Path:
    """`make_branch_repo` whose branch also marks `calc.py -diff` (checked out)."""
    repo = make_branch_repo(fakes.tmp)
    write(repo, ".gitattributes", "calc.py -diff\n")
    commit_all(repo, "Hide calc.py from git diff")
    return repo


def test_a_rounds_interdiff_shows_a_file_the_change_marks_not_to_diff(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _hiding_repo(fakes)
    run_round(fakes, repo, ROUND1)
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Handle a zero divisor")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    prompt = (fakes.store / rid2 / "prompt-alpha.md").read_text(encoding="utf-8")
    later = prompt.split("## A later round: what changed since round 1", 1)[1]
    assert "+    return a / b if b else 0.0" in later
    assert "Binary files" not in later


def test_a_declined_finding_on_such_a_file_sees_its_lines_change(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = _hiding_repo(fakes)
    rid1 = run_round(fakes, repo, ROUND1)["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    data = json.loads(stored(fakes, rid2, ".json"))
    assert data["round_info"]["declined"][0]["code_changed"] is True
    assert "(declined, code changed)" in stored(fakes, rid2, ".md")
