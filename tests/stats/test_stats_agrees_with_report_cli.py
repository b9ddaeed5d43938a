"""`stats` says what the stored reports say, through the real command.

A finding carried over from an earlier round is not a new insight of this round (the report's
retro counts it nowhere), nor is one a seat raises again after an earlier round reported it
(the retro credits it as re-raised, apart from the seat's unique insights); a seat that answers
an error message instead of a review fails as "unparseable review" and is counted so, and a
filter that matches no review says so instead of asking for a first review.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

from stats_kit import FIXTURES

from deepreview.findings.report_retro import count_insights
from deepreview.store.history import FACTS_VERSION
from fakebin.harness import Fakes
from support.repos import commit_all, make_repo, run_cli, write

# a review with one important finding (I1, `shout` at util/strings.py:2)
ONE_FINDING = (FIXTURES / "review-truthful.md").read_text(encoding="utf-8")
# round 2: no new finding, and I1 of round 1 judged still open
NOT_FIXED = """## Executive Summary

The follow-up commit leaves `shout` as it was.

## Findings

No issues found.

## Round 2 Fix Verdicts

- I1: not fixed — `util/strings.py:2` still calls `.upper()` on `None`
"""
# round 2 by the seat that was silent in round 1: round 1's I1 again, and one new finding
RERAISED_AND_NEW = ONE_FINDING.replace(
    "### Suggestions\n\nNone.",
    "### Suggestions\n\n"
    + (FIXTURES / "review-pricey.md").read_text(encoding="utf-8").split("### Suggestions\n\n")[1],
)
CLEAN = """## Executive Summary

Nothing wrong with the two helpers.

## Findings

No issues found.
"""


def _review(fakes: Fakes, repo: Path, claude: dict[str, Any], codex: dict[str, Any]) -> None:
    fakes.agent("claude", claude)
    fakes.agent("codex", codex)
    res = fakes.review(repo, "--agents", "claude,codex", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr


def _stats(fakes: Fakes, repo: Path, *args: str) -> dict[str, Any]:
    res = run_cli(["stats", "--json", *args], cwd=repo, env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = res.json()
    return data


def _row(data: dict[str, Any], seat: str) -> dict[str, Any]:
    (row,) = [s for s in data["seats"] if s["seat"] == seat]
    return row


def test_a_finding_carried_from_round_one_is_no_new_unique_insight(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    _review(fakes, repo, {"review": ONE_FINDING}, {"review": CLEAN})
    write(repo, "README.md", "calc and strings helpers\n")
    commit_all(repo, "docs: say what the helpers are")
    _review(fakes, repo, {"review": NOT_FIXED}, {"review": NOT_FIXED})
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    latest = listed.json()["reviews"][0]["id"]
    shown = run_cli(["show", latest], cwd=repo, env=fakes.env()).stdout
    # the report: I1 carried from round 1, and no seat has a unique insight this round
    assert "(Round 1 I1, not fixed)" in shown
    (unique_row,) = [ln for ln in shown.splitlines() if ln.startswith("| Unique insights")]
    assert unique_row.replace(" ", "") == "|Uniqueinsights|0|0|", unique_row
    claude = _row(_stats(fakes, repo), "claude")
    # round 1's I1 once; round 2 raised nothing new
    assert (claude["reviews"], claude["raised"], claude["unique_insights"]) == (2, 1, 1)


def _reraised_round(fakes: Fakes, repo: Path) -> str:
    """Round 1: claude raises `shout` (I1). Round 2, on a commit that leaves it as it was: only
    codex raises it again, with one new finding (S1). The round 2 review's ID."""
    _review(fakes, repo, {"review": ONE_FINDING}, {"review": CLEAN})
    write(repo, "README.md", "calc and strings helpers\n")
    commit_all(repo, "docs: say what the helpers are")
    _review(fakes, repo, {"review": CLEAN}, {"review": RERAISED_AND_NEW})
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env())
    latest: str = listed.json()["reviews"][0]["id"]
    return latest


