"""A bold title that ends on a dash, its place on the next line:

    **Discount applied twice for bundled items** —
    https://github.com/acme/shop/blob/4f1c2ab/src/cart/total.py#L12-L18
    The bundle loop applies it, then the outer loop applies it again.

Models wrap a long first line so. Read as written, the title line named no place and the whole
paragraph was unread findings text. The place line belongs to the title line it continues (as
Markdown renders it: one paragraph). A title that ends on no dash keeps its next line as text,
and a next line that does not open with a place is the finding's text.
"""

from __future__ import annotations

from deepreview.findings import parse_review

_URL = "https://github.com/acme/shop/blob/4f1c2ab/src/cart/total.py#L12-L18"
_BODY = "The bundle loop applies it, then the outer loop applies it again.\n\n"


def _read(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.severity.letter, f.title, ", ".join(map(str, f.locations)))
        for f in parse_review(text, seat="alpha").findings
    ]


def test_a_url_on_the_next_line_is_the_titles_place() -> None:
    text = f"## High\n\n**Discount applied twice** —\n{_URL}\n{_BODY}"
    text += "## Low\n\n**Unused import** — `src/cart/coupons.py:3`\nIt is unused.\n"
    assert _read(text) == [
        ("C", "Discount applied twice", "src/cart/total.py:12-18"),
        ("S", "Unused import", "src/cart/coupons.py:3"),
    ]


def test_a_code_span_place_on_the_next_line() -> None:
    text = f"## Medium\n\n**Totals go negative** —\n`src/cart/total.py:40`\n{_BODY}"
    assert _read(text) == [("I", "Totals go negative", "src/cart/total.py:40")]


def test_a_next_line_of_text_stays_text() -> None:
    text = "## Medium\n\n**Totals go negative** —\nthe coupon and the voucher add up past it.\n"
    assert all("src/" not in places for _, _, places in _read(text))
