"""Where a lead's added finding points is checked against the code as a seat's finding is
(README: "Where a finding points is checked against the code"): a line past the end of a file
no seat cited is said to be, and a place written `path:line` in `path` is that line."""

from __future__ import annotations

from pathlib import Path

from lead_cli import review_with_lead
from lead_kit import answer, fenced


def _added(title: str, location: dict[str, object]) -> dict[str, object]:
    return {
        "severity": "suggestion",
        "title": title,
        "locations": [location],
        "reason": "Read the file.",
        "body": "Explained here.",
    }


def test_a_lead_place_past_the_end_of_a_file_no_seat_cited_is_flagged(tmp_path: Path) -> None:
    # AGENTS.md (one line, at the base and the head) is cited by no seat
    lead = answer(added_findings=[_added("Unsafe instruction", {"path": "AGENTS.md", "start": 40})])
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert run.finding("Unsafe instruction")["scope"] == (
        "line past the end of its file at review SHA"
    )
    assert "*Line past the end of its file at review SHA.*" in run.md


def test_a_lead_place_written_path_colon_line_is_that_line(tmp_path: Path) -> None:
    lead = answer(
        added_findings=[
            _added("Sub has no docstring", {"path": "calc.py:5"}),
            _added("Shout range", {"path": "`util/strings.py:1-2`"}),
        ]
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    sub = run.finding("Sub has no docstring")
    assert sub["locations"] == [{"path": "calc.py", "start": 5, "end": None}]
    assert sub["scope"] is None  # in the change, where the line is
    shout = run.finding("Shout range")
    assert shout["locations"] == [{"path": "util/strings.py", "start": 1, "end": 2}]
    assert "file not found" not in run.md.split("## Design Observations", 1)[0]
