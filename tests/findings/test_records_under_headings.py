"""Findings written as records of label lines (`**File:**`, `**Line:**`, `**Severity:**`,
`**Issue:**`) under a heading that is no finding's title.

A heading right above a record used to count as that record's own title whatever it said: under
`## Code Review` with two records the first one was lost without a trace (not even unread) and
the verdict was "Merge as-is"; one record came out titled "Code Review", and records under
`### Finding 1` / `### Finding 2` were titled "Finding 1" / "Finding 2". A heading is a record's
title only when it is one finding's title: not when several records sit under it, and not when
it is a bare label (`Finding 2`, `Code Review`) above a record that has its own `Issue:` line.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed


def _record(line: int, level: str, issue: str) -> str:
    return (
        f"**File:** `calc.py`\n**Line:** {line}\n**Severity:** {level}\n"
        f"**Issue:** {issue}\n**Recommendation:** Check the input first.\n"
    )


_HIGH = "Division by zero is not guarded, so an empty list crashes the total."
_LOW = "The helper name does not say what it returns."
_TWO_UNDER_A_SECTION = (
    "## Code Review\n\n"
    + _record(2, "High", _HIGH)
    + "\n---\n\n"
    + _record(4, "Low", _LOW)
    + "\n---\n\n**Overall:** Fine once the high-severity item is fixed.\n"
)


def _found(text: str) -> list[tuple[str, str, str, int | None]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.id, f.title, f.locations[0].path, f.locations[0].start) for f in review.findings]


def test_two_records_under_a_section_heading_are_two_findings() -> None:
    assert _found(_TWO_UNDER_A_SECTION) == [
        ("C1", _HIGH.rstrip("."), "calc.py", 2),
        ("S1", _LOW.rstrip("."), "calc.py", 4),
    ]


def test_one_record_under_a_section_heading_takes_its_issue_as_title() -> None:
    text = "## Code Review\n\n" + _record(2, "High", _HIGH)
    assert _found(text) == [("C1", _HIGH.rstrip("."), "calc.py", 2)]


def test_records_under_numbered_finding_labels_take_their_issue_as_title() -> None:
    text = (
        "## Findings\n\n### Finding 1\n"
        + _record(2, "High", _HIGH)
        + "\n### Finding 2\n"
        + _record(4, "Medium", _LOW)
    )
    assert _found(text) == [
        ("C1", _HIGH.rstrip("."), "calc.py", 2),
        ("I1", _LOW.rstrip("."), "calc.py", 4),
    ]


def test_a_real_title_heading_stays_the_records_title() -> None:
    text = (
        "## Findings\n\n### Empty list crashes the total\n"
        "**File:** `calc.py`\n**Line:** 2\n**Severity:** High\n"
        "**Description:** Division by zero is not guarded.\n"
    )
    assert _found(text) == [("C1", "Empty list crashes the total", "calc.py", 2)]


def test_the_critical_record_decides_the_verdict(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _TWO_UNDER_A_SECTION})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
    titles = {f["id"]: f["title"] for f in report["findings"]}
    assert titles.get("C1") == _HIGH.rstrip("."), titles


def test_numbered_records_take_their_description_as_title() -> None:
    text = (
        "**Issues found:**\n\n"
        "1. **Location**: `calc.py`, line 2\n   **Severity**: High\n"
        f"   **Description**: {_HIGH}\n   **Suggested fix**: Return 0 first.\n\n"
        "2. **File:** `calc.py`\n   **Line:** 4\n   **Severity:** Low\n"
        f"   **Issue:** {_LOW}\n"
    )
    assert [(c, t.split(",")[0], p, n) for c, t, p, n in _found(text)] == [
        ("C1", "Division by zero is not guarded", "calc.py", 2),
        ("S1", _LOW.rstrip("."), "calc.py", 4),
    ]


def test_a_record_under_a_bold_section_label() -> None:
    text = (
        "### Code Review\n\n**Issues found:**\n\n**Location**: `calc.py`, line 2\n"
        f"**Severity**: High\n**Description**: {_HIGH}\n"
    )
    assert [(c, p, n) for c, _t, p, n in _found(text)] == [("C1", "calc.py", 2)]


def test_numbered_records_with_no_level_are_findings_still() -> None:
    text = (
        "## Findings\n\n1. **Location**: `calc.py`, line 2\n"
        f"   **Description**: {_HIGH}\n\n"
        f"2. **Location**: `calc.py`, line 4\n   **Description**: {_LOW}\n"
    )
    assert [(c, p, n) for c, _t, p, n in _found(text)] == [
        ("I1", "calc.py", 2),
        ("I2", "calc.py", 4),
    ]
