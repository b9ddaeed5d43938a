"""`decline` / `declines` / `undecline` through the real command, and what later rounds do with
a declined finding."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import ROUND1, make_branch_repo, run_round, stored

REASON = "by design: callers validate the divisor"


def test_declined_finding_moves_to_declined_until_its_code_changes(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    res = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert f"Declined I1 (Division by zero is not handled) of {rid1}" in res.stdout

    listed = run_cli(["declines", "--series", "branch:feature"], cwd=repo, env=fakes.env())
    assert f"branch:feature  repo  {rid1} I1  calc.py:3" in listed.stdout
    # the bare branch name, as `stats --series` takes it
    listed = run_cli(["declines", "--series", "feature"], cwd=repo, env=fakes.env())
    assert f"branch:feature  repo  {rid1} I1  calc.py:3" in listed.stdout
    other = run_cli(["declines", "--series", "#7"], cwd=repo, env=fakes.env())
    assert other.stdout.strip() == "No declined findings in series pr:7 of repository repo."

    # Round 2: an unrelated change; the seat raises the same finding again.
    write(repo, "notes.txt", "unrelated\n")
    commit_all(repo, "Add notes")
    second = run_round(fakes, repo, ROUND1)
    md = stored(fakes, second["review_id"], ".md")
    important = md.split("## Important Issues", 1)[1].split("## Suggestions", 1)[0]
    assert "None." in important and "Division by zero" not in important
    declined = md.split("### Declined in prior rounds", 1)[1]
    assert f"**Division by zero is not handled** — `calc.py:3` — declined round 1: {REASON}" in (
        declined
    )
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data["header"]["verdict"]["label"] == "Merge as-is"
    assert data["round_info"]["declined"][0]["code_changed"] is False
    # the summary counts what the report holds: the declined finding is not among them
    summary = data["executive_summary"]
    assert "consolidated into" not in summary, summary
    assert "This round's report holds no findings: 1 declined in an earlier round left out." in (
        summary
    )
    assert summary.endswith("Verdict: Merge as-is — no issues found.")
    # raising a declined finding again is no unique insight of the seat: it confirms round 1
    # (no link: the finding is left out of this report)
    assert (
        "| Unique insights | 0 (no other model reviewed); "
        "re-raised from round 1: I1 (Division by zero is not handled) |" in md
    )

    # Round 3: the code under the finding changed: it is reported again, tagged.
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return (a / b)\n")
    commit_all(repo, "Parenthesise")
    third = run_round(fakes, repo, ROUND1)
    md3 = stored(fakes, third["review_id"], ".md")
    assert "(declined, code changed)" in md3.split("## Important Issues", 1)[1]
    assert "| **Round** | 3 (of feature) |" in md3
    assert (
        "| Unique insights | 0 (no other model reviewed); "
        "re-raised from round 1: [I1](#i1) (Division by zero is not handled) |" in md3
    )
    data3 = json.loads(stored(fakes, third["review_id"], ".json"))
    assert data3["header"]["verdict"]["label"] == "Merge with fixes"

    res = run_cli(["undecline", rid1, "I1"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr
    assert run_cli(["declines"], cwd=repo, env=fakes.env()).stdout.strip() == (
        "No declined findings of repository repo."
    )


def test_bad_decline_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    env = fakes.env()
    cases = {
        ("decline", "20200101-000000-nope", "I1", "--reason", "x"): "no review",
        ("decline", rid1, "I9", "--reason", "x"): "has no finding I9; its findings: I1",
        ("decline", rid1, "I1", "--reason", "x", "--series", "pr:7"): "belongs to series",
        ("undecline", rid1, "I1"): "no decline of I1",
    }
    for args, message in cases.items():
        res = run_cli(list(args), cwd=repo, env=env)
        assert res.returncode == 2, (args, res.stderr)
        assert message in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_a_store_from_before_declines_is_migrated(tmp_path: Path) -> None:
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    # Make the index look like one written before declines existed (and so before the
    # migrations that came after them).
    db = sqlite3.connect(fakes.store / "index.sqlite")
    with db:
        db.execute("DROP TABLE declines")
        db.execute("ALTER TABLE reviews DROP COLUMN repo_key")
        db.execute(
            "DELETE FROM _migrations WHERE name IN"
            " ('m005_declines', 'm008_repository', 'm010_decline_lines',"
            " 'm011_decline_text')"
        )
    db.close()
    res = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr


CALC = "def add(a, b):\n    return a - b\n\ndef div(a, b):\n    return a / b\n"
ADD_SUBTRACTS = """I1. **`add` subtracts** — `calc.py:2` (important, regression)

`return a - b`: the sum is now a difference."""
NO_DOCSTRING = """S1. **`div` lacks a docstring** — `calc.py:4` (suggestion, gap)

