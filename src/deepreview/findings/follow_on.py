"""An item with no place of its own right after the one placed item of its list:

    **a1c9e0f — parse `--since` as a duration**

    - blocking: in `parseSince` (cli/args.ts, lines 40–52) a bare number is taken as ms …
    - non-blocking: the regex could accept `h`/`d` suffixes too.

The second item, rated by its lead (`non-blocking:`, `Nit:`) and so a finding, goes on about the
first one's code (a commit's or a file's notes): it is at that place, not at none. Such an item
gets the place written after its first line
(`` (`cli/args.ts:40-52`) ``), line for line. Only when the list names one place in one item:
a list whose items name places of their own (or none at all) is left as written, and so is an
unplaced item before the placed one, or one led by no level (praise, an aside), and the items
after it.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import locations_in
from deepreview.findings.levels import level_lead
from deepreview.findings.list_marker import LIST_MARKER

_ITEM: Final = re.compile(rf"^(?:{LIST_MARKER})[ \t]+(?=\S)")
_MORE: Final = re.compile(r"^[ \t]+\S")


def _lists(lines: list[str], fenced: list[bool]) -> list[list[tuple[int, int]]]:
    """Each top-level list as its items' (first line, end) line ranges."""
    out: list[list[tuple[int, int]]] = []
    items: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if fenced[i] or not _ITEM.match(lines[i]):
            if lines[i].strip() and not fenced[i] and items:
                out.append(items)
                items = []
            i += 1
            continue
        end = i + 1
        while end < len(lines) and (
            fenced[end]
            or _MORE.match(lines[end])
            or (not lines[end].strip() and end + 1 < len(lines) and _MORE.match(lines[end + 1]))
        ):
            end += 1
        items.append((i, end))
        i = end
    if items:
        out.append(items)
    return out


def place_follow_ons(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each follow-on item given its list's one place; None when none was."""
    out = list(lines)
    changed = False
    for items in _lists(lines, fenced):
        places = [locations_in("\n".join(lines[a:b])) for a, b in items]
        placed = [k for k, p in enumerate(places) if p]
        if len(items) < 2 or len(placed) != 1 or len({x.path for x in places[placed[0]]}) != 1:
            continue
        first = places[placed[0]][0]
        if first.start is None:
            continue
        where = f"{first.path}:{first.start}" + (f"-{first.end}" if first.end else "")
        for a, _b in items[placed[0] + 1 :]:
            if level_lead(_ITEM.sub("", lines[a], count=1).lstrip())[0] is None:
                break  # (an unrated remark: praise or an aside, never a finding by its place)
            out[a] = f"{lines[a].rstrip()} (`{where}`)"
            changed = True
    return out if changed else None
