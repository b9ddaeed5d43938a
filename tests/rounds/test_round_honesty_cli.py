"""What a round's report credits to whom, through the real `deep-review` command (trial 30):
a decline recorded on round N applies to later rounds, not to round N's own report; a round in
which every seat failed reviewed nothing; a static-only round does not pass carried model
findings off as what the static checks found."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import run_cli
from support.rounds import ROUND1, make_branch_repo, run_round, stored

REASON = "by design: callers validate the divisor"
# Round 1 of `make_branch_repo`: I1 on calc.py:3 and a suggestion S1 on calc.py:1.
WITH_SUGGESTION = (
    ROUND1.rsplit("### Suggestions", 1)[0]
    + "### Suggestions\n\nS1. **Name the divisor** — `calc.py:1` (suggestion)\n\nCall it "
    "`divisor`.\n"
)
ONLY_SUGGESTION = (
    "## Executive Summary\n\nFine.\n\n## Findings\n\n### Critical Issues\n\nNone.\n\n"
    "### Important Issues\n\nNone.\n\n### Suggestions"
    + WITH_SUGGESTION.split("### Suggestions", 1)[1]
)


def _data(fakes: Fakes, rid: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(stored(fakes, rid, ".json"))
    return data


def test_a_decline_recorded_on_a_round_leaves_that_rounds_own_relead_alone(
    tmp_path: Path,
) -> None:
    fakes, repo, _ = first_round(tmp_path)
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    assert _data(fakes, rid2)["header"]["verdict"]["label"] == "Merge with fixes"
    env = fakes.env()
    declined = run_cli(["decline", rid2, "I1", "--reason", REASON], cwd=repo, env=env)
    assert declined.returncode == 0, declined.stderr

    res = run_cli(["relead", rid2, "--force", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    data = _data(fakes, rid2)
    # Round 2's own finding stays in round 2's report, as round 1's would in round 1's.
    assert [f["id"] for f in data["findings"]] == ["I1"]
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    assert data["round_info"]["declined"] == []
    md = stored(fakes, rid2, ".md")
    assert "Declined in prior rounds" not in md
    assert "left out" not in data["executive_summary"]
    listed = run_cli(["declines"], cwd=repo, env=env)
    assert f"{rid2} I1  calc.py:3" in listed.stdout, listed.stdout
    assert "no longer in its report" not in listed.stdout

    # The next round leaves it out: declined in round 2.
    rid3 = run_round(fakes, repo, ROUND1)["review_id"]
    data3 = _data(fakes, rid3)
    assert data3["findings"] == []
    assert [d["declined_round"] for d in data3["round_info"]["declined"]] == [2]


def test_a_round_in_which_every_seat_failed_reports_no_findings_of_its_own(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    rid1 = run_round(fakes, repo, WITH_SUGGESTION)["review_id"]
    env = fakes.env()
    declined = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=env)
    assert declined.returncode == 0, declined.stderr

    fakes.write_config({"alpha": fakes.seat("exit")})
    res = fakes.review(repo, "--agents", "alpha", "--format", "sarif")
    assert res.returncode == 3, res.stderr
    rid2 = res.json()["review_id"]
    data = _data(fakes, rid2)
    assert data["header"]["verdict"]["label"] == "Failed"
    assert data["findings"] == []
    sarif = json.loads(stored(fakes, rid2, ".sarif"))
    assert sarif["runs"][0]["results"] == []
    row = next(
        r
        for r in json.loads(run_cli(["list", "--json"], cwd=repo, env=env).stdout)["reviews"]
        if r["id"] == rid2
    )
    assert (row["critical"], row["important"], row["suggestions"]) == (0, 0, 0)
    # What is still open is named as round 1's, not as this review's.
    md = stored(fakes, rid2, ".md")
    suggestions = md.split("## Suggestions", 1)[1].split("\n## ", 1)[0]
    assert "Name the divisor" not in suggestions
    still = md.split("## Still open from round 1", 1)[1].split("\n## ", 1)[0]
    assert "- S1. **Name the divisor** — `calc.py:1` (suggestion)" in still, still
    assert "Division by zero" not in still  # declined in round 1
    assert "1 finding of round 1 stays open" in data["executive_summary"]
    assert "holds 1 finding" not in data["executive_summary"]

    # The next round still knows round 1's open suggestion (a failed round reviewed nothing).
    rid3 = run_round(fakes, repo, ROUND1)["review_id"]
    data3 = _data(fakes, rid3)
    tags = {f["title"]: f["carry_forward"] for f in data3["findings"]}
    assert tags == {"Name the divisor": "Round 1 S1, no verdict"}, tags
    # Its seats were asked about round 1, and not told a number the report does not have (the
    # report is round 3: round 2 was handed out to the failed review).
    prompt = (fakes.store / rid3 / "prompt-alpha.md").read_text(encoding="utf-8")
    assert "## A later round: what changed since round 1" in prompt
    assert "round 2" not in prompt.lower(), prompt
    assert data3["round_info"]["number"] == 3


def _static_round_after(tmp_path: Path, round1: str) -> dict[str, Any]:
    """Round 1 with a model seat answering `round1`, then round 2 with the static seat alone:
    round 2's report."""
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    run_round(fakes, repo, round1)
    res = fakes.review(repo, "--agents", "static", "--format", "md")
    assert res.returncode == 0, res.stderr
    return _data(fakes, res.json()["review_id"])


def test_static_only_verdict_does_not_credit_carried_findings_to_static(
    tmp_path: Path,
) -> None:
    data = _static_round_after(tmp_path, ONLY_SUGGESTION)
    verdict = data["header"]["verdict"]
    assert verdict["label"] == "No model review"
    assert verdict["reason"] == (
        "static checks found nothing; S1 still open from round 1 (optional)"
    ), verdict


def test_static_only_verdict_says_a_carried_important_finding_is_carried(
    tmp_path: Path,
) -> None:
    """Round 1's model seat raises I1 (important); round 2 runs the static seat alone, which
    finds nothing. The verdict said "I1 needs attention" as if the static checks had found it:
    it says I1 is still open from round 1, not found by this round's static checks."""
    data = _static_round_after(tmp_path, ROUND1)
    verdict = data["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes"
    assert verdict["reason"] == (
        "I1 needs attention; I1 still open from round 1, not found by this round's static "
        "checks; no model reviewed this change (static checks only)"
    ), verdict
    summary = data["executive_summary"]
    assert "1 still open from round 1" in summary, summary
    assert "not found by this round's static checks" in summary, summary
