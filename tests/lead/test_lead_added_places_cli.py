"""Where a lead's added finding points is checked against the code as a seat's finding is
(README: "Where a finding points is checked against the code"): a place written `path:line` in
`path` is that line. (One past the end of its file is not added: test_lead_made_up_place_cli.)"""

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


def test_a_lead_place_under_its_worktree_or_dot_slash_is_the_repo_path(tmp_path: Path) -> None:
    # the lead runs in `review-lead-XXXX/`: a model quoting its tools writes such paths
    lead = answer(
        added_findings=[
            _added("Grows strings", {"path": "/tmp/x/review-lead-k3j9_x2a/util/strings.py"}),
            _added("Sub has no docstring", {"path": "./calc.py", "start": 5}),
        ]
    )
    run = review_with_lead(tmp_path, [fenced(lead)])
    assert run.finding("Grows strings")["locations"] == [
        {"path": "util/strings.py", "start": None, "end": None}
    ]
    assert run.finding("Sub has no docstring")["locations"] == [
        {"path": "calc.py", "start": 5, "end": None}
    ]
    assert "review-lead-" not in run.md and "./calc.py" not in run.md
