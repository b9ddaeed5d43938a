"""A finding's level as a hashtag closing its text, beside kind tags, as a chat or an issue
tracker is tagged:

    - `cron/parse.py:71` step values like `*/0` loop forever #bug #major

The run of hashtags at the end of a list item's text, a heading or a paragraph is labels, not
words of the finding; when exactly one level is among them (`#critical`, `#major`, `#nit`,
`#p1`), it is the finding's level, a tag on the first line of the item, heading or paragraph
(where a level tag is read: `moved_tags`), and the run goes. A run with no level (`#docs
#followup`) or two levels stays as it is, and so does a hashtag inside the text (`fixes #12`,
`#critical path`): only a run that ends the line counts. Lines stay in place, one for one.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import tag_level
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.moved_tags import with_tag

_RUN: Final = re.compile(r"(?:[ \t]+#[A-Za-z][\w-]{0,30})+$")
_RUN_CHARS: Final = 200
_OPENS: Final = re.compile(
    rf"^(?P<lead>[ \t]{{0,3}}(?:{LIST_MARKER}|#{{1,6}})[ \t]+|[ \t]{{0,3}})(?P<rest>\S.*)$"
)
_ITEM_OR_HEADING: Final = re.compile(rf"^[ \t]{{0,3}}(?:{LIST_MARKER}|#{{1,6}})[ \t]")


def hashtag_levels(lines: list[str], mask: list[bool]) -> list[str]:
    """`lines` with each closing level hashtag made a tag opening its finding; `lines` itself
    when there is none."""
    out = list(lines)
    for i, line in enumerate(lines):
        if mask[i] or "#" not in line:
            continue
        # (a run of tags is short: only the line's end is searched, so long blank runs cost no
        # more than the line's length)
        end = len(line.rstrip())
        run = _RUN.search(line, max(0, end - _RUN_CHARS), end)
        if run is None or not line[: run.start()].strip():
            continue
        words = [w.lstrip("#") for w in run[0].split()]
        levels = {w for w in words if tag_level(w) is not None}
        if len(levels) != 1 or len({tag_level(w) for w in levels}) != 1:
            continue
        k = _opening_line(lines, mask, i)
        opens = _OPENS.match(out[k])
        if opens is None:
            continue
        out[i] = out[i][: run.start()].rstrip()
        opens = _OPENS.match(out[k])
        assert opens is not None  # (the line kept its opening)
        out[k] = f"{opens['lead']}{with_tag(opens['rest'], levels.pop())}"
    return out if out != lines else lines


def _opening_line(lines: list[str], mask: list[bool], i: int) -> int:
    """The line that opens the list item, heading or paragraph line `i` closes."""
    k = i
    while k > 0 and not _ITEM_OR_HEADING.match(lines[k]):
        if mask[k - 1] or not lines[k - 1].strip():
            return k
        k -= 1
    return k
