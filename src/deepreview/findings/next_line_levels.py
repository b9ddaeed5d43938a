"""A list item's level in a bracket on a line of its own, closing the item's text:

    1. `queue.go:88` — `Pop` returns the element after truncating the slice, so a
       concurrent `Push` can overwrite it.
       [severity: high]

A field written after the text, as some local models write one: the item's level, as a tag on
its first line is (``1. `queue.go:88` [high] — …``), where it is moved (`moved_tags`). Only a
bracket that holds a level and nothing else (`[High]`, `(priority: P1)`, `[severity: nit]`), on
the last line of the item's text, with no blank line between it and the item's first line, and
only for an item with no level tag of its own; the bracket's line is left blank. A bracket of
other words (`[see above]`, `(optional)`) stays the item's text. Lines stay in place, one for
one.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import TAG_PATTERN, label_level, tag_level
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.moved_tags import with_tag

_TAG_LINE: Final = re.compile(
    r"^(?P<ind>[ \t]+)[\[(][ \t]*(?:\*\*|__|\*|_)?"
    r"(?:(?P<label>severity|priority|level|sev|prio)[ \t]*[:=][ \t]*)?(?P<w>[\w-]{1,20})"
    r"(?:\*\*|__|\*|_)?[ \t]*[\])][ \t]*$",
    re.IGNORECASE,
)
_ITEM: Final = re.compile(rf"^(?P<lead>(?P<ind>[ \t]{{0,3}}){LIST_MARKER}[ \t]+)(?P<rest>\S.*)$")
# the item already opens with a level tag (`[High]`, `**Critical:**`): its own
_OWN_TAG: Final = re.compile(rf"^(?:\*\*|__)?[\[(]?(?:{TAG_PATTERN})\b", re.IGNORECASE)


def next_line_levels(lines: list[str], mask: list[bool]) -> list[str]:
    """`lines` with each closing level bracket moved to open its item; `lines` itself when
    there is none."""
    out = list(lines)
    for i, line in enumerate(lines):
        if mask[i] or ("[" not in line and "(" not in line):
            continue
        tag = _TAG_LINE.match(line)
        if tag is None:
            continue
        word = tag["w"]
        if (label_level(word) if tag["label"] else tag_level(word)) is None:
            continue
        indent = len(tag["ind"].expandtabs(4))
        k = _item_above(lines, mask, i, indent)
        if k is None or not _closes(lines, i, indent):
            continue
        item = _ITEM.match(out[k])
        assert item is not None  # (`_item_above` found it so)
        if _OWN_TAG.match(item["rest"]):
            continue
        out[k] = f"{item['lead']}{with_tag(item['rest'], word)}"
        out[i] = ""
    return out if out != lines else lines


def _closes(lines: list[str], i: int, indent: int) -> bool:
    """Line `i` is the last of its item's text: a blank line, the next item or a line less
    indented follows it (`(severity: high)` + `   is what the old linter printed …` is words
    the text goes on with)."""
    if i + 1 >= len(lines) or not lines[i + 1].strip() or _ITEM.match(lines[i + 1]):
        return True
    nxt = lines[i + 1]
    return len(nxt.expandtabs(4)) - len(nxt.expandtabs(4).lstrip()) < indent


def _item_above(lines: list[str], mask: list[bool], i: int, indent: int) -> int | None:
    """The list item whose text line `i` (indented `indent`) closes: the nearest line above,
    over no blank line, that opens an item at a smaller indent."""
    for k in range(i - 1, -1, -1):
        if mask[k] or not lines[k].strip():
            return None
        m = _ITEM.match(lines[k])
        if m is not None:
            return k if len(m["ind"].expandtabs(4)) < indent else None
    return None
