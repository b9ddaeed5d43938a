"""An empty Testing or Documentation Assessment in the lead's answer (a model filling every key
of the schema) adds nothing: the seats' merged assessment stands, never "No reviewer assessed
testing" over what a seat did assess."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def test_an_empty_assessment_from_the_lead_keeps_the_seats_one(tmp_path: Path) -> None:
    empty = {"intro": "", "items": []}
    run = review_with_lead(tmp_path, [fenced(answer(testing=empty, documentation=empty))])
    testing = run.section("## Testing Assessment")
    assert "No reviewer assessed testing" not in testing
    assert "Nothing tests `shout` with `None`. [Alpha]" in testing
