"""Field bullets written after a finding's text (`- **Severity**: High`, `- **Location**: …`,
Gemini's habit) were read as findings of their own, titled 'Severity' (critical, no place) and
'Location'. They are a finding's fields, never findings; the same fields right under the
finding's heading still give its level and place.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_AFTER = (
    "## Findings\n\n### Token cache grows without bound\n\n"
    "Every refresh adds an entry and none is dropped.\n\n"
    "- **Severity**: High\n- **Location**: `auth/cache.py:20-31`\n"
)


def test_fields_after_the_text_make_no_findings() -> None:
    review = parse_review(_AFTER, seat="alpha")
    assert [f.title for f in review.findings if f.title.lower() in ("severity", "location")] == []


def test_fields_under_the_heading_still_give_level_and_place() -> None:
    text = (
        "## Findings\n\n### Token cache grows without bound\n\n"
        "- **Severity**: High\n- **Location**: `auth/cache.py:20-31`\n\n"
        "Every refresh adds an entry and none is dropped.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title, f.locations[0].start) for f in review.findings] == [
        ("C1", "Token cache grows without bound", 20)
    ]
