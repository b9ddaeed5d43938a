"""How a findings section's list reads as a whole: its top-level items, whether it is only a
list of plain sentences (one finding per item), and whether a numbered title has its level or
place as label lines below it (`findings.parse_findings_block` asks these)."""

from __future__ import annotations

from deepreview.findings.head import FindingHead
from deepreview.findings.item_lists import ITEM
from deepreview.findings.labels import place_label_follows, severity_label_follows
from deepreview.findings.none_statements import says_none


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
