"""How a findings section's list reads as a whole: its top-level items, whether it is only a
list of plain sentences (one finding per item), and whether a numbered title has its level or
place as label lines below it (`findings.parse_findings_block` asks these)."""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import FindingHead
from deepreview.findings.item_lists import ITEM, sentence_head
from deepreview.findings.labels import place_label_follows, severity_label_follows
from deepreview.findings.none_statements import says_none
from deepreview.findings.problem_words import FAULT_TOLD, names_a_fault, says_undenied


def labels_follow(lines: list[str], fenced: list[bool], start: int) -> bool:
    return severity_label_follows(lines, fenced, start) or place_label_follows(lines, fenced, start)


def list_items(lines: list[str], fenced: list[bool]) -> list[int]:
    """The list's top-level items; `- None.` is the section saying it has none, not an item."""
    return [
        i for i, ln in enumerate(lines) if not fenced[i] and ITEM.match(ln) and not says_none(ln)
    ]


def sentence_list(
    lines: list[str], fenced: list[bool], starts: list[tuple[int, FindingHead]]
) -> bool:
    """A severity section that is only a list (`- Add a test for `page()`.`): every item is
    one finding, plain sentences included. Not when it opens with prose (its list is that
    prose's points) or holds anything but the list and the items' indented text."""
    items = list_items(lines, fenced)
    if not items or len(starts) >= len(items):
        return False
    for i, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        if not line.strip() or (fence and i > items[0]) or i in items:
            continue
        if i < items[0] or not line[:1].isspace():
            return False
    return True


def next_numbered(
    lines: list[str], starts: list[tuple[int, FindingHead]], i: int, expected: int
) -> str | None:
    """Line `i`, a numbered item that opens no finding of its own (no place, title or level),
    numbered next after the numbered finding above it at the same margin: "fault" when it
    names one (`2. The README does not mention the flag.`: a finding with no place, not the
    text of the one above), else "remark" (the list goes on after it); None for any other
    line."""
    m = _NUMBERED.match(lines[i])
    if m is None or int(m.group("n")) != expected or not starts:
        return None
    above, first = starts[-1]
    if first.style != "numbered" or _margin(lines[above]) != m.group("margin"):
        return None
    between = [int(b.group("n")) for b in map(_NUMBERED.match, lines[above + 1 : i]) if b]
    if first.number is None or between != list(range(first.number + 1, expected)):
        return None  # a list of steps inside the finding (`1. add the column, 2. …`)
    text = m.group("text")
    return "fault" if names_a_fault(text) or says_undenied(FAULT_TOLD, text) else "remark"


_NUMBERED: Final = re.compile(r"^(?P<margin>[ \t]{0,3})(?P<n>\d{1,9})[.)][ \t]+(?P<text>\S.*)$")


def numbered_sentence(line: str, number: int, prefixes: tuple[str, ...]) -> FindingHead:
    """The head of a numbered item told as a plain sentence (`next_numbered`'s "fault")."""
    head = sentence_head(line, prefixes)
    head.style, head.number = "numbered", number
    return head


def skips_ahead(head: FindingHead, line: str, above: str | None, expected: int) -> bool:
    """A numbered item past the number due (`4.` after `2.`), at the margin of the numbered
    finding above and carrying its own level: a finding whose writer skipped a number (small
    models do), not a step of the one above (a step carries no level of its own)."""
    return (
        above is not None
        and head.number is not None
        and head.number > expected
        and head.severity is not None
        and _NUMBERED.match(above) is not None
        and _margin(line) == _margin(above)
    )


def _margin(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]
