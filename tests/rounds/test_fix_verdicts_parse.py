"""`Round N Fix Verdicts` sections as seats write them: bullets, tables, bold IDs."""

from __future__ import annotations

from deepreview.model import SeatFixVerdict
from deepreview.rounds.verdicts import consolidate, parse_fix_verdicts

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
