"""A list item whose level tag closes its last wrapped line, not its first:

    1. The `parse` function in util/text.py line 9 drops a trailing newline, so
       round trips change the file. (severity: high)

Small models wrap their items where the line runs out, so the `(severity: high)` that would
close a one-line item (and make it a finding) lands on a continuation line, where no finding
rule reads it. The tag is moved to the end of the item's first line (line for line: a last line
that held only the tag is left blank). Only a `(severity: …)` / `(priority: …)` tag naming a
level, on the item's last line, with no level on its first: a tag inside the text, or any other
words in parentheses, stay as written.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import LABEL_PATTERN
from deepreview.findings.list_marker import LIST_MARKER

_ITEM: Final = re.compile(rf"^[ \t]{{0,3}}{LIST_MARKER}[ \t]+\S")
_MORE: Final = re.compile(r"^[ \t]+\S")
_TAG: Final = re.compile(
    rf"\((?:severity|priority)[ \t]*:[ \t]*(?:{LABEL_PATTERN})\)[ \t.]*$", re.IGNORECASE
)
_ANY_TAG: Final = re.compile(r"\((?:severity|priority)[ \t]*:", re.IGNORECASE)


def lift_wrapped_tags(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each wrapped item's closing level tag moved to its first line; None when
    there is none."""
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        if fenced[i] or _ITEM.match(lines[i]) is None:
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and not fenced[end + 1] and _MORE.match(lines[end + 1]):
            if _ITEM.match(lines[end + 1].lstrip()) is not None:
                break  # (a nested list: its own items)
            end += 1
        tag = _TAG.search(lines[end]) if end > i else None
        if tag is not None and _ANY_TAG.search(lines[i]) is None:
            out[i] = f"{lines[i].rstrip()} {tag.group().strip()}"
            out[end] = lines[end][: tag.start()].rstrip()
            changed = True
        i = end + 1
    return out if changed else None
