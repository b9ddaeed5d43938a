"""Findings written as bold paragraphs with their place and no level, each followed by its
text, under a findings section with no level (`## Issues`, `### Issues`, `## Findings`):
`**1. Title** (`a.py:2`)`, `**Title** (`a.py:2`)`, `**1. Title** — `a.py:2``.

Before, they were findings text that could not be read (the verdict Unverified), and beside a
sibling with a level (`… — minor`) only the sibling was read; the same items as list items
(`1. **Title** (`a.py:2`): …`) were findings. A bold line in an ordinary section stays prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_ISSUES = (
    "## Review\n\nI read the importer change.\n\n### Issues\n\n"
    "**1. `parse()` drops the last row** (`etl/rows.py:42`)\n\n"
    "The loop stops one short of the end, so every import loses a row.\n\n"
    "**2. Unused import** (`etl/rows.py:3`)\n\n"
    "`os` is imported and never used.\n\n"
    "## What looks good\n\n- Small and focused.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _ISSUES,
        _ISSUES.replace("### Issues", "## Issues"),
        _ISSUES.replace("### Issues", "## Findings"),
        _ISSUES.replace("**1. ", "**").replace("**2. ", "**"),
        _ISSUES.replace("** (`etl/rows.py:42`)", "** — `etl/rows.py:42`"),
    ],
    ids=["sub-heading", "issues", "findings", "no-number", "dash-place"],
)
def test_each_bold_title_with_a_place_is_a_finding(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title, str(f.locations[0])) for f in review.findings] == [
        ("I1", "`parse()` drops the last row", "etl/rows.py:42"),
        ("I2", "Unused import", "etl/rows.py:3"),
    ]
    assert not review.unread_findings
    assert "Small and focused" not in review.findings[1].body


def test_beside_a_graded_sibling() -> None:
    text = _ISSUES.replace("(`etl/rows.py:3`)", "(`etl/rows.py:3`) — minor")
    review = parse_review(text, seat="alpha")
    assert [f.id for f in review.findings] == ["I1", "S1"]


def test_a_bold_line_in_an_ordinary_section_stays_prose() -> None:
    text = (
        "## Summary\n\n**Reads rows lazily** (`etl/rows.py:42`)\n\n"
        "The importer now streams its rows.\n\nNo issues found.\n"
    )
    assert not parse_review(text, seat="alpha").findings


def test_the_verdict_counts_them(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _ISSUES})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]
