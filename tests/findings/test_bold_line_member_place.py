"""A bold title line whose place names the code before its file: `**Title** — in `parse()`
(src/a.py)`.

A bold title followed by its place and nothing else is a finding paragraph; the words `in
`parse()`` beside the place were taken for a sentence going on, so the paragraph was unread
findings text. Words that say more than where (`— in `parse()` we cast twice (a.py)`) still
make the line no title.
"""

from __future__ import annotations

from deepreview.findings import parse_review
from support.read_findings import read_findings


def test_a_member_beside_the_place_keeps_the_bold_line_a_finding() -> None:
    text = (
        "## Medium\n\n"
        "**Percent parsed with int()** — in `parse_rate()` (src/shop/rates.py)\n"
        '`int("2.5")` raises, so fractional rates crash checkout.\n\n'
        "**Rounding before the sum** — `total()` in `src/shop/cart.py:30`\n"
        "Each line is rounded first, so totals drift by a cent.\n"
    )
    got = [(r.level, r.title, r.places) for r in read_findings(text)]
    assert got == [
        ("important", "Percent parsed with int()", [("src/shop/rates.py", None)]),
        ("important", "Rounding before the sum", [("src/shop/cart.py", 30)]),
    ]


def test_a_sentence_beside_the_place_is_no_title_line() -> None:
    text = (
        "## Medium\n\n"
        "**Percent parsed with int()** — in `parse_rate()` we cast the value twice"
        " (src/shop/rates.py)\n"
    )
    titles = [f.title for f in parse_review(text, seat="alpha").findings]
    assert "Percent parsed with int()" not in titles
