"""A JSON review written as GitHub review comments gives a range as `start_line` + `line`.

In GitHub's API a multi-line comment's `line` is its LAST line and `start_line` its first. Read
first-alias-wins, `line` was taken as the start, so the finding sat at the range's end (55, not
48) and the start was lost. A comment with only `line` is still at that line.
"""

from __future__ import annotations

import json

from deepreview.findings import parse_review


def _comments(*comments: dict[str, object]) -> str:
    body = {"summary": "Adds uploads.", "comments": list(comments)}
    return "```json\n" + json.dumps(body, indent=2) + "\n```\n"


def _places(text: str) -> list[tuple[str, int | None, int | None]]:
    return [
        (loc.path, loc.start, loc.end)
        for f in parse_review(text, seat="alpha").findings
        for loc in f.locations
    ]


def test_start_line_and_line_are_the_range() -> None:
    text = _comments(
        {
            "path": "store/put.py",
            "start_line": 48,
            "line": 55,
            "priority": "medium",
            "body": "Write errors are swallowed and the caller is told it worked.",
        }
    )
    assert _places(text) == [("store/put.py", 48, 55)]


def test_a_lone_line_stays_that_line() -> None:
    text = _comments(
        {
            "path": "store/put.py",
            "line": 55,
            "priority": "medium",
            "body": "Write errors are swallowed and the caller is told it worked.",
        }
    )
    assert _places(text) == [("store/put.py", 55, None)]
