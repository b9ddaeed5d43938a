"""Plain list items `- Title (`a.py:2`): explanation` under a bold level label
(`**Important:**`) or a severity heading.

Only an item that ended with its place (`- Title (`a.py:1`).`) was read: one whose place was
followed by its explanation was findings text that could not be read under a bold label, and
under `## Important Issues` a finding whose title kept the place and the explanation.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "## Executive Summary\nA total helper.\n\n## Findings\n\n**Critical:** none.\n\n"
    "**Important:**\n"
    "- Empty input divides by zero (`calc.py:2`): `total([])` raises instead of returning 0.\n"
    "- Rounding differs from the old helper (`calc.py:4`).\n\n"
    "**Suggestions:**\n- Name says nothing (`calc.py:1`).\n"
)


def _found(text: str) -> list[tuple[str, str, int | None, str]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.id, f.title, f.locations[0].start, f.body) for f in review.findings]


def test_under_bold_level_labels() -> None:
    assert _found(_REVIEW) == [
        ("I1", "Empty input divides by zero", 2, "`total([])` raises instead of returning 0."),
        ("I2", "Rounding differs from the old helper", 4, ""),
        ("S1", "Name says nothing", 1, ""),
    ]


def test_under_a_severity_heading() -> None:
    text = (
        "## Important Issues\n\n"
        "- Empty input divides by zero (`calc.py:2`): `total([])` raises.\n"
        "- Rounding differs from the old helper (`calc.py:4`).\n"
    )
    assert [t[:3] for t in _found(text)] == [
        ("I1", "Empty input divides by zero", 2),
        ("I2", "Rounding differs from the old helper", 4),
    ]


def test_the_review_is_read(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert "could not be read" not in verdict["reason"], verdict
    assert sorted(f["id"] for f in report["findings"]) == ["I1", "I2", "S1"]
