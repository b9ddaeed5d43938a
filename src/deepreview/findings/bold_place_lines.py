"""Comments each under a bold place line of its own, as GitHub Copilot writes them:

    **cli/prune.py:27**
    The `--dry-run` flag is parsed but `dry_run=False` is still passed down.

    **tests/test_prune.py:15**
    [nitpick] The test name `test_1` doesn't describe what is checked.

The parser reads a finding from its first line, which here is only a place; its text was read
as prose. Each such paragraph becomes the list item it stands for, line for line: the bold
line blank, the comment's first line `- `cli/prune.py:27` — The …`, the lines after it that
item's text. A bracketed level tag opening the comment (`[nitpick]`, `[minor]`) leads the item
as its level (`- **nitpick:** `path:15` — …`). The items are then read as any list of problems
led by their places (`placed_items`): one that only says what the place now does stays prose.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import locations_in
from deepreview.findings.levels import first_level_word
from deepreview.findings.list_marker import MARGIN_ITEM

# A line that is only a bold place with its line (`**a.py:3**`, ``__`a.py:3-9`__``)
_BOLD_PLACE: Final = re.compile(
    r"^(?P<b>\*\*|__)`?(?P<p>[^\s`*_][^\s`*]*:\d{1,6}(?:[-–]\d{1,6})?)`?(?P=b)[ \t]*$"
)
# `[nitpick]`, `[Minor]`: a level tag opening the comment
_TAG: Final = re.compile(r"^\[(?P<w>[A-Za-z][A-Za-z -]{1,20})\][ \t]*(?P<r>\S.*)$")


def open_bold_place_lines(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each comment under a bold place line made a list item led by its place;
    None when the review has no such comment."""
    out = list(lines)
    changed = False
    for i in range(len(lines) - 1):
        m = _BOLD_PLACE.match(lines[i])
        # (a paragraph of its own, or the first under a heading: `### Nits` + `**a.py:9**`)
        above = lines[i - 1].strip() if i else ""
        if m is None or fenced[i] or fenced[i + 1] or (above and not above.startswith("#")):
            continue
        text = lines[i + 1]
        if not _opens_text(text) or not locations_in(m["p"]):
            continue
        lead = f"`{m['p']}` — "
        tag = _TAG.match(text)
        if tag is not None and first_level_word(tag["w"]) is not None:
            lead, text = f"**{tag['w']}:** {lead}", tag["r"]
        out[i] = ""
        out[i + 1] = f"- {lead}{text.strip()}"
        k = i + 2
        while k < len(lines) and lines[k].strip() and not fenced[k] and _opens_text(lines[k]):
            out[k] = f"  {lines[k].strip()}"
            k += 1
        changed = True
    return out if changed else None


def _opens_text(line: str) -> bool:
    """A line of a comment's plain text: not blank, no heading, list item, table row, quote,
    fence or another bold place line."""
    s = line.strip()
    return (
        bool(s)
        and not line[:1].isspace()
        and s[:1] not in "#|>"
        and not s.startswith(("```", "~~~"))
        and MARGIN_ITEM.match(line) is None
        and _BOLD_PLACE.match(line) is None
    )
