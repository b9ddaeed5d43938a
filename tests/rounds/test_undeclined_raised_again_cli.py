"""A finding declined in round 1, raised again in round 2 (left out as declined), undeclined,
and raised again in round 3 is round 1's finding, not a new one: its tag says where it comes
from, the summary does not count it as new, and the retro calls it a confirmation (trial 58b,
defect 7)."""

from __future__ import annotations

import json
from pathlib import Path

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, run_round, stored


def test_an_undeclined_finding_raised_again_is_no_new_finding(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    env = fakes.env()
    rid1 = first["review_id"]
    assert run_cli(["decline", rid1, "I1", "--reason", "x"], cwd=repo, env=env).returncode == 0

    write(repo, "notes.txt", "one\n")
    commit_all(repo, "Add notes")
    md2 = stored(fakes, run_round(fakes, repo, ROUND1)["review_id"], ".md")
    assert "left out as declined" in md2
    res = run_cli(["undecline", rid1, "I1"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr

    write(repo, "notes.txt", "two\n")
    commit_all(repo, "Edit notes")
    rid3 = run_round(fakes, repo, ROUND1)["review_id"]
    md3 = stored(fakes, rid3, ".md")
    important = md3.split("## Important Issues", 1)[1].split("## Suggestions", 1)[0]
    assert (
        "(important, regression) (Round 1 I1, declined then undeclined, raised again)" in important
    ), important
    assert "(new)" not in important
    data = json.loads(stored(fakes, rid3, ".json"))
    assert data["round_info"]["new_findings"] == []
    summary = data["executive_summary"]
    assert "1 declined then undeclined, raised again" in summary, summary
    assert "new" not in summary.split("Verdict:", 1)[0], summary
    assert "re-raised from round 1: [I1](#i1)" in md3
