"""A findings table that mixes its findings with the spots the seat checked and found right
(`| ✅ OK | … | `safe_load` is used |`, `| N/A | … |`, `| Verified | … |`): those rows are
no findings. They used to be read as findings with no level (taken as important), so one real
finding and two verified spots read as "Merge with fixes — I1–I3 need attention"."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_TABLE = (
    "## Executive Summary\n\nAdds a total helper. One real bug; the rest checks out.\n\n"
    "## Issues\n\n"
    "| Severity | File | Line | Description |\n|---|---|---|---|\n"
    "| 🟠 Important | `calc.py` | 2 | Empty input divides by zero |\n"
    "| ✅ OK | `calc.py` | 1 | Inputs are validated before use |\n"
    "| N/A | `calc.py` | 4 | The rounding case is covered |\n"
    "| Verified | `calc.py` | 5 | No float comparison with `==` |\n"
    "| Strength | `calc.py` | 6 | Clear names |\n\n"
    "## Verdict\n\nRequest changes (1 important).\n"
)


def test_rows_that_say_ok_are_no_findings() -> None:
    review = parse_review(_TABLE, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [("I1", "Empty input divides by zero")]
    assert not review.unrated


def test_a_row_with_an_unknown_level_word_stays_a_finding() -> None:
    text = _TABLE.replace("| Verified |", "| Hoch |")
    review = parse_review(text, seat="alpha")
    assert len(review.findings) == 2


def test_the_verdict_counts_only_the_real_finding(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _TABLE})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
    assert "I1 needs attention" in verdict["reason"], verdict


# A row whose Severity cell reads like a pass but whose text tells a fault is a finding still:
# dropping it would lose what the reviewer found.
@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("Fine", "Fine-grained lock missing around `inc`; concurrent calls lose updates"),
        ("✅ OK", "Totals are rounded, yet negative amounts are silently dropped"),
        ("N/A", "The retry loop has a race condition when two workers start"),
    ],
)
def test_a_pass_row_that_tells_a_fault_stays_a_finding(cell: str, text: str) -> None:
    table = _TABLE.replace(
        "| Verified | `calc.py` | 5 | No float comparison with `==` |",
        f"| {cell} | `calc.py` | 5 | {text} |",
    )
    review = parse_review(table, seat="alpha")
    assert len(review.findings) == 2, review.findings
