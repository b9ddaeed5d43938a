"""Through the real `deep-review consolidate`: what two findings at one line claim decides whether
they are one issue (`consolidate/claims.py`).

Two seats at the same line of the same function: one says it divides by zero, the other that it
now returns a mean instead of a sum; one says a reset leaves a nil map, the other that a write
races with the reset. Each pair shares the line and the function's name, not the problem: two
findings each, every reviewer's own text kept. Two seats that both call one line an SQL
injection, one in those words and one as a statement put together by string formatting, are
one finding, at the graver grade, crediting both. A title that names no failure of the list
contradicts nothing: "Nothing deletes `self.tmp` after `cancel()`" and "Scratch space leaks on
abort" stay one, though their titles share no word (a leak is often told by what is left).
And three seats agreeing on the nil map do not take in the fourth seat's race.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.consolidating import consolidate_reviews


def _review(critical: str = "None.", important: str = "None.") -> str:
    return f"""## Findings

### Critical Issues

{critical}

### Important Issues

{important}

### Suggestions

None.
"""


def _consolidate(tmp_path: Path, **reviews: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(consolidate_reviews(tmp_path, reviews))
    return report


def _found(report: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return sorted((f["title"], f["reviewers"]) for f in report["findings"])


ZERO = """I1. **`subtotal` divides by zero for an empty basket** — `shop/basket.py:23`

`return cents / len(lines)` raises ZeroDivisionError when the basket has no lines yet."""

MEAN = """I1. **`subtotal()` now returns the mean line price, not the sum** — `shop/basket.py:23`

Checkout adds the result to the shipping fee as if it were the basket's sum; a three-line
basket is now charged a third of its price."""


def test_a_division_by_zero_and_a_wrong_result_at_one_line_stay_two(tmp_path: Path) -> None:
    report = _consolidate(tmp_path, claude=_review(important=ZERO), codex=_review(important=MEAN))
    assert _found(report) == [
        ("`subtotal()` now returns the mean line price, not the sum", ["Codex"]),
        ("`subtotal` divides by zero for an empty basket", ["Claude"]),
    ]
    bodies = " ".join(f["body"] for f in report["findings"])
    assert "ZeroDivisionError" in bodies and "a third of its price" in bodies


NIL = """I1. **`Reset` leaves a nil map behind** — `store/registry.go:31`

After `Reset`, `r.items` is nil, so the next `Put` panics with "assignment to entry in nil map".
Fix: assign `make(map[string]Entry)` instead."""

RACE = """I1. **`Put` races with `Reset`** — `store/registry.go:25-31`

`Reset` swaps `r.items` while holding `r.mu`, but `Put` writes `r.items` without taking it, so
an entry stored during a reset can land in the discarded map."""


def test_a_nil_map_and_a_data_race_at_one_place_stay_two(tmp_path: Path) -> None:
    report = _consolidate(tmp_path, claude=_review(important=NIL), codex=_review(important=RACE))
    assert _found(report) == [
        ("`Put` races with `Reset`", ["Codex"]),
        ("`Reset` leaves a nil map behind", ["Claude"]),
    ]


INJECTION = """C1. **SQL injection in `find_account`** — `accounts/db.py:12`

The e-mail address is spliced into the statement, so `x' OR 1=1 --` matches every row. Bind it
as a parameter instead."""

FORMATTED = """I1. **Query text assembled from the e-mail by string formatting** —\
 `accounts/db.py:12`

The caller's input is placed in the statement unescaped."""


def test_one_injection_in_two_wordings_is_one_finding(tmp_path: Path) -> None:
    report = _consolidate(
        tmp_path, claude=_review(critical=INJECTION), codex=_review(important=FORMATTED)
    )
    assert _found(report) == [("SQL injection in `find_account`", ["Claude", "Codex"])]
    (finding,) = report["findings"]
    assert finding["severity"] == "critical"


def test_the_merge_reason_names_the_shared_failure(tmp_path: Path) -> None:
    reviews = {"claude": _review(critical=INJECTION), "codex": _review(important=FORMATTED)}
    assert "both name an injection" in consolidate_reviews(tmp_path, reviews, "md")


KEPT = """I1. **Nothing deletes `self.tmp` after `cancel()`** — `export/job.py:40-44`

`cancel()` returns before the `finally` that removes `self.tmp`, so each cancelled export keeps
its files on disk."""

LEAKS = """I1. **Scratch space leaks on abort** — `export/job.py:41-44`

An export stopped by `cancel()` never reaches the cleanup of `self.tmp`; the files pile up."""


def test_a_title_naming_no_failure_contradicts_none(tmp_path: Path) -> None:
    report = _consolidate(tmp_path, claude=_review(important=KEPT), codex=_review(important=LEAKS))
    assert [r for _, r in _found(report)] == [["Claude", "Codex"]]


NIL_TOO = {
    "gemini": """I1. **Nil map after `Reset`** — `store/registry.go:31`

`Reset` sets `r.items = nil`; a later `Put` then panics on the nil map.""",
    "qwen": """I1. **`Put` panics on a nil map once `Reset` has run** — `store/registry.go:30-31`

`Reset` leaves `r.items` nil instead of an empty map, and writing to a nil map panics.""",
}


def test_a_race_stays_apart_from_a_nil_map_three_seats_agree_on(tmp_path: Path) -> None:
    reviews = {name: _review(important=text) for name, text in NIL_TOO.items()}
    report = _consolidate(
        tmp_path, claude=_review(important=NIL), codex=_review(important=RACE), **reviews
    )
    assert sorted(r for _, r in _found(report)) == [["Claude", "Gemini", "Qwen"], ["Codex"]]
