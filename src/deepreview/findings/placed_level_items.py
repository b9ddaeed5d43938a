"""A list item led by its bold level word and a place (`- **High:** `api/page.py:30` — …`,
`- **Critical** [a.py#L3](https://…/a.py#L3) — …`) in a review's summary: a finding. A summary
that announces `I found three things` and lists them this way holds findings, not the
summary's own points; before, they read as summary text and the review as clean. A bold level
word before no place (`- **High** risk overall`, `- **Low:** the docs`) opens nothing.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import locations_in
from deepreview.findings.levels import level_lead
from deepreview.findings.section_titles import Kind

_ITEM: Final = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,2}[.)])[ \t]+(?P<rest>\*\*\S.*)$")
# (the place right after the level: a code span, a link or a bare path, before any other words)
_PLACE_FIRST: Final = re.compile(
    r"^[ \t]*(?:[—–:-][ \t]*)?(?P<place>`[^`]+`|\[[^\]]+\]\([^)]+\)|\S+)"
)


def placed_level_item(line: str) -> bool:
    """`line` is a list item led by a bold level word, then a place with its line."""
    m = _ITEM.match(line)
    if m is None:
        return False
    word, rest = level_lead(m["rest"])
    place = _PLACE_FIRST.match(rest) if word is not None else None
    if place is None:
        return False
    return any(loc.start is not None for loc in locations_in(place["place"]))


def summary_item(kind: Kind, line: str) -> bool:
    """A placed level item in a summary: the findings the summary announced. (Elsewhere a
    list of them is read as it was: one item of the list opening a findings section would
    leave the items without a level behind it unread.)"""
    return kind is Kind.SUMMARY and placed_level_item(line)
