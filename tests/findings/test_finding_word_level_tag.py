"""`**Finding 1 (High): Title**` (small local models): the level in parentheses after the
finding's number. It stayed in the title (`(High): Title`) and the finding was unrated
(important), so a High one did not block and a Low one asked for a fix. Words in parentheses
that are no level stay in the title.
"""

from __future__ import annotations

from deepreview.findings import parse_review


def test_the_level_after_the_number_is_read() -> None:
    text = (
        "## Findings\n\n**Finding 1 (High): Lock is never released on error**\n"
        "File: `pool/conn.py`, lines 40-52\nAn exception in `send()` skips `release()`.\n\n"
        "**Finding 2 (Low): Docstring repeats the name**\nFile: `pool/conn.py`, line 3\n"
        "It says nothing else.\n"
    )
    review = parse_review(text, seat="alpha")
    assert not review.unrated and not review.unread_findings
    assert [(f.id, f.title) for f in review.findings] == [
        ("C1", "Lock is never released on error"),
        ("S1", "Docstring repeats the name"),
    ]


def test_other_words_in_parentheses_stay_in_the_title() -> None:
    text = (
        "## Important Issues\n\n### Finding 1 (pool): Lock is never released on error\n\n"
        "`pool/conn.py:40` skips `release()` on an exception.\n"
    )
    review = parse_review(text, seat="alpha")
    assert [(f.id, f.title) for f in review.findings] == [
        ("I1", "(pool): Lock is never released on error")
    ]
