"""A review that says "No issues found." (or "No findings.") and still lists `- Low: …` items
under `## Risks`: each such item is a suggestion of that seat, not dropped for the sentence.

Why: "no issues" is how reviewers say they found nothing that blocks; a risk the reviewer chose
to write down and grade `Low` is a low-severity concern, which is what a suggestion is. Read
as nothing, the seat's concern would be lost, and another seat raising the same one would get
no agreement from it. The sentence stays in the seat's summary, as written; the report's
verdict (suggestions only) is still to merge. Fixture: `no-issues-with-low-risks.md`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity

FIXTURE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "reviews" / "no-issues-with-low-risks.md"
)
RISKS = [
    (Severity.SUGGESTION, "the cache may grow unbounded, as nothing evicts an entry"),
    (
        Severity.SUGGESTION,
        "a price changed in the database is served stale until the process restarts",
    ),
]


def test_low_risks_beside_no_issues_found_are_suggestions() -> None:
    review = parse_review(FIXTURE.read_text(encoding="utf-8"), seat="s")
    assert [(f.severity, f.title) for f in review.findings] == RISKS
    assert "No issues found." in review.executive_summary
    assert review.unread_findings == ()
    assert review.cut_off == ""


@pytest.mark.parametrize(
    "nothing", ["No issues found.", "No findings.", "No issues found; approve."]
)
def test_the_sentence_alone_with_a_low_risk_list(nothing: str) -> None:
    text = f"{nothing}\n\n## Risks\n\n- Low: the cache may grow unbounded\n"
    review = parse_review(text, seat="s")
    assert [(f.severity, f.title) for f in review.findings] == [
        (Severity.SUGGESTION, "the cache may grow unbounded")
    ]


def test_a_risk_with_no_level_is_no_finding() -> None:
    """Only the item's own level makes it one: an ungraded risk stays the section's text."""
    text = "## Summary\n\nNo issues found.\n\n## Risks\n\n- the cache may grow unbounded\n"
    review = parse_review(text, seat="s")
    assert review.findings == ()
    assert [s.title for s in review.other_sections] == ["Risks"]
