"""Paragraphs numbered under their area's number, with no list mark.

    ## 1. Correctness

    1.1 **Retry count off by one** (`pay/retry.py:77`) — `<=` makes one attempt too many.
    Severity: medium.

    1.2 **Key reused** (`pay/retry.py:52`) — …

`1.1` is no Markdown list marker, so each such paragraph was read as text of its area's heading
(the heading taken for a finding's title, the other paragraphs unread). Where a review numbers
two paragraphs or more so (`N.M` at the margin, opening a paragraph, before a bold title, a
place or a capital), each is made the list item it stands for (`1. **Retry …**`), its wrapped
lines indented under it, one line for one. A lone `2.0 of the API …` in prose is no such list.
"""

from __future__ import annotations

import re
from typing import Final

_NESTED: Final = re.compile(
    r"^(?P<area>\d{1,2})\.(?P<n>\d{1,2})\.?[ \t]+(?P<rest>(?:\*\*|__|`|\[|[A-Z]).*)$"
)
_BREAK: Final = re.compile(r"^(?:#{1,6}[ \t]|[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]|\||>|```|~~~)")


def nested_items(lines: list[str], fenced: list[bool]) -> list[str]:
    """`lines` with each nested-numbered paragraph made a list item (see the module doc)."""
    starts = [
        i
        for i, line in enumerate(lines)
        if not fenced[i] and _NESTED.match(line) and (i == 0 or not lines[i - 1].strip())
    ]
    if len(starts) < 2:
        return lines
    out = list(lines)
    for i in starts:
        m = _NESTED.match(lines[i])
        assert m is not None
        out[i] = f"{m['n']}. {m['rest']}"
        k = i + 1
        while k < len(lines) and lines[k].strip() and not fenced[k] and not _BREAK.match(lines[k]):
            if not _NESTED.match(lines[k]):
                out[k] = f"   {lines[k].lstrip()}"
            k += 1
    return out
