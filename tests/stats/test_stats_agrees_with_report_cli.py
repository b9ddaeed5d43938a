"""`stats` says what the stored reports say, through the real command.

A finding carried over from an earlier round is not a new insight of this round (the report's
retro counts it nowhere), a seat that answers an error message instead of a review fails as
"unparseable review" and is counted so, and a filter that matches no review says so instead of
asking for a first review.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stats_kit import FIXTURES

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
