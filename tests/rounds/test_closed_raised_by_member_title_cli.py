"""A finding round 2 closed as fixed, reintroduced in round 3 and raised again by a seat under
the title IT gave it in round 1, when round 1's report titled the merged finding by the other
seat's words: it is round 1's finding raised again, not a new one. Before, a closed finding was
matched by the report's title only (tr64 #3). All through the real `deep-review`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.repos import commit_all, write
from support.rounds import NO_FINDINGS, make_branch_repo

_ALPHA = (
    "I1. **Division by zero is not handled** — `calc.py:3` (important, regression)\n\n"
    "`div(1, 0)` raises ZeroDivisionError; verified by running it."
)
_BRAVO = (
    "I1. **`div` crashes when the divisor is 0** — `calc.py:3` (important, regression)\n\n"
    "Calling `div(1, 0)` raises ZeroDivisionError."
)


def _review(item: str = "None.", verdicts: str = "") -> str:
    text = NO_FINDINGS.format(summary="About `div`.").replace(
        "### Important Issues\n\nNone.", f"### Important Issues\n\n{item}"
    )
    return f"{text}\n## Fix Verdicts\n\n{verdicts}\n" if verdicts else text


def _round(fakes: Fakes, repo: Path, alpha: str, bravo: str) -> dict[str, Any]:
    seats = {}
    for name, text in (("alpha", alpha), ("bravo", bravo)):
        path = fakes.tmp / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        seats[name] = fakes.seat("ok", "--review-file", str(path))
    fakes.write_config(seats)
    res = fakes.review(repo, "--agents", "alpha,bravo", "--format", "md")
    assert res.returncode == 0, res.stderr
    rid = res.json()["review_id"]
    data: dict[str, Any] = json.loads((fakes.store / f"{rid}.json").read_text(encoding="utf-8"))
    return data


def test_a_reintroduced_finding_under_a_merged_seats_title_is_raised_again(
    tmp_path: Path,
) -> None:
    fakes = Fakes(tmp_path)
    repo = make_branch_repo(tmp_path)
    first = _round(fakes, repo, _review(_ALPHA), _review(_BRAVO))
    [merged] = first["findings"]
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b if b else 0.0\n")
    commit_all(repo, "Guard the divisor")
    second = _round(fakes, repo, _review(verdicts="- I1: fixed"), _review(verdicts="- I1: fixed"))
    assert second["findings"] == []
    write(repo, "calc.py", "def div(a, b):\n    # divide\n    return a / b\n")
    commit_all(repo, "Drop the guard")
    # each seat raises it again under its own round-1 title; one of them is not the report's
    other = _ALPHA if merged["title"] != "Division by zero is not handled" else _BRAVO
    third = _round(fakes, repo, _review(other), _review())
    assert [f["carry_forward"] for f in third["findings"]] == [
        "Round 1 I1, fixed in round 2, raised again"
    ]
    assert third["round_info"]["new_findings"] == []
