"""Round 2 closes a prior finding only on a verdict it can read as fixed: negations (`not yet
fixed`, `Fixed? No.`), the seats' own words (`still present`, `❌`, `resolved`) and a title
repeated before the verdict are read as a person reads them; a line that cannot be read keeps
the finding open; silence closes nothing the changes did not touch; an `--uncommitted` review
is in no series. All through the real `deep-review` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import commit_all, run_cli, write
from support.rounds import (
    NO_FINDINGS,
    many_findings_repo,
    numbered_lib,
    round1_many,
    run_round,
    stored,
)

TITLES = {
    1: "Off-by-one in the page count",
    2: "Retry loop never sleeps",
    3: "Cache key ignores the locale",
    4: "Timeout is read in milliseconds",
    5: "Fixed-size buffer overflows",
    6: "Error message leaks the token",
    7: "Sort is not stable",
    8: "Negative amounts are accepted",
    9: "Lock is never released on error",
    10: "Header parsing drops duplicates",
    11: "Empty input crashes the parser",
    12: "Rounding uses float arithmetic",
    13: "Date parsed in local time",
    14: "Path join allows traversal",
    15: "Counter overflows after a day",
    16: "Fixed timeout is too short",
}

VERDICT_LINES = """- I1: not yet fixed — `lib.py:1` still returns the wrong value
- I2: isn't fixed; the loop still spins
- I3: not properly fixed — the key still omits the locale
- I4: Fixed? No. `lib.py:4` is unchanged
| I5 | Fixed-size buffer overflows | not fixed | `lib.py:5` still copies blindly |
- I6: still present — `lib.py:6` prints the token
| **I7** | ❌ Still present | `lib.py:7` |
- I8: Unfixed
- I9: remains — `lib.py:9` returns before unlocking
- I10: still open
- I11: not addressed
- I12: resolved — `lib.py:12` uses Decimal now
- I13: addressed in `lib.py:13`
| I14 | ✅ Fixed | `lib.py:14` normalises the path |
- I15: I looked at this one twice and the counter code moved around
| I16 | Fixed timeout is too short | still present | `lib.py:16` |
"""


def _by_prior(data: dict[str, Any]) -> dict[str, tuple[str | None, bool]]:
    return {
        v["prior_id"]: (v["verdict"], v["carried_as"] is not None)
        for v in data["round_info"]["fix_verdicts"]
    }


def test_fix_verdicts_are_read_with_negations_synonyms_and_titles(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = many_findings_repo(tmp_path)
    first = run_round(fakes, repo, round1_many(TITLES))
    assert len(json.loads(stored(fakes, first["review_id"], ".json"))["findings"]) == 16

    write(repo, "lib.py", numbered_lib(1))
    commit_all(repo, "Touch every function")
    text = NO_FINDINGS.format(summary="Checked the fixes.")
    second = run_round(fakes, repo, f"{text}\n## Round 2 Fix Verdicts\n\n{VERDICT_LINES}")
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    got = _by_prior(data)
    still_open = {f"I{n}": ("not fixed", True) for n in (*range(1, 12), 16)}
    closed = {f"I{n}": ("fixed", False) for n in (12, 13, 14)}
    assert got == {**still_open, **closed, "I15": (None, True)}
    tags = {f["carry_forward"] for f in data["findings"]}
    assert "Round 1 I15, verdict unreadable" in tags
    assert "Round 1 I1, not fixed" in tags
    assert data["header"]["verdict"]["label"] == "Merge with fixes"
    md = stored(fakes, second["review_id"], ".md")
    section = md.split("## Round 2 Fix Verdicts", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in section.splitlines() if line.startswith("| I15."))
    assert "| verdict unreadable |" in row
    assert "Alpha: unreadable — “I15: I looked at this one twice" in row


def test_a_seat_silent_on_an_unchanged_sha_closes_nothing(tmp_path: Path) -> None:
    """Round 2 reviews the same SHA and its seat says nothing about I1: the code did not
    change, so its silence is no word on I1, which stays open."""
    fakes, repo, _ = first_round(tmp_path)
    second = run_round(fakes, repo, NO_FINDINGS.format(summary="Looks fine."))
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, no verdict"]
    assert data["header"]["verdict"]["label"] == "Merge with fixes"


def test_silence_closes_nothing_when_the_changes_miss_the_findings_file(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "README.md", "Notes.\n")
    commit_all(repo, "Add notes")
    second = run_round(fakes, repo, NO_FINDINGS.format(summary="Looks fine."))
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, no verdict"]


def test_silence_on_changed_code_closes_and_the_summary_counts_it(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, NO_FINDINGS.format(summary="Looks fine."))
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    assert data["findings"] == []
    assert "1 from round 1 closed without a verdict" in data["executive_summary"]


def test_an_uncommitted_review_is_in_no_round_series(tmp_path: Path) -> None:
    """An `--uncommitted` review of work in progress has no round; it neither closes
    the branch's findings nor counts as one of the branch's rounds."""
    fakes, repo, first = first_round(tmp_path)
    write(repo, "notes.txt", "# wip\n")
    review_file = fakes.tmp / "silent.md"
    review_file.write_text(NO_FINDINGS.format(summary="Looks fine."), encoding="utf-8")
    fakes.write_config({"alpha": fakes.seat("ok", "--review-file", str(review_file))})
    res = fakes.review(repo, "--uncommitted", "--agents", "alpha", "--format", "md")
    assert res.returncode == 0, res.stderr
    wip = json.loads(stored(fakes, res.json()["review_id"], ".json"))
    assert wip["round_info"] is None
    assert "**Round**" not in stored(fakes, res.json()["review_id"], ".md")
    # Trial 44: `list --json` put it in the branch's series, as a script grouping rounds reads
    listed = run_cli(["list", "--json"], cwd=repo, env=fakes.env()).json()["reviews"]
    wip_row = next(r for r in listed if r["id"] == res.json()["review_id"])
    assert (wip_row["series"], wip_row["round"]) == ("", None), wip_row
    declined = run_cli(["decline", wip_row["id"], "I1", "--reason", "x"], cwd=repo, env=fakes.env())
    assert declined.returncode == 2 and "no series" in declined.stderr, declined.stderr
    (repo / "notes.txt").unlink()

    again = run_round(fakes, repo, NO_FINDINGS.format(summary="Looks fine."))
    data = json.loads(stored(fakes, again["review_id"], ".json"))
    assert data["round_info"]["number"] == 2
    assert data["round_info"]["previous_review_id"] == first["review_id"]
    assert [f["carry_forward"] for f in data["findings"]] == ["Round 1 I1, no verdict"]
    assert "| **Round** | 2 (of feature) |" in stored(fakes, again["review_id"], ".md")
