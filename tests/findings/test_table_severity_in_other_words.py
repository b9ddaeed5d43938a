"""Findings tables from small models name the severity column and its levels in their own
short words: a `Sev.` header, no header at all over a column of coloured circles, `Hi` / `Med`
/ `Lo` cells. Before, the first two were findings text that could not be read (Unverified, the
findings lost) and `Lo` rows were taken as important."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

_ROWS = (
    "| {a} | `calc.py:6` | `sub(1, None)` raises TypeError instead of a clear error |\n"
    "| {b} | `util/strings.py:1` | the helper has no docstring |\n"
)


def _table(header: str, a: str, b: str) -> str:
    return f"## Findings\n\n| {header} | Where | What |\n|---|---|---|\n" + _ROWS.format(a=a, b=b)


@pytest.mark.parametrize(
    ("header", "a", "b", "levels"),
    [
        ("Sev.", "🔴", "🟢", [Severity.CRITICAL, Severity.SUGGESTION]),
        ("", "🔴", "🟢", [Severity.CRITICAL, Severity.SUGGESTION]),
        ("Severity", "Hi", "Lo", [Severity.CRITICAL, Severity.SUGGESTION]),
        ("Sev", "Med", "Lo", [Severity.IMPORTANT, Severity.SUGGESTION]),
    ],
    ids=["sev-dot-circles", "no-header-circles", "hi-lo", "med-lo"],
)
def test_the_levels_are_read(header: str, a: str, b: str, levels: list[Severity]) -> None:
    review = parse_review(_table(header, a, b), seat="alpha")
    assert [(f.severity, str(f.locations[0])) for f in review.findings] == list(
        zip(levels, ["calc.py:6", "util/strings.py:1"], strict=True)
    )
    assert not review.unread_findings


def test_a_column_of_pass_marks_with_no_header_stays_no_level() -> None:
    text = (
        "## Checks\n\n| | Where | What |\n|---|---|---|\n"
        "| ✅ | `calc.py:6` | `sub` handles negatives |\n"
        "| ✅ | `util/strings.py:1` | `shout` upper-cases |\n\nNo issues found.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings and not review.unread_findings


def test_the_report_keeps_both(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _table("Sev.", "🔴", "🟢")})
    assert [f["severity"] for f in report["findings"]] == ["critical", "suggestion"]
    assert report["header"]["verdict"]["label"] == "Rework", report["header"]["verdict"]
