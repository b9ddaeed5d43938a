"""A `## Findings` section whose items are numbered and each led by its place with no level
(`1. `q.go:88` — the retry swallows …`). Before, the items after the first that named no fault
word (`the backoff doubles with no cap`) were dropped: no finding, no warning, no unread text,
while the same list with `-` bullets read every item. The seat listed them under its findings,
so each is a finding whatever its words; the marks of the list change nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.read_findings import parsed_by_cli, read_by_cli

_REVIEW = """# Review

## Findings

{m1} `q.go:88` — the retry swallows the error from `send`, so a failed publish is reported as sent.
{m2} `q.go:120` — the backoff doubles with no cap.
{m3} `q.go:140` — the queue name is read from the environment on every call.

## Summary

Three notes on the queue client.
"""

_READ = [
    (
        "important",
        "q.go:88",
        "the retry swallows the error from `send`, so a failed publish is reported as sent",
    ),
    ("important", "q.go:120", "the backoff doubles with no cap"),
    ("important", "q.go:140", "the queue name is read from the environment on every call"),
]


@pytest.mark.parametrize(
    "marks", [("1.", "2.", "3."), ("-", "-", "-"), ("1)", "2)", "3)"), ("*", "*", "*")]
)
def test_every_place_led_item_under_findings_is_read_whatever_its_marks(
    tmp_path: Path, marks: tuple[str, str, str]
) -> None:
    m1, m2, m3 = marks
    found, unread = read_by_cli(tmp_path, _REVIEW.format(m1=m1, m2=m2, m3=m3))
    assert (found, unread) == (_READ, [])


def test_a_numbered_remark_under_findings_is_never_dropped_silently(tmp_path: Path) -> None:
    # near miss: an item that says the spot is fine is no finding, but it stays in the review
    # as text we did not read as one, and a warning says so (as with `-` bullets)
    text = """# Review

## Findings

1. `q.go:88` — the retry swallows the error from `send`, so a failed publish is reported as sent.
2. `q.go:120` — the buffer is sized per call (line 120); that is fine here.
"""
    parsed = parsed_by_cli(tmp_path, text)
    assert [f["title"] for f in parsed["findings"]] == [
        "the retry swallows the error from `send`, so a failed publish is reported as sent"
    ]
    assert any("buffer is sized per call" in t for t in parsed["unparsed"])
    assert any("buffer is sized per call" in w for w in parsed["warnings"])
