"""A closing "Everything else looks fine", "Otherwise LGTM", "The rest looks good" after items
at places: it says the *other* code is fine, so the items before it are what is not. In a review
we read no finding from, those items are findings text we could not read, never a clean review
(its "looks fine" is no statement that nothing was found). A review saying only "LGTM,
everything looks fine", or closing a summary that names no place, stays what it says.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.blocks import Block
from deepreview.findings.none_statements import PLACE_LINE
from deepreview.findings.section_titles import set_aside

_ELSE_FINE: Final = re.compile(
    r"\b(?:(?:everything|all|anything)\s+else|the\s+rest(?:\s+of\s+(?:it|the\s+\w+))?"
    r"|otherwise,?|apart\s+from\s+(?:that|these|this|those))"
    r"\s+(?:(?:looks|seems|is|are|reads)\s+(?:good|fine|ok(?:ay)?|correct|solid|clean)"
    r"|(?:lgtm|looks\s+good\s+to\s+me))\b",
    re.IGNORECASE,
)
# a list item (bulleted or numbered) naming a place with its line
_PLACED_ITEM: Final = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+\S")


def _section(block: Block, start: int, end: int) -> str | None:
    """The block's text from line `start` to `end` (code left out, its title when it opens
    there), when a list item in it names a place; else None."""
    rows = [
        line
        for line, fenced in zip(block.lines[start:end], block.fenced[start:end], strict=False)
        if not fenced
    ]
    if not any(_PLACED_ITEM.match(r) and PLACE_LINE.search(r) for r in rows):
        return None
    text = "\n".join(rows).strip("\n")
    return f"{block.title}\n{text}".strip("\n") if block.title and start == 0 else text


def placed_items_before_else_fine(blocks: list[Block]) -> list[str]:
    """The sections whose list items at places come before a closing "everything else looks
    fine": findings text we could not read. Nothing when no such closing follows them."""
    found: list[str] = []
    held: list[str] = []
    for b in blocks:
        if set_aside(b.title, b.lines):
            continue
        start = 0
        for i, (line, fenced) in enumerate(zip(b.lines, b.fenced, strict=False)):
            if fenced or _ELSE_FINE.search(line) is None:
                continue
            section = _section(b, start, i)
            held.extend([section] if section else [])
            found.extend(held)
            held, start = [], i + 1
        section = _section(b, start, len(b.lines))
        held.extend([section] if section else [])
    return found
