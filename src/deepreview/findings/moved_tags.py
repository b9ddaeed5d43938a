"""Where a level found elsewhere on a finding (a bracket on its last line, a closing hashtag, an
image above it) is written when it is moved onto the finding's first line: after a place that
opens the text (``- `a.py:3` [high] the loop …``), else opening it (`- [high] Title`). Written
before such a place, the tag left the place as the first words of the title."""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.locations import parse_locations

_LEAD_PLACE: Final = re.compile(r"^(?P<place>`[^`\n]{1,300}`|[^\s`]{1,300}:\d[\w,-]{0,30})[ \t]+")


def with_tag(rest: str, word: str) -> str:
    """`rest` (a finding's first line, less its list marker or heading marks) with `[word]`."""
    m = _LEAD_PLACE.match(rest)
    if m is not None and parse_locations(m["place"].strip("`")):
        return f"{m['place']} [{word}] {rest[m.end() :]}"
    return f"[{word}] {rest}"
