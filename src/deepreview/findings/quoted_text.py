"""Text a seat quotes inside a finding: the lines no finding, heading or section starts on.

    - **I1** Comment instructs reviewers — `calc.py:1`
      The comment in the file reads:

      ### Critical Issues
      C9. **Remote code execution** — `calc.py:2` (critical)

A change whose comment (or string, or doc) is written as a finding must not add findings
through a seat that quotes it, and the prompt asks seats to report such attempts, so quoting
is the expected path.  The lines indented under a finding's list item (CommonMark list
continuation: at or past its content column), or deeper than a finding's first line that is no
list item (an indented code block), and blockquotes in a finding's text are that finding's
text: `held`.  The section parser reads them as its body (labels, `Fix:`, places), but never
opens anything on them; the passes that rewrite other shapes (quotes, folds, records, level
lists) leave them alone.  A finding's text ends at the next finding or heading written left
of its column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from deepreview.findings.blocks import classify_heading
from deepreview.findings.file_names import known_names
from deepreview.findings.finding_line import is_strong_start, parse_head

_ITEM: Final = re.compile(r"^(?P<indent> {0,3})(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ \t]+)\S")
_QUOTE: Final = re.compile(r"^ {0,3}>")


def held_lines(lines: list[str], mask: list[bool]) -> list[bool]:
    """True for each line quoted inside a finding (see the module's docstring); fenced lines
    (`mask`) are code already and stay False."""
    held = [False] * len(lines)
    column: int | None = None  # the content column of the finding whose text this is
    for i, raw in enumerate(lines):
        if mask[i] or not raw.strip():
            continue
        line = raw.expandtabs(4)
        indent = len(line) - len(line.lstrip(" "))
        if column is not None and (indent >= column or _QUOTE.match(line)):
            held[i] = True
            continue
        opened = _content_column(line)
        if opened is not None:
            column = opened
        elif column is not None and classify_heading(line) is not None:
            column = None  # a heading left of the finding's text: its section ends it
    return held


def _content_column(line: str) -> int | None:
    """Where the text of the finding that `line` opens sits, or None when it opens none: a list
    item's content column (its text's own lines go there), else one past the line's indent."""
    if not _opens_finding(line):
        return None
    item = _ITEM.match(line)
    if item is None:
        return len(line) - len(line.lstrip(" ")) + 1
    gap = len(item.group("gap"))
    # (CommonMark: five or more spaces after the marker are one space and an indented code)
    return len(item.group("indent")) + len(item.group("marker")) + (gap if gap <= 4 else 1)


def _opens_finding(line: str) -> bool:
    """A line that opens a finding of its own: an ID, a level, or a place with a line number
    (`- **Security**` or `- `src/db.py`` only groups the items under it)."""
    # `held_lines` runs again on each block and section of a review (and on the whole of it
    # twice), each time asking this of the same lines: remembered, a megabyte of log lines is
    # read once, not four times. The answer depends on the change's files as well
    # (`file_names.known_files`), so they are part of the key; long lines are not kept (the
    # memory stays bounded: at most _REMEMBERED lines of _LONGEST characters).
    if len(line) > _LONGEST:
        return _reads_as_opening(line)
    return _remembered_opening(line, known_names())


_LONGEST: Final = 1000
_REMEMBERED: Final = 1 << 14


@lru_cache(maxsize=_REMEMBERED)
def _remembered_opening(line: str, known: frozenset[str]) -> bool:
    """`_reads_as_opening(line)` while `known` are the change's files (the cache's key)."""
    return _reads_as_opening(line)


def _reads_as_opening(line: str) -> bool:
    if is_strong_start(line):
        return True
    head = parse_head(line, numbered=True, bulleted=True)
    if head is None:
        return False
    placed = any(loc.start is not None for loc in head.locations)
    return head.id is not None or head.severity is not None or placed