Add a docstring."""


def _review(important: str, suggestions: str, verdicts: str = "") -> str:
    text = (
        "## Executive Summary\n\nArithmetic helpers.\n\n## Findings\n\n### Critical Issues\n\n"
        f"None.\n\n### Important Issues\n\n{important}\n\n### Suggestions\n\n{suggestions}\n"
    )
    return f"{text}\n## Fix Verdicts\n\n{verdicts}\n" if verdicts else text


def _calc_repo(root: Path) -> Path:
    repo = make_branch_repo(root)
    write(repo, "calc.py", CALC)
    commit_all(repo, "add subtracts, div")
    return repo


def _round(fakes: Fakes, repo: Path, review: str) -> tuple[dict[str, Any], str]:
    rid = run_round(fakes, repo, review)["review_id"]
    return json.loads(stored(fakes, rid, ".json")), stored(fakes, rid, ".md")


def _open_findings(md: str) -> str:
    return md.split("## Critical Issues", 1)[1].split("## Acknowledged Limitations", 1)[0]


def test_a_declined_finding_stays_declined_until_a_seat_raises_it_on_changed_lines(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = _calc_repo(tmp_path)
    rid1 = run_round(fakes, repo, _review(ADD_SUBTRACTS, NO_DOCSTRING))["review_id"]
    res = run_cli(["decline", rid1, "S1", "--reason", "by design"], cwd=repo, env=fakes.env())
    assert res.returncode == 0, res.stderr

    # Round 2: line 2 is fixed (two lines above the declined one); the seat raises S1 again.
    write(repo, "calc.py", CALC.replace("a - b", "a + b"))
    commit_all(repo, "Fix add")
    data, md = _round(fakes, repo, _review("None.", NO_DOCSTRING, "- I1: fixed — `a + b`"))
    assert "docstring" not in _open_findings(md), md
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert (declined["prior_id"], declined["code_changed"]) == ("S1", False)
    assert "**`div` lacks a docstring** — `calc.py:4` — declined round 1: by design" in md
    assert (
        "This round's report holds no findings: 1 from round 1 fixed and closed (round 1's I1)"
        " and 1 declined in an earlier round left out." in (data["executive_summary"])
    )

    # Round 3: nothing changed, no seat raises it: still declined, not an open finding.
    data, md = _round(fakes, repo, _review("None.", "None."))
    assert "Nothing changed since the previous round" in md
    assert "docstring" not in _open_findings(md), md
    assert data["findings"] == []
    assert data["round_info"]["declined"][0]["code_changed"] is False

    # Round 4: the declined line itself changes; no seat raises it: still no open finding, and
    # the Declined note says its code changed.
    write(repo, "calc.py", CALC.replace("a - b", "a + b").replace("div(a, b)", "div(a, b=1)"))
    commit_all(repo, "Default divisor")
    data, md = _round(fakes, repo, _review("None.", "None."))
    assert "docstring" not in _open_findings(md), md
    assert data["findings"] == []
    [declined] = data["round_info"]["declined"]
    assert (declined["code_changed"], declined["raised_again"]) == (True, False)
    assert (
        "**`div` lacks a docstring** — `calc.py:4` — declined round 1: by design (the code "
        "there changed since; no reviewer raised it again)"
    ) in md

    # Round 5: a seat raises it on the changed line: open again, tagged, and counted.
    data, md = _round(fakes, repo, _review("None.", NO_DOCSTRING))
    assert "(declined, code changed)" in _open_findings(md)
    assert [f["carry_forward"] for f in data["findings"]] == ["declined, code changed"]
    summary = data["executive_summary"]
    assert (
        "This round's report holds 1 finding (0 critical issues, 0 important issues, "
        "1 suggestion): 1 declined in an earlier round, raised again on code changed since."
    ) in summary, summary


def test_relead_of_a_review_with_declined_findings_is_refused_without_force(
    tmp_path: Path,
) -> None:
    """A decline names the review's finding by its ID; a new lead may renumber the findings, so
    the decline would then name another one (trial 27)."""
    fakes, repo, first = first_round(tmp_path)
    rid1 = first["review_id"]
    declined = run_cli(["decline", rid1, "I1", "--reason", REASON], cwd=repo, env=fakes.env())
    assert declined.returncode == 0, declined.stderr
    res = run_cli(["relead", rid1, "--lead", "none"], cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    assert (
        f"review {rid1} has declined findings (I1), named by IDs a new lead may renumber; "
        f"undecline them first (`deep-review undecline {rid1} I1`), or pass --force"
    ) in res.stderr
    forced = run_cli(["relead", rid1, "--lead", "none", "--force"], cwd=repo, env=fakes.env())
    assert forced.returncode == 0, forced.stderr
