"""`deep-review review BRANCH` reviews that branch against its base, as a bare `review` would
with the branch checked out, in the same round series (README, Rounds). Through the real
command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import git, run_cli
from support.rounds import NO_FINDINGS, make_branch_repo, stored


def test_review_of_a_branch_by_name_continues_its_series(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    git(repo, "checkout", "-q", "main")  # reviewing `feature` needs no checkout of it

    review_file = fakes.tmp / "round2.md"
    review_file.write_text(NO_FINDINGS.format(summary="Nothing new."), encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "feature", "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    second = res.json()
    # Named after the branch; `-2` when round 1 was stored in the same second (store.py).
    assert re.fullmatch(r"\d{8}-\d{6}-feature(?:-2)?", second["review_id"])
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data["header"]["round"] == "2 (of feature)"
    assert data["header"]["branch"] == "feature"
    assert data["round_info"]["previous_review_id"] == first["review_id"]
    assert [c["sha"] for c in data["header"]["commits"]] == [
        git(repo, "rev-parse", "--short=7", "feature")
    ]
    # the user's checkout is left as it was
    assert git(repo, "symbolic-ref", "--short", "HEAD") == "main"

    # --base names the base of a branch named on the command line too
    res = fakes.review(repo, "feature", "--base", "main", "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    third = json.loads(stored(fakes, res.json()["review_id"], ".json"))
    assert third["header"]["round"] == "3 (of feature)"


def test_a_name_that_is_no_branch_is_bad_input(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    res = run_cli(["review", "nosuch", "--agents", "static"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert "nosuch" in line and "branch" in line
    # a branch with nothing to review against its base says so, as a bare review does
    res = run_cli(["review", "main", "--agents", "static"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert "nothing to review: branch main has no changes" in res.stderr
