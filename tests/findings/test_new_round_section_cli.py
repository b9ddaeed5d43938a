"""A re-review: the earlier round's findings struck through as fixed, then a section of what
this round finds (`### New in this round`). Before, that heading was no findings section (its
words are not `Findings` or `Issues`, and `round` reads as a section about earlier rounds), so
the review read as clean. Now a title that opens with `new` and says only which round is this
review's findings section; the struck-through items stay no findings. A title naming what the
change added (`### New endpoints`) stays an ordinary section.
"""

from __future__ import annotations

from pathlib import Path

from support.read_findings import levels_and_places, parsed_by_cli

_REREVIEW = """## Second pass

Thanks for the fixes. The earlier notes:

- ~~**I1** `billing/tax.py:30` — rates read from the wrong table~~ fixed
- ~~**S1** `billing/tax.py:88` — stray debug print~~ fixed

### New since the last review

- **I2** `billing/refund.py:41` — a partial refund is rounded before the currency is known, so
  yen refunds lose their last digit.
- **S2** `billing/refund.py:77` — `amt` could be `amount`.
"""

_ADDED = """## Review

### New endpoints

- `billing/routes.py:12` — `POST /refunds` takes an order id and an amount.
- `billing/routes.py:30` — `GET /refunds/{id}` returns the stored refund.

### Findings

- **S1** `billing/routes.py:30` — the 404 body is HTML while every other error is JSON.
"""


def _found(tmp_path: Path, text: str) -> list[tuple[str, str, int]]:
    return sorted(levels_and_places(parsed_by_cli(tmp_path, text)))


def test_a_new_this_round_section_holds_the_findings(tmp_path: Path) -> None:
    assert _found(tmp_path, _REREVIEW) == [
        ("important", "billing/refund.py", 41),
        ("suggestion", "billing/refund.py", 77),
    ]


def test_a_section_of_what_the_change_added_is_no_findings(tmp_path: Path) -> None:
    assert _found(tmp_path, _ADDED) == [("suggestion", "billing/routes.py", 30)]
