"""Through the real `deep-review consolidate`: four seats on one short function, three telling
one bug (its rate has no ceiling, so the balance goes negative) at three different line ranges
and one telling another (a flat amount taken off a second time). The function's local names
(`rate`, `bonus`) are in every finding: they say where the seats looked, not what they saw.
The report keeps two findings, each with its own reviewers' text (trial 57b)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.consolidating import consolidate_reviews


def _review(important: str) -> str:
    return f"## Findings\n\n### Critical Issues\n\nNone.\n\n### Important Issues\n\n{important}\n"


ANN = """I1. **`settle` can leave a negative balance** — `billing/ledger.py:14-15` (important)

`rate = rate + bonus` has no ceiling, so `bonus=30` on a `GOLD` account makes `rate = 120` and
the balance drops below zero."""

BOB = """I1. **Credit rate can exceed 100%** — `billing/ledger.py:17-19` (important, regression)

With a large `bonus`, `balance * rate / 100` is bigger than `balance`, so a valid account ends
with a negative amount. Cap `rate` at 100."""

CYD = """I1. **Uncapped credit makes balances negative** — `billing/ledger.py:13-22` (important)

`settle` adds `bonus` to `rate` without a ceiling and then loops `bonus` times; any `rate` above
100 gives a negative result."""

DAN = """I1. **GOLD subtracts `bonus` twice** — `billing/ledger.py:19` (important, regression)

For `GOLD`, `bonus` is already inside `rate`, and line 19 takes it off again as a flat amount,
so `settle(100, "GOLD", 10)` gives 30 instead of 40."""


def _report(tmp_path: Path) -> dict[str, Any]:
    reviews = {"ann": ANN, "bob": BOB, "cyd": CYD, "dan": DAN}
    out = consolidate_reviews(tmp_path, {k: _review(v) for k, v in reviews.items()})
    report: dict[str, Any] = json.loads(out)
    return report


def test_three_ranges_of_one_bug_merge_and_a_second_bug_stays_apart(tmp_path: Path) -> None:
    report = _report(tmp_path)
    found = sorted((sorted(f["reviewers"]), f["title"]) for f in report["findings"])
    assert [reviewers for reviewers, _ in found] == [["Ann", "Bob", "Cyd"], ["Dan"]]
    dan = next(f for f in report["findings"] if f["reviewers"] == ["Dan"])
    assert "30 instead of 40" in dan["body"]


def test_two_seats_telling_one_bug_two_lines_apart_are_one_finding(tmp_path: Path) -> None:
    """Both titles name the same failure (a balance below zero, a rate over 100 %) at nearby
    lines of one function: one finding, not two each "only" found by one seat (trial 57b #3)."""
    out = consolidate_reviews(tmp_path, {"ann": _review(ANN), "bob": _review(BOB)})
    report: dict[str, Any] = json.loads(out)
    assert [sorted(f["reviewers"]) for f in report["findings"]] == [["Ann", "Bob"]]
