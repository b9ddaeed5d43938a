"""Round 2's `Fix Verdicts` show what each seat wrote next to our reading of it, quoted and
escaped, in Markdown, JSON and HTML; and no hedged, struck-out, questioned or mixed verdict
closes a prior finding. All through the real `deep-review` command."""

from __future__ import annotations

import json
from pathlib import Path

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

EMPTY = NO_FINDINGS.format(summary="Checked the fixes.") + "\n## Round 2 Fix Verdicts\n\n"


def _section(md: str) -> str:
    return md.split("## Round 2 Fix Verdicts", 1)[1].split("\n## ", 1)[0]


def test_the_seats_own_words_stand_next_to_the_reading(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    words = "still there — `calc.py:3` divides <b>as before</b> | see *line 3* " + "x" * 400
    second = run_round(fakes, repo, f"{EMPTY}- I1: {words}\n")
    rid = second["review_id"]

    data = json.loads(stored(fakes, rid, ".json"))
    seat = data["round_info"]["fix_verdicts"][0]["seats"][0]
    assert seat["verdict"] == "not fixed"
    assert seat["said"] == words  # the seat's words whole, as it wrote them
    assert seat["evidence"].startswith("`calc.py:3` divides")

    row = next(line for line in _section(stored(fakes, rid, ".md")).splitlines() if "| I1." in line)
    # Our reading, then the seat's words: quoted, Markdown escaped, trimmed.
    assert "Alpha: not fixed — “still there — \\`calc.py:3\\` divides \\<b\\>as before" in row
    assert "\\| see \\*line 3\\*" in row
    assert "x" * 400 not in row and "…”" in row

    shown = run_cli(["show", rid, "--format", "html"], cwd=repo, env=fakes.env())
    assert shown.returncode == 0, shown.stderr
    html = shown.stdout
    assert "<b>as before</b>" not in html
    assert "“still there — `calc.py:3` divides &lt;b&gt;as before&lt;/b&gt;" in html


MIXED = {
    1: ("Off-by-one in the page count", "- I1: fixed in code but not in docs"),
    2: ("Retry loop never sleeps", "- I2: ~~fixed~~ — the loop still spins"),
    3: ("Cache key ignores the locale", "- I3: fixed?"),
    4: ("Timeout is read in milliseconds", "- I4: was fixed, then regressed in the last commit"),
    5: ("Sort is not stable", "- I5: seems fixed"),
    6: ("Lock is never released on error", "- I6: fixed, but the test is still missing"),
    7: ("Empty input crashes the parser", "- I7: fixed ❌"),
    8: ("Date parsed in local time", "- I8: 🤔 fixed?"),
    9: ("Path join allows traversal", "- I9: resolved — `lib.py:18` normalises the path"),
}
STATUS_TABLE = """
| Finding | Status |
|---|---|
| I10 | partly fixed, test still missing |
| I11 | fixed only for positive counts |
"""


def test_no_mixed_hedged_or_struck_verdict_closes_a_finding(tmp_path: Path) -> None:
    fakes = Fakes(tmp_path)
    repo = many_findings_repo(tmp_path)
    titles = {n: t for n, (t, _) in MIXED.items()}
    titles |= {10: "Rounding uses float arithmetic", 11: "Counter overflows after a day"}
    run_round(fakes, repo, round1_many(titles))
    write(repo, "lib.py", numbered_lib(1))
    commit_all(repo, "Touch every function")
    lines = "\n".join(line for _, line in MIXED.values())
    second = run_round(fakes, repo, f"{EMPTY}{lines}\n{STATUS_TABLE}")
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    got = {v["prior_id"]: v for v in data["round_info"]["fix_verdicts"]}
    closed = sorted(k for k, v in got.items() if v["carried_as"] is None)
    assert closed == ["I9"]
    assert all(got[k]["verdict"] != "fixed" for k in got if k != "I9")
    assert got["I3"]["verdict"] is None and got["I3"]["unreadable"]
    assert got["I4"]["verdict"] == "not fixed"
    assert got["I10"]["verdict"] == "partially fixed"


def test_a_verdict_written_before_its_ids_is_read_for_each(tmp_path: Path) -> None:
    """`- Not fixed: I1` puts the verdict first. It was read as no verdict at all, and a
    finding whose files the round touched then closed "without a verdict"."""
    fakes, repo, _ = first_round(tmp_path)
    write(repo, "calc.py", "def div(a, b):\n    # divide a by b\n    return a / b\n")
    commit_all(repo, "Reword the comment")
    second = run_round(fakes, repo, f"{EMPTY}- Not fixed: I1 (`calc.py:3` still divides)\n")
    data = json.loads(stored(fakes, second["review_id"], ".json"))
    verdict = data["round_info"]["fix_verdicts"][0]
    assert verdict["verdict"] == "not fixed"
    assert verdict["carried_as"] == "I1"
    assert data["findings"][0]["carry_forward"] == "Round 1 I1, not fixed"
