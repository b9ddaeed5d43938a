"""Findings written as a list: the items' shape, where the list's closing remark begins, and
a plain sentence item as a finding."""

from __future__ import annotations

import itertools
import re
from typing import Final

from deepreview.findings.closing_places import closing_place
from deepreview.findings.finding_line import parse_head
from deepreview.findings.head import FindingHead
from deepreview.findings.list_marker import LIST_MARKER

ITEM: Final = re.compile(rf"^ ?{LIST_MARKER}[ \t]+(?P<text>\S.*)$")


def closing_remark(lines: list[str], fenced: list[bool], starts: list[int]) -> int:
    """Where the text after a list of findings begins (the length when none does). When every
    finding is a list item whose own text is indented under it, a paragraph back at the left
    margin after the list (`**Recommendation:** Fix the two bugs before merging.`) is the
    review's closing word, not the last finding's body or fix."""
    if len(starts) < 2 or not all(ITEM.match(lines[i]) for i in starts):
        return len(lines)
    for a, b in itertools.pairwise(starts):
        if any(
            lines[k].strip() and not fenced[k] and not lines[k][:1].isspace()
            for k in range(a + 1, b)
        ):
            return len(lines)  # bodies written at the margin: the last one's may be too
    for k in range(starts[-1] + 1, len(lines)):
        line = lines[k]
        if fenced[k] or not line.strip() or line[:1].isspace() or ITEM.match(line):
            continue
        if not lines[k - 1].strip():
            return k
    return len(lines)


def sentence_head(line: str, prefixes: tuple[str, ...]) -> FindingHead:
    m = ITEM.match(line)
    assert m is not None  # the caller chose a list item
    head = parse_head(line, numbered=True, bulleted=True, plain_bullets=True, prefixes=prefixes)
    if head is None:
        head = FindingHead(id=None, title=m.group("text").rstrip(" ."), style="plain")
        closing_place(head, prefixes)
    return head
