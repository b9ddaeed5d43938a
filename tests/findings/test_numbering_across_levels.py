"""Findings numbered on across severity sections (`**1.**` under High, `**2.**` under Medium,
`**3.**` under Low), each a bold title line with its place on a `* **File:**` label line below.

A section's first numbered finding may start at any number when it names its place or level;
the place on the label line right below was not looked at, so every finding after the first
section was findings text that could not be read, and the `**Suggestion:**` label of one of
them came out as a phantom suggestion with no place.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Review Summary\nThe change adds a total helper. One serious problem, two smaller.\n\n"
    "### 🔴 High Priority\n\n"
    "**1. Empty input divides by zero**\n"
    "* **File:** `calc.py` (Line 2)\n"
    "* **Issue:** `total([])` raises instead of returning 0.\n"
    "* **Suggestion:** Return 0 for an empty list.\n\n"
    "### 🟡 Medium Priority\n\n"
    "**2. Rounding differs from the old helper**\n"
    "* **File:** `calc.py` (Lines 3-4)\n"
    "* **Issue:** Results are rounded half-up now.\n"
    "* **Suggestion:** Keep banker's rounding.\n\n"
    "### 🟢 Low Priority\n\n"
    "**3. Name says nothing**\n"
    "* **File:** `calc.py` (Line 1)\n"
    "* **Issue:** `f` could be `total`.\n"
)


def test_each_sections_numbered_findings_are_read() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    got = [
        (f.id, f.title, [(loc.path, loc.start, loc.end) for loc in f.locations])
        for f in review.findings
    ]
    assert got == [
        ("C1", "Empty input divides by zero", [("calc.py", 2, None)]),
        ("I1", "Rounding differs from the old helper", [("calc.py", 3, 4)]),
        ("S1", "Name says nothing", [("calc.py", 1, None)]),
    ]


def test_a_severity_label_below_lets_the_number_carry_on_too() -> None:
    text = (
        "## Critical Issues\n\n**1. Empty input divides by zero**\n- **Severity:** Critical\n"
        "- The helper raises on `[]`.\n\n"
        "## Important Issues\n\n**2. Rounding differs**\n- **Severity:** Important\n"
        "- Results are rounded half-up now.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    assert [f.id for f in review.findings] == ["C1", "I1"]


def test_the_verdict_counts_every_section(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
    assert "could not be read" not in verdict["reason"], verdict
    assert sorted(f["id"] for f in report["findings"]) == ["C1", "I1", "S1"]


def test_a_suggestion_field_of_an_unread_item_is_no_finding_of_its_own() -> None:
    text = (
        "## Important Issues\n\n**3. Off-by-one in page count**\n"
        "* **Issue:** The last page is dropped when the count is exact.\n"
        "* **Suggestion:** Use ceiling division.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings, review.findings
    assert review.unread_findings and "ceiling division" in review.unread_findings[0]


def test_nor_is_a_suggestion_label_line_under_an_issue_label_line() -> None:
    text = (
        "## Important Issues\n\n**3. Off-by-one in page count**\n"
        "**Issue:** The last page is dropped when the count is exact.\n"
        "**Suggestion:** Use ceiling division.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings, review.findings
    assert review.unread_findings and "ceiling division" in review.unread_findings[0]
