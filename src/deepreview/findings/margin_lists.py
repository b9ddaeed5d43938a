"""A list set in by one to three spaces under a line of words (`MUST FIX:` + `  * a.py#L45 -
…`, `**Important:**` + `  - `a.py:3` — …`) is a list at the margin, as Markdown reads it: its
items are moved to the margin, their wrapped lines with them, so they are read as the items of
a list under a heading are.

Only a list no item holds: under a list item, an item set in is that item's nested point, and
stays where it is. The lines stay in place (one for one), so what other passes marked is still
theirs.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.list_marker import LIST_MARKER

_SET_IN_ITEM: Final = re.compile(rf"^(?P<in> {{1,3}}){LIST_MARKER}[ \t]")
_ITEM: Final = re.compile(rf"^{LIST_MARKER}[ \t]")
_HEADING: Final = re.compile(r"^#{1,6}(?:[ \t]|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def margin_lists(lines: list[str], mask: list[bool]) -> list[str]:
    """`lines` with each list set in under a line of words moved to the margin; `lines`
    itself when there is none."""
    out = list(lines)
    in_list = False  # the lines above belong to a list at the margin
    i = 0
    while i < len(lines):
        line = lines[i]
        if mask[i] or not line.strip():
            i += 1
            continue
        m = _SET_IN_ITEM.match(line)
        if m is not None and not in_list:
            i = _to_margin(lines, mask, out, i, len(m["in"]))
            in_list = True
            continue
        if _indent(line) == 0:
            in_list = _ITEM.match(line) is not None and _HEADING.match(line) is None
        i += 1
    return out if out != lines else lines


def _to_margin(lines: list[str], mask: list[bool], out: list[str], start: int, by: int) -> int:
    """Moves the run of lines set in by at least `by` from `start` left by `by`; the index
    after the run."""
    i = start
    while i < len(lines):
        line = lines[i]
        if line.strip() and not mask[i] and _indent(line) < by:
            break
        out[i] = line[min(by, _indent(line)) :]
        i += 1
    return i
