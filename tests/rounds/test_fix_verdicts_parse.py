"""`Round N Fix Verdicts` sections as seats write them: bullets, tables, bold IDs."""

from __future__ import annotations

import pytest

from deepreview.model import SeatFixVerdict
from deepreview.rounds.verdicts import consolidate, parse_fix_verdicts, read_fix_verdicts

REVIEW = """## Findings

### Important Issues

I1. **A new problem** — `x.py:1` (important, regression)

## Round 3 Fix Verdicts

- I1: fixed — `calc.py:3` guards the zero divisor now
- **I2** — Partially Fixed: `io.py:10` closes the file but not on error
| C1 | not fixed | `db.py:40` still builds SQL by string |
- S4 no longer applies (the function was removed)
- I9 looked at it, unclear

## Coverage Summary

- calc.py — I1
"""


def test_each_line_shape_gives_id_verdict_and_evidence() -> None:
    assert parse_fix_verdicts(REVIEW) == {
        "I1": ("fixed", "`calc.py:3` guards the zero divisor now"),
        "I2": ("partially fixed", "`io.py:10` closes the file but not on error"),
        "C1": ("not fixed", "`db.py:40` still builds SQL by string"),
        "S4": ("no longer applies", "(the function was removed)"),
    }


def test_no_section_means_no_verdicts() -> None:
    assert parse_fix_verdicts("## Findings\n\nI1: fixed\n") == {}


def test_disagreement_keeps_the_least_optimistic_verdict() -> None:
    seats = (SeatFixVerdict("A", "fixed"), SeatFixVerdict("B", "partially fixed"))
    assert consolidate(seats) == ("partially fixed", True)
    assert consolidate((SeatFixVerdict("A", "fixed"),)) == ("fixed", False)
    assert consolidate(()) == (None, False)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("- I1: not yet fixed — `calc.py:6` still returns b - a", "not fixed"),
        ("- I1: isn't fixed", "not fixed"),
        ("- I1: is not fixed", "not fixed"),
        ("- I1: not properly fixed", "not fixed"),
        ("- I1: **not** fixed", "not fixed"),
        ("- I1: Fixed? No. Still b - a", "not fixed"),
        ("- I1: not fully fixed", "partially fixed"),
        ("| I1 | Fixed-size buffer overflows | not fixed | still copies |", "not fixed"),
        ("| I1 | Fixed buffer overflows | not fixed | still copies |", "not fixed"),
        ("- I1 (Fixed buffer overflows): still present", "not fixed"),
        ("| **I1** | ❌ Still present | `calc.py:6` |", "not fixed"),
        ("- I1: Unfixed", "not fixed"),
        ("- I1: remains", "not fixed"),
        ("- I1: still open", "not fixed"),
        ("- I1: not addressed", "not fixed"),
        ("- I1: resolved", "fixed"),
        ("- I1: addressed", "fixed"),
        ("| I1 | ✅ Fixed | ok |", "fixed"),
        ("- I1: Fixed? Yes.", "fixed"),
        ("- I1: no longer applies", "no longer applies"),
    ],
)
def test_negations_synonyms_and_titles(line: str, word: str) -> None:
    text = f"## Round 2 Fix Verdicts\n\n{line}\n"
    got = parse_fix_verdicts(text, {"I1": "Fixed buffer overflows"})
    assert got["I1"][0] == word


def test_a_verdict_column_is_read_before_the_title() -> None:
    text = (
        "## Round 2 Fix Verdicts\n\n| ID | Title | Verdict | Evidence |\n|---|---|---|---|\n"
        "| I1 | Fixed width columns | still present | `t.py:3` |\n"
    )
    assert parse_fix_verdicts(text)["I1"][0] == "not fixed"


def test_a_line_that_starts_with_an_id_but_cannot_be_read_is_unreadable() -> None:
    text = "## Round 2 Fix Verdicts\n\n- I1: looked at it twice\n- see I2 above\n"
    assert read_fix_verdicts(text) == ({}, {"I1": "I1: looked at it twice"})
