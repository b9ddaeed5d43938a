"""A finding written as a record of field bullets (`### 1. Title` + `- **File**: …` /
`- **Line**: …` / `- **Problem**: …` / `- **Suggestion**: …`, colon after the bold, or plain
`- Suggestion: …`) keeps its `Suggestion` bullet as its fix.

Before, that bullet was read as a suggestion finding of its own (titled with the fix, no line),
the record itself was findings text that could not be read and the next record was lost: a
review asking for a fix read "Merge as-is". A `**Suggestion:**` item of its own (no field above
it) is still a suggestion.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity
from support.printing_seats import review_printed

_RECORDS = (
    "## Issues Found\n\n"
    "### 1. Export writes to the wrong folder\n"
    "- **File**: `src/export.py`\n"
    "- **Line**: 44\n"
    "- **Problem**: the folder comes from the home directory, not the settings.\n"
    "- **Suggestion**: read it from the settings.\n\n"
    "### 2. Retry count is off by one\n"
    "- **File**: `src/export.py`\n"
    "- **Line**: 61\n"
    "- **Problem**: `range(1, n)` makes one attempt fewer than configured.\n\n"
    "## Conclusion\n\nPlease fix issue 1 before merging.\n"
)


def _found(text: str) -> list[tuple[str, str, str]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.id, f.title, str(f.locations[0]) if f.locations else "") for f in review.findings]


_EXPECTED = [
    ("I1", "Export writes to the wrong folder", "src/export.py:44"),
    ("I2", "Retry count is off by one", "src/export.py:61"),
]


@pytest.mark.parametrize(
    "text",
    [
        _RECORDS,
        _RECORDS.replace("**Suggestion**:", "**Suggestion:**"),
        # plain labels
        _RECORDS.replace("- **", "- ").replace("**:", ":"),
    ],
    ids=["colon-after-bold", "colon-in-bold", "plain"],
)
def test_the_suggestion_bullet_is_the_records_fix(text: str) -> None:
    assert _found(text) == _EXPECTED
    [first, _] = parse_review(text, seat="alpha").findings
    assert "settings" in first.fix


def test_after_a_description_field_too() -> None:
    text = (
        "### Issue 1: Export writes to the wrong folder\n"
        "- **Location**: `src/export.py:44`\n"
        "- **Description**: the folder comes from the home directory.\n"
        "- **Suggestion**: read it from the settings.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.title, f.severity) for f in review.findings] == [
        ("Export writes to the wrong folder", Severity.IMPORTANT)
    ]


def test_a_suggestion_item_of_its_own_stays_one() -> None:
    text = (
        "## Findings\n\n- **Issue**: `src/export.py:44` writes to the home folder.\n\n"
        "Other notes:\n\n- **Suggestion**: add a docstring to `export()` (`src/export.py:3`).\n"
    )
    levels = [f.severity for f in parse_review(text, seat="alpha").findings]
    assert Severity.SUGGESTION in levels


def test_the_verdict_asks_for_the_fix(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _RECORDS})
    assert report["header"]["verdict"]["label"] == "Merge with fixes", report["header"]["verdict"]


_HEADINGS = (
    "## Issues\n\n"
    "### 1. Export crashes on an empty folder\n"
    "**File:** `src/export.py:44`\n\n"
    "`os.listdir` raises `FileNotFoundError` when the folder is missing.\n\n"
    "### 2. Folder name\n"
    "**File:** `src/export.py:12`\n\n"
    "Rename `d` to `target_dir`.\n\n"
    "### 3. Loop style\n"
    "**File:** `src/export.py:20`\n\n"
    "The `for` loop is fine for a handful of files.\n"
)


def test_a_record_heading_is_a_finding_whatever_its_words() -> None:
    """`### 2. Folder name` + `**File:** …` + advice: a finding of its own (it was the text of
    the finding above); `### 3.` calls its spot fine: no finding, and no part of finding 2."""
    review = parse_review(_HEADINGS, seat="alpha")
    assert [(f.title, str(f.locations[0])) for f in review.findings] == [
        ("Export crashes on an empty folder", "src/export.py:44"),
        ("Folder name", "src/export.py:12"),
    ]
    assert "fine" not in review.findings[1].body
    assert not review.unread_findings
