"""Findings nested under list items that only name a level:

    - **Critical**
      - `pay/refund.py:33` — a refund may exceed the charge.
    - **Minor**
      - `pay/refund.py:70` — magic number 86400.

Each `- **Critical**` item is a severity heading written as a list item, so the review is
rewritten line for line: the item becomes a heading of that level and its nested items move to
the margin, where the findings section reads them as it reads any list under `### Critical`.
"""

from __future__ import annotations

import re

from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.section_titles import Kind, title_kind

_LEVEL_ITEM = re.compile(
    r"^(?P<indent> {0,3})[-*+][ \t]+(?:\*\*|__)(?P<title>[^*_\n]{2,40}?)(?::[ \t]*)?(?:\*\*|__)"
    r"[ \t]*:?[ \t]*$"
)
_NESTED_ITEM = re.compile(rf"^(?P<indent>[ \t]+){LIST_MARKER}[ \t]+\S")
_LEVELS = frozenset({Kind.CRITICAL, Kind.IMPORTANT, Kind.SUGGESTIONS})
# deeper than any heading a review writes itself, so the level's section ends at the next one
_HEADING = "######"


def open_level_lists(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with every level item turned into a heading and its nested items moved to the
    margin; None when the review has no such list."""
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        m = None if fenced[i] else _LEVEL_ITEM.match(lines[i])
        if m is None or title_kind(m.group("title")) not in _LEVELS:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        nested = _NESTED_ITEM.match(lines[j]) if j < len(lines) and not fenced[j] else None
        if nested is None or len(nested.group("indent")) <= len(m.group("indent")):
            i += 1
            continue
        cut = len(nested.group("indent"))
        out[i] = f"{_HEADING} {m.group('title').strip()}"
        changed = True
        k = j
        # the nested list and its items' own lines, up to the next line at the list's margin
        while k < len(lines) and (fenced[k] or not lines[k].strip() or lines[k][:1].isspace()):
            line = lines[k]
            if line[:cut].strip() == "":
                out[k] = line[cut:]
            k += 1
        i = k
    return out if changed else None
