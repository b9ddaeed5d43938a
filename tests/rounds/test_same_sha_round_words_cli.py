"""A second round of the very SHA the first reviewed (a review run again with nothing
committed between) said "Round 2 reviewed the changes since round 1" under a header note that
nothing changed: there were no changes since. The line says the round read the same SHA."""

from __future__ import annotations

from pathlib import Path

from support.printing_seats import one_stored_review
from support.repos import git, run_cli

FINDING = (
    "## Findings\n\n### Important Issues\n\n"
    "- **[I1] `sub` subtracts in the wrong order** — `calc.py:6`\n"
    "  `sub(3, 1)` returns -2.\n"
)


def _round_two(tmp: Path, commit_between: bool) -> str:
    repo, env, first = one_stored_review(tmp, FINDING)
    if commit_between:
        (repo / "notes.txt").write_text("later\n", encoding="utf-8")
        git(repo, "add", "notes.txt")
        git(repo, "commit", "-q", "-m", "Add notes")
    res = run_cli(["review", "--agents", "canned", "--lead", "none", "--json"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.json()
    assert out["round"]["number"] == 2 and out["round"]["previous_review_id"] == first
    return Path(out["paths"]["md"]).read_text(encoding="utf-8")


def test_a_round_of_the_same_sha_says_it(tmp_path: Path) -> None:
    md = _round_two(tmp_path, commit_between=False)
    section = md.split("## Round 2 Fix Verdicts", 1)[1]
    line = section.strip().splitlines()[0]
    assert "reviewed the changes since" not in line, line
    assert line.startswith("Round 2 reviewed the same SHA as round 1 ("), line
    assert "nothing changed since" in line, line


def test_a_round_after_a_commit_keeps_its_words(tmp_path: Path) -> None:
    md = _round_two(tmp_path, commit_between=True)
    section = md.split("## Round 2 Fix Verdicts", 1)[1]
    assert section.strip().startswith("Round 2 reviewed the changes since round 1 ("), section
