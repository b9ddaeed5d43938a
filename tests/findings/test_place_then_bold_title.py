"""A list item that opens with its place and then a bold title (`- `a.py:2` **[P1] Title** —
text`, `- `a.py:2` — **Title** (P1): text`).

The bold span after the place was not taken as the title: with a `[P1]` tag inside it the whole
list was findings text that could not be read (Unverified), and with the tag after it the title
kept the place and the bold markup.
"""

from __future__ import annotations

from pathlib import Path

from deepreview.findings import parse_review
from support.printing_seats import review_printed

_REVIEW = (
    "**Findings**\n\n"
    "- `calc.py:2` **[P1] Empty input divides by zero** — `total([])` raises instead of "
    "returning 0.\n"
    "- `calc.py:1` **[P3] Name says nothing** — `f` could be `total`.\n\n"
    "**Overall correctness:** patch is incorrect.\n"
)


def _found(text: str) -> list[tuple[str, str, str, int | None]]:
    review = parse_review(text, seat="alpha")
    assert not review.unread_findings, review.unread_findings
    return [(f.id, f.title, f.locations[0].path, f.locations[0].start) for f in review.findings]


def test_a_tag_inside_the_bold_title_after_the_place() -> None:
    assert _found(_REVIEW) == [
        ("I1", "Empty input divides by zero", "calc.py", 2),
        ("S1", "Name says nothing", "calc.py", 1),
    ]


def test_a_tag_after_the_bold_title_and_a_dash_before_it() -> None:
    text = (
        "## Findings\n\n"
        "- `calc.py:2` **Empty input divides by zero** (P1) — `total([])` raises.\n"
        "- `calc.py:1` — **[P3] Name says nothing**: `f` could be `total`.\n"
    )
    assert _found(text) == [
        ("I1", "Empty input divides by zero", "calc.py", 2),
        ("S1", "Name says nothing", "calc.py", 1),
    ]


def test_the_review_is_read(tmp_path: Path) -> None:
    _res, _out, report = review_printed(tmp_path, {"alpha": _REVIEW})
    verdict = report["header"]["verdict"]
    assert verdict["label"] == "Merge with fixes", verdict
    assert "could not be read" not in verdict["reason"], verdict
