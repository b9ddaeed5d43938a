"""A place-led list item with no level of its own, in a list the seat rates item by item.

    - `app/cache.py:40` — the TTL is read once at import, so changing it needs a restart
    - Nit: `app/cache.py:52` — typo in the log message

The `Nit:` item makes the list a list of findings, each led by its place; the item above it
names no fault word, but it is one of them all the same: a finding with no level of its own
(important, listed as unrated, as every such finding). Before, it stayed in the prose above
the nit, or (below it) became the nit's text: a finding gone with no trace. Narrowly: the item
leads with a place with a line, and an item of the same list (same indent, no paragraph at the
margin between) leads with its own level word and a place too. An item that says the spot is
fine (`no_action.needs_no_change`) or only praises it (`design_tone.praises`: `- `a.py:10` —
nice use of `yield from``) is read as that and set aside, with a warning that says so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from deepreview.findings.finding_line import parse_head
from deepreview.findings.head import FindingHead
from deepreview.findings.list_marker import LIST_MARKER

_ITEM: Final = re.compile(rf"^(?P<ind>[ \t]{{0,3}}){LIST_MARKER}[ \t]+\S")


def beside_a_rated_item(
    lines: list[str], fenced: list[bool], i: int, head: FindingHead, prefixes: tuple[str, ...]
) -> bool:
    """Item `i` (read as `head`) leads with a place with a line, has no level of its own, and
    stands in a list beside an item led by its own level word and a place."""
    ind = item_indent(lines[i])
    if ind is None or not placed_unrated(head):
        return False
    return any(_rated(lines[k], prefixes) for k in list_siblings(lines, fenced, i, ind))


def placed_unrated(head: FindingHead) -> bool:
    """The head leads with a place with a line and gives no level of its own."""
    return (
        head.style == "placed"
        and head.severity is None
        and any(loc.start is not None for loc in head.locations)
    )


def item_indent(line: str) -> str | None:
    """The indent of the list item `line` opens; None when it opens none."""
    m = _ITEM.match(line)
    return None if m is None else m["ind"]


# How far each way an item looks for its rated sibling, in lines: every item of a long list
# looking through all the others would make a hostile review's list quadratic to read
_REACH: Final = 400


def list_siblings(lines: list[str], fenced: list[bool], i: int, ind: str) -> list[int]:
    """The other items of item `i`'s list: items at its indent, reached over blank lines and
    deeper (continuation) lines; a line at the margin that is no item ends the list."""
    out: list[int] = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and abs(k - i) <= _REACH and not fenced[k]:
            line = lines[k]
            m = _ITEM.match(line)
            if m is not None and m["ind"] == ind:
                out.append(k)
            elif line.strip() and len(line) - len(line.lstrip()) <= len(ind):
                break
            k += step
    return out


@lru_cache(maxsize=4096)
def list_item_head(line: str, prefixes: tuple[str, ...]) -> FindingHead | None:
    """The head of a list item as a finding (a numbered or bulleted line, no section lead-in);
    cached: the passes asking about one item's siblings read each line once."""
    return parse_head(
        line,
        numbered=True,
        bulleted=True,
        plain_bullets=True,
        section_led=False,
        prefixes=prefixes,
    )


def _rated(line: str, prefixes: tuple[str, ...]) -> bool:
    head = list_item_head(line, prefixes)
    return (
        head is not None
        and head.severity is not None
        and bool(head.level_word)
        and bool(head.locations)
    )
