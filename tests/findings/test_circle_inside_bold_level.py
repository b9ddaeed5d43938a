"""A colored circle and the level word inside a finding's bold title: `- **🔴 Critical — Title**
(`a.py:2`)`, the same as a bold paragraph after the list, or as a heading.

The circle before the level word hid the lead: each finding was unrated (important) with
`🔴 Critical — ` in its title, and a bold paragraph of that shape after the list was lost
without a trace.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Summary\nOne blocker, one should-fix, two nits.\n\n## Findings\n\n"
    "- **🔴 Critical — Empty input divides by zero** (`calc.py:2`)\n"
    "  `total([])` raises instead of returning 0.\n"
    "- **🟠 Important — Rounding differs from the old helper** (`calc.py:4`)\n"
    "  Totals drift by a cent.\n"
    "- **🟢 Suggestion — Name says nothing** (`calc.py:1`)\n"
    "  `f` could be `total`.\n\n"
    "**🟢 Suggestion — Docstring is outdated** (`calc.py:1`)\n"
    "It still mentions lists.\n"
)


def _found(text: str) -> list[tuple[str, str]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings and not review.unrated, review
    return [(f.id, f.title) for f in review.findings]


def test_the_level_inside_the_bold_title_after_a_circle() -> None:
    assert _found(_REVIEW) == [
        ("C1", "Empty input divides by zero"),
        ("I1", "Rounding differs from the old helper"),
        ("S1", "Name says nothing"),
        ("S2", "Docstring is outdated"),
    ]


def test_the_same_as_headings() -> None:
    text = (
        "## Findings\n\n### **🔴 Critical — Empty input divides by zero** (`calc.py:2`)\n\n"
        "`total([])` raises.\n\n### **🟠 Important — Rounding differs** (`calc.py:4`)\n\n"
        "Totals drift by a cent.\n"
    )
    assert _found(text) == [("C1", "Empty input divides by zero"), ("I1", "Rounding differs")]


def test_a_fix_paragraph_inside_a_finding_stays_its_text() -> None:
    text = (
        "## Findings\n\n- **Empty input divides by zero** (`calc.py:2`) (critical)\n"
        "  `total([])` raises.\n\n**Suggestion:** return 0 for an empty list.\n"
    )
    assert _found(text) == [("C1", "Empty input divides by zero")]


def test_the_verdict_sees_the_critical_one(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Rework", verdict
