"""A declined finding open again (its code changed, a seat raised it) is an open finding like
any other in the rounds after: carried, judged by the seats' verdicts, named as still open
when a round reviewed nothing."""

from __future__ import annotations

import json
from pathlib import Path

from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import NO_FINDINGS, ROUND1, run_round, stored

NOT_FIXED = NO_FINDINGS.format(summary="Nothing new.") + (
    "\n## Fix Verdicts\n\n- I1: not fixed — `calc.py:3` still divides without a check\n"
)


def test_a_reopened_declined_finding_is_carried_and_judged(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    rid2 = run_round(fakes, repo, ROUND1)["review_id"]
    assert "(declined, code changed)" in stored(fakes, rid2, ".md")

    # Round 3, the same SHA: the seat answers the verdict it was asked for.
    rid3 = run_round(fakes, repo, NOT_FIXED)["review_id"]
    data = json.loads(stored(fakes, rid3, ".json"))
    titles = {f["title"]: f["carry_forward"] for f in data["findings"]}
    assert titles == {"Division by zero is not handled": "Round 2 I1, not fixed"}, titles
    verdicts = data["round_info"]["fix_verdicts"]
    assert [(v["prior_id"], v["verdict"]) for v in verdicts] == [("I1", "not fixed")]
    md = stored(fakes, rid3, ".md")
    assert "no reviewer raised it again" not in md
    # The seat gave a verdict and raised nothing: the Declined entry says so.
    declined = md.split("### Declined in prior rounds", 1)[1].split("\n#", 1)[0]
    assert "raised again" not in declined, declined
    assert "(still open from round 2 as I1; seats: not fixed)" in declined, declined
    [entry] = data["round_info"]["declined"]
    assert entry["raised_again"] is False, entry

    # Round 4: every seat fails; round 3's open finding is named as still open.
    fakes.write_config({"alpha": fakes.seat("exit")})
    res = fakes.review(repo, "--agents", "alpha", "--format", "md")
    assert res.returncode == 3, res.stderr
    md4 = stored(fakes, res.json()["review_id"], ".md")
    still = md4.split("## Still open from round 3", 1)[1].split("\n## ", 1)[0]
    assert "**Division by zero is not handled** — `calc.py:3`" in still, still
