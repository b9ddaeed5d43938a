"""Findings written as paragraphs led by their place, under singular section names.

`### Bug` + `` `a.py:27` — text`` and `### Nit` + `` `a.py:5` unused import``: the singular
`Bug` named no section (its text vanished), and a paragraph led by a place with a line was
no finding under a level's heading (`### Nit`, `## Minor`: unread text), though the same line
as a `- ` item is one. A place with no line (a list of files) and a heading like `### Cache bug` (a
finding's own title, not a section) stay what they were.
"""

from __future__ import annotations

from deepreview.findings import parse_review
from support.read_findings import read_findings


def test_singular_sections_hold_place_led_paragraphs() -> None:
    text = (
        "### Summary\nMoves uploads to S3.\n\n"
        "### Bug\n"
        "`up/store.py:27` — the key is built from the user name, so two users with one name\n"
        "overwrite each other's files.\n\n"
        "### Nit\n"
        "`up/store.py:5` unused import `os`.\n"
    )
    got = [(r.level, r.places) for r in read_findings(text)]
    assert got == [("important", [("up/store.py", 27)]), ("suggestion", [("up/store.py", 5)])]


def test_place_led_paragraphs_under_a_level_heading_are_findings() -> None:
    text = (
        "## Minor\n\n"
        "`pay/refund.py:40`: the refund is not capped at the charge, so a partial refund can\n"
        "exceed what was paid.\n\n"
        "`pay/refund.py:77` — the currency is dropped when the amount is logged.\n"
    )
    got = [(r.level, r.places) for r in read_findings(text)]
    assert got == [
        ("suggestion", [("pay/refund.py", 40)]),
        ("suggestion", [("pay/refund.py", 77)]),
    ]


def test_files_without_lines_and_a_titled_heading_stay_as_they_were() -> None:
    files = "## Issues\n\n`pay/refund.py` and `pay/models.py` are new in this change.\n"
    assert parse_review(files, seat="alpha").findings == ()
    # `### Cache bug` is no `### Bug` section: its paragraph is the walkthrough's prose
    prose = "### Cache bug\n\nThe cache module was rewritten; it reads well now.\n"
    assert parse_review(prose, seat="alpha").findings == ()
