"""A `## Risk Assessment` that rates the change (`- Low: the rename is confined to test helpers`,
`**Overall risk: Low**`) is the reviewer's judgment of the whole change, not a concern about it:
its items are no findings. Read as one, "No issues found." became a suggestion titled with the
reason the change is safe. An item there that names a problem (`- Medium: a race condition …`)
is still a finding, and a `## Risks` list of concerns stays what it is
(`test_no_issues_with_low_risks.py`). Fixture: `no-issues-with-risk-rating.md`."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_review
from deepreview.model import Severity

FIXTURE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "reviews" / "no-issues-with-risk-rating.md"
)


def test_a_risk_rating_of_the_change_is_no_finding() -> None:
    review = parse_review(FIXTURE.read_text(encoding="utf-8"), seat="s")
    assert review.findings == ()
    assert [s.title for s in review.other_sections] == ["Risk Assessment"]
    assert "confined to test helpers" in review.other_sections[0].body
    assert review.unread_findings == ()


@pytest.mark.parametrize("title", ["Risk Assessment", "Risk", "Overall Risk", "Risk Level"])
def test_a_rating_under_any_rating_title_is_no_finding(title: str) -> None:
    text = f"No issues found.\n\n## {title}\n\n- Low: only documentation changes.\n"
    assert parse_review(text, seat="s").findings == ()


def test_an_item_that_names_a_problem_in_a_risk_assessment_is_a_finding() -> None:
    text = (
        "## Summary\n\nOne concern.\n\n## Risk Assessment\n\n"
        "- Medium: a race condition lets two writers update the cache at once.\n"
        "- **Overall risk: Medium**\n"
    )
    review = parse_review(text, seat="s")
    assert [(f.severity, f.title) for f in review.findings] == [
        (Severity.IMPORTANT, "a race condition lets two writers update the cache at once")
    ]
