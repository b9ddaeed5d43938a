"""A branch's round 1 in which every seat failed, then round 2 (trial 51 defect 8): round 2
compares with no earlier round because round 1 reviewed nothing, and its report says so. It
does not say round 1 "finished while this one ran": round 1 had finished before it started."""

from __future__ import annotations

import json
from pathlib import Path

from fakebin.harness import Fakes
from support.rounds import ROUND1, make_branch_repo, run_round


def test_round_2_after_a_failed_round_1_says_round_1_reviewed_nothing(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    fakes.write_config({"alpha": fakes.seat("exit")})
    failed = fakes.review(repo, "--agents", "alpha")
    assert failed.returncode == 3, failed.stderr
    rid1 = failed.json()["review_id"]

    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    md = (fakes.store / f"{rid2}.md").read_text(encoding="utf-8")
    data = json.loads((fakes.store / f"{rid2}.json").read_text(encoding="utf-8"))
    assert "finished while this one ran" not in md
    said = (
        f"Every seat of review {rid1} (round 1) failed: it reviewed nothing, so this round "
        "compares with no earlier round."
    )
    assert said in md, md
    assert said in data["notes"], data["notes"]
    assert [f["id"] for f in data["findings"]] == ["I1"]
