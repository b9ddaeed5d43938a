"""Findings grouped by file with no level: `### `jobs/sync.py`` + `* **Line 42:** text` (or
`- Line 42: text`), as Gemini writes its "Specific Feedback".

Before, these were not read: with no findings section the seat failed as an unparseable review,
and under `## Findings` they were findings text that could not be read. Each item is now a
finding at `path:line` (important, unrated) when it names a problem or asks for a change; a
group of praise stays no finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_GROUPS = (
    "### `jobs/sync.py`\n\n"
    "*   **Line 42:** the backoff loop never gives up when the broker is down. Stop after "
    "`max_attempts`.\n"
    "*   **Lines 57-60:** The timeout argument is accepted but never passed to `connect`.\n\n"
    "### `tests/test_sync.py`\n\n"
    "*   **Line 9:** The test waits on a real clock; mock `time.monotonic` to keep it quick.\n"
)


def _places(review):  # type: ignore[no-untyped-def]
    return [
        (f.id, [(loc.path, loc.start, loc.end) for loc in f.locations]) for f in review.findings
    ]


_EXPECTED = [
    ("I1", [("jobs/sync.py", 42, None)]),
    ("I2", [("jobs/sync.py", 57, 60)]),
    ("I3", [("tests/test_sync.py", 9, None)]),
]


@pytest.mark.parametrize(
    "text",
    [
        "## Specific Feedback\n\n" + _GROUPS,
        "## Findings\n\n" + _GROUPS,
        "## Findings\n\n"
        + _GROUPS.replace("*   **Line 42:**", "- Line 42:")
        .replace("*   **Lines 57-60:**", "- Lines 57-60:")
        .replace("*   **Line 9:**", "- Line 9:"),
    ],
)
def test_items_grouped_by_file_are_findings(text: str) -> None:
    review = parse_review(text, seat="alpha")
    assert _places(review) == _EXPECTED, (review.findings, review.unread_findings)
    assert not review.unread_findings


def test_praise_grouped_by_file_is_no_finding() -> None:
    text = (
        "## Specific Feedback\n\n### `jobs/sync.py`\n\n"
        "*   **Line 12:** Nice, readable helper.\n"
        "*   **Line 30:** The docstring is clear.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.findings


def test_the_verdict_counts_them(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": "## Specific Feedback\n\n" + _GROUPS})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict


def test_lines_and_level_in_one_bold_label_keep_the_line() -> None:
    text = (
        "## Findings\n\n### `jobs/sync.py`\n\n"
        "- **L42 (High):** the backoff loop never gives up when the broker is down.\n"
        "- **Lines 57-60 (Low):** the timeout argument is accepted but never passed on.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [loc for f in review.findings for loc in _places(review) if loc[0] == f.id] == [
        (review.findings[0].id, [("jobs/sync.py", 42, None)]),
        ("S1", [("jobs/sync.py", 57, 60)]),
    ]
