"""List items written as pipe-separated fields, the level in the last one:

    - pkg/limits/redis.go:61 | the script reads the clock inside a replicated call, which
      breaks replicas on old versions | must fix
    - pkg/limits/limiter_test.go:40 | every case is named "ok" | follow-up

Not a table (no leading pipe, no separator row), so no table reader sees them, and the level
at the end of the item's last line is read by no finding rule. Each such item is rewritten in
place (line for line) as `- **Critical** place — text`: the level moves to the front of the
first line, the pipes between the fields become dashes. An item whose last field is not a level
(`a.py:3 | text | see above`), or whose first field is no place, is left as written.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import locations_in
from deepreview.findings.levels import LEVEL_WORDS, first_level_word
from deepreview.findings.list_marker import LIST_MARKER

_FIRST: Final = re.compile(
    rf"^(?P<lead>[ \t]{{0,3}}{LIST_MARKER}[ \t]+)"
    r"(?P<place>`?[^\s|`]+`?)[ \t]+\|[ \t]+(?P<rest>.*)$"
)
_LAST: Final = re.compile(r"^(?P<text>.*\S)[ \t]+\|[ \t]*(?P<tier>[^|]{1,30}?)[ \t.]*$")
_NAMES: Final = {"critical": "Critical", "important": "Important", "suggestion": "Suggestion"}


def _tier(cell: str) -> str | None:
    """The level a short last field says (`must fix`, `follow-up`, `High`), else None."""
    if len(cell.split()) > 3:
        return None
    word = first_level_word(cell)
    level = LEVEL_WORDS.get(word) if word else None
    return _NAMES.get(level.value) if level is not None else None


def open_pipe_items(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each pipe-field item rewritten to lead with its level; None when none."""
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        m = None if fenced[i] else _FIRST.match(lines[i])
        if m is None or not locations_in(m["place"]):
            i += 1
            continue
        end = i  # the item's last line: its indented continuation lines
        while (
            end + 1 < len(lines) and not fenced[end + 1] and re.match(r"^[ \t]+\S", lines[end + 1])
        ):
            if re.match(rf"^[ \t]*{LIST_MARKER}[ \t]", lines[end + 1]):
                break
            end += 1
        last = _LAST.match(m["rest"] if end == i else lines[end])
        tier = _tier(last["tier"]) if last else None
        if last is None or tier is None:
            i = end + 1
            continue
        rest = last["text"] if end == i else m["rest"]
        out[i] = f"{m['lead']}**{tier}** {m['place']} — {rest.replace(' | ', ' — ')}"
        if end != i:
            out[end] = last["text"].replace(" | ", " — ")
        changed = True
        i = end + 1
    return out if changed else None
