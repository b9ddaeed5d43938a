"""A finding heading that holds only its place and its level: ``### `a.ts:22` (critical)``,
`### api/orders.ts:48-52 — minor`, ``#### 2. `db.py:7` [P1]``, its words in the paragraphs
below. The level after the place is read where a level before it is (``### [critical]
`a.ts:22` ``): the tag is moved to open the heading, and the first sentence of the words below
becomes the title (`place_titles`), as for a list item that holds only a level and a place.

Only a heading whose words, less the tag, are places with a line: ``### `a.ts:22` (new file)``
keeps its words, and so does a heading with a title of its own (``### `a.ts:22` Total trusted
(critical)``, read by the heading readers as before). Lines stay in place, one for one.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import TAG_PATTERN, first_level_word, title_level
from deepreview.findings.locations import parse_locations

_HEADING: Final = re.compile(
    r"^(?P<marks> {0,3}#{1,6}[ \t]+)(?P<num>\d{1,3}[.)][ \t]+)?(?P<rest>.*)$"
)
# the level after the place: `(critical)`, `[P1]`, `(high severity)`, `— minor`, `: Major`
_TAIL_TAG: Final = re.compile(
    r"[ \t]*(?:[(\[](?P<b>[^()\[\]\n]{1,40})[)\]]"
    r"|(?:[—–:·|]|[ \t]-)[ \t]*(?:\*\*|__|\*|_)?"
    rf"(?P<w>(?:{TAG_PATTERN})(?:[ \t]+\w+)?)(?:\*\*|__|\*|_)?)"
    r"[ \t]*$",
    re.IGNORECASE,
)
_PLACES_CHARS: Final = 300
_TAG_CHARS: Final = 60


def place_level_headings(
    lines: list[str], mask: list[bool], prefixes: tuple[str, ...] = ()
) -> list[str]:
    """`lines` with each place-and-level heading's level moved before its place; `lines`
    itself when there is none."""
    out = list(lines)
    for i, line in enumerate(lines):
        if mask[i] or not line.lstrip().startswith("#"):
            continue
        h = _HEADING.match(line)
        if h is None:
            continue
        # (`### **`a.ts:22` (critical)**`, closing `#`s; a tag is short: only the line's end is
        # searched, so a heading of long blank runs costs no more than its length)
        rest = h["rest"].rstrip(" \t#").strip("*_ \t")
        if len(rest) > _PLACES_CHARS + _TAG_CHARS:
            continue
        tag = _TAIL_TAG.search(rest, max(0, len(rest) - _TAG_CHARS))
        if tag is None:
            continue
        word = (tag["b"] or tag["w"]).strip().strip("*_")
        if title_level(word.lower()) is None:
            continue
        places = rest[: tag.start()].strip().strip("*_").rstrip(":—–- \t")
        if not _only_places(places, prefixes):
            continue
        # (the level word alone: `(high severity)` opens the heading as `[high]`)
        out[i] = f"{h['marks']}{h['num'] or ''}[{first_level_word(word) or word}] {places}"
    return out if out != lines else lines


def _only_places(text: str, prefixes: tuple[str, ...]) -> bool:
    """`text` is only places (`parse_locations` reads every item as one), one with a line."""
    if not 0 < len(text) <= _PLACES_CHARS:
        return False
    return any(loc.start is not None for loc in parse_locations(text, prefixes))