def test_a_finding_raised_again_by_another_seat_is_no_new_unique_insight(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    latest = _reraised_round(fakes, repo)
    shown = run_cli(["show", latest], cwd=repo, env=fakes.env()).stdout
    assert "(Round 1 I1, raised again)" in shown
    (unique_row,) = [ln for ln in shown.splitlines() if ln.startswith("| Unique insights")]
    claude_cell, codex_cell = [c.strip() for c in unique_row.split("|")[2:4]]
    # the new finding is codex's unique insight; round 1's I1 is credited as re-raised
    assert claude_cell == "0", unique_row
    assert codex_cell == (
        "[S1](#s1) (No test covers `sub`); re-raised from round 1: "
        "[I1](#i1) (`shout` raises on `None`)"
    ), codex_cell
    assert count_insights(codex_cell) == 1, codex_cell
    codex_story = shown.split("### [Codex]", 1)[1].split("\n### ", 1)[0]
    assert "Only Codex found [S1](#s1) (No test covers `sub`)." in codex_story, codex_story
    assert (
        "Codex alone raised again what round 1 reported: "
        "[I1](#i1) (`shout` raises on `None`; Round 1 I1)" in codex_story
    )
    # the JSON report says the same in numbers
    record = run_cli(["show", latest, "--format", "json"], cwd=repo, env=fakes.env()).json()
    seats = {s["seat"]: s for s in record["retro"]["seats"]}
    assert (seats["codex"]["unique_ids"], seats["codex"]["reraised_ids"]) == (["S1"], ["I1"])
    numbers = {seat: s["numbers"] for seat, s in seats.items()}
    assert (numbers["codex"]["unique_insights"], numbers["codex"]["reraised"]) == (1, 1)
    assert (numbers["claude"]["unique_insights"], numbers["claude"]["reraised"]) == (0, 0)
    # and so does stats: claude's I1 of round 1, codex's S1 of round 2 and its I1 re-raised
    data = _stats(fakes, repo)
    claude, codex = _row(data, "claude"), _row(data, "codex")
    assert (claude["raised"], claude["unique_insights"], claude["reraised"]) == (1, 1, 0)
    assert (codex["raised"], codex["unique_insights"], codex["reraised"]) == (2, 1, 1)
    env = fakes.env(agents=True)
    table = run_cli(["stats", "--csv"], cwd=repo, env=env).stdout
    (row,) = [r for r in csv.DictReader(io.StringIO(table)) if r["seat"] == "codex"]
    assert (row["unique_insights"], row["reraised"]) == ("1", "1")
    text = run_cli(["stats"], cwd=repo, env=env).stdout
    assert "1 (+1 re-raised)" in text, text


def test_a_report_from_before_reraised_findings_were_told_apart_is_counted_again(
    tmp_path: Path,
) -> None:
    """A round 2 stored by an older deep-review counted codex's re-raised I1 as a unique
    insight, and its facts were cached so: stats reads the report again and leaves it out."""
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    latest = _reraised_round(fakes, repo)
    path = fakes.store / f"{latest}.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    for seat in record["retro"]["seats"]:
        if seat["seat"] == "codex":
            del seat["unique_ids"], seat["reraised_ids"], seat["numbers"]["reraised"]
            seat["numbers"]["unique_insights"] = 2
            seat["cells"] = [
                [row, "I1 (shout), S1 (sub)" if row == "Unique insights" else cell]
                for row, cell in seat["cells"]
            ]
    path.write_text(json.dumps(record), encoding="utf-8")
    db = sqlite3.connect(fakes.store / "index.sqlite")
    with db:
        # the facts an older version cached: codex's I1 counted as unique
        rows = db.execute("SELECT rowid, data FROM seat_facts WHERE seat = 'codex'").fetchall()
        for rowid, data in rows:
            old = json.loads(data)
            old.pop("reraised", None)
            old["unique_insights"] += old["important"]
            db.execute(
                "UPDATE seat_facts SET version = 3, data = ? WHERE rowid = ?",
                (json.dumps(old), rowid),
            )
    db.close()
    codex = _row(_stats(fakes, repo), "codex")
    assert (codex["unique_insights"], codex["reraised"]) == (1, 1)
    db = sqlite3.connect(fakes.store / "index.sqlite")
    versions = db.execute("SELECT DISTINCT version FROM seat_facts").fetchall()
    db.close()
    assert versions == [(FACTS_VERSION,)]


def test_a_seat_answering_an_error_message_counts_as_unparseable(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    error = "Error: quota exceeded for this model. Please try again later."
    _review(fakes, repo, {"review": ONE_FINDING}, {"review": error})
    run = run_cli(["list", "--json"], cwd=repo, env=fakes.env()).json()
    assert run["reviews"], run
    codex = _row(_stats(fakes, repo), "codex")
    assert (codex["unparseable"], codex["crashes"], codex["timeouts"]) == (1, 0, 0)


def test_a_filter_matching_no_review_says_so(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = make_repo(tmp_path)
    _review(fakes, repo, {"review": ONE_FINDING}, {"review": CLEAN})
    env = fakes.env(agents=True)
    for args in (["--since", "2999-01-01"], ["--series", "nosuch"]):
        res = run_cli(["stats", *args], cwd=repo, env=env)
        assert res.returncode == 0, res.stderr
        text = " ".join(res.stdout.split())
        assert "Run `deep-review review` first" not in text, text
        assert "No review matches" in text and "the store holds 1 complete review" in text, text
        notes = _stats(fakes, repo, *args)["notes"]
        assert not any("run `deep-review review` first" in n for n in notes), notes
        assert any("No review matches" in n for n in notes), notes
