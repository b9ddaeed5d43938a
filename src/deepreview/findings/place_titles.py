"""A finding whose first line holds only its level and its place, its words on the lines below:
`- **Medium:** `api/page.py:71`` then `  — `limit` is not capped; …`, an HTML `<li>` broken after
its permalink, a `<details>` whose `<summary>` holds only a level and a link. The place is no
title (`place_led` says the same of a place followed by words on its own line): the words'
first sentence is, and the place stays the finding's location."""

from __future__ import annotations

import re

from deepreview.findings.head import FindingHead
from deepreview.findings.locations import parse_locations
from deepreview.model import Location

# what may part the place from its words where they wrap onto the next line: `— text`, `: text`
_SEPARATOR = re.compile(r"^(?:[—–]|--?(?=[ \t])|:)[ \t]*")
# a first line that is not the finding's words: code, a quote, a table, markup, a heading, a
# sub-list, or a field label (`**Impact:** …`, which says what its text is)
_NOT_WORDS = re.compile(
    r"^(?:```|~~~|>|\||<|#|[-*+][ \t]|\d+[.)][ \t]"
    r"|(?:\*\*|__)[^*_\n]{1,40}?(?:[:：](?:\*\*|__)|(?:\*\*|__)[ \t]*[:：]))"
)

_PLACES_CHARS = 300


def place_title(head: FindingHead, body: str, prefixes: tuple[str, ...]) -> str:
    """The body, its words' first sentence made the title when the title names only places
    (with a line: a bare file name may head a group of findings); the separator that parted
    the words from the place (`— `) goes. The words stay the body's opening, as `place_led`
    leaves them: how they end tells a review cut off mid-sentence (`unfinished.py`)."""
    places = _only_places(head.title, prefixes)
    if not places:
        return body
    lead = body.lstrip("\n")
    paragraph = lead.split("\n\n", 1)[0]
    words = _SEPARATOR.sub("", paragraph, count=1)
    if not words.strip() or _NOT_WORDS.match(words) or paragraph.startswith("    "):
        return body
    first, _, _ = " ".join(words.split()).partition(". ")
    title = first.rstrip(".").rstrip()
    if not title:
        return body
    head.title = title
    head.locations[:0] = [loc for loc in places if loc not in head.locations]
    return words + lead[len(paragraph) :]


def _only_places(title: str, prefixes: tuple[str, ...]) -> list[Location]:
    text = title.strip().strip("*_").strip().rstrip(":—–- \t").strip("*_").strip()
    # a few places are short; a long title is words (and splitting one with 20 KB of blanks
    # into list items is quadratic)
    places = parse_locations(text, prefixes) if 0 < len(text) <= _PLACES_CHARS else []
    return places if any(loc.start is not None for loc in places) else []


__all__ = ["place_title"]
