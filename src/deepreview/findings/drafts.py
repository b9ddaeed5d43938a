"""A review written twice: the seat wrote its sections, then wrote them again (`Let me revise:`,
`Final review:`, a `---`), reworded, with a finding dropped or retitled (trial 52 #3, #4).
The later complete draft is the review; the earlier one is not read (it stays in the raw text).

A draft is told by its whole outline, not by one heading: the same run of top-level sections
(same kinds, same titles), at least two of them and not only findings sections, written twice in
a row, the second copy ending the review. A heading above them between the copies must say that
what follows is a revision (`# Final review`, `## Revised`): `## Pass 2` or `## Still open`
above a second `### Critical Issues` … `### Testing Assessment` starts more of the review, not
a new draft of it. A heading seen again on its own (per-file sections, `### Critical Issues`
under two passes of a later round, findings listed in a table and then in detail) is no draft:
those sections are read and merged as before (`parse.py`). A second copy that looks cut off is
no complete draft: then both copies are read and merged.
"""

from __future__ import annotations

import re

from deepreview.findings.blocks import Block
from deepreview.findings.section_titles import FINDING_KINDS, Kind
from deepreview.findings.unfinished import cut_off

_NOT_SECTIONS = frozenset({Kind.PREAMBLE, Kind.OTHER})
_REVISED = re.compile(
    r"\b(?:final|revised|revision|updated|corrected|rewritten|polished|clean|draft)\b",
    re.IGNORECASE,
)


def earlier_drafts(
    blocks: list[Block], lines: list[str], mask: list[bool]
) -> tuple[list[Block], tuple[str, ...]]:
    """`blocks` without those of the review's earlier drafts, and the titles of the sections
    written again (() when the review holds one draft)."""
    tops = _top_level(blocks)
    gone: set[int] = set()
    repeated: list[str] = []
    while True:
        size = _repeat(blocks, tops)
        if size == 0 or not _divided_as_drafts(blocks, tops[-2 * size], tops[-size]):
            break
        first, second = tops[-2 * size], tops[-size]
        gone.update(range(first, second))
        repeated = [blocks[i].title or blocks[i].kind.value for i in tops[-size:]]
        tops = tops[: -2 * size] + tops[-size:]
    if not gone or cut_off(lines, mask, blocks):
        return blocks, ()
    return [b for i, b in enumerate(blocks) if i not in gone], tuple(repeated)


def _top_level(blocks: list[Block]) -> list[int]:
    """Indexes of the review's top-level sections: those at the level of its highest known
    section (`## Findings`, not its `### Critical Issues`). A heading above that level of no
    known title (`# Final review`) divides the drafts; it is no section of either."""
    levels = [b.level for b in blocks if b.kind not in _NOT_SECTIONS]
    if not levels:
        return []
    top = min(levels)
    return [i for i, b in enumerate(blocks) if b.kind is not Kind.PREAMBLE and b.level == top]


def _divided_as_drafts(blocks: list[Block], first: int, second: int) -> bool:
    """No heading above the top-level sections between the two copies, or only ones that say
    a revision follows."""
    top = blocks[second].level
    return all(_REVISED.search(b.title) for b in blocks[first:second] if b.level < top and b.title)


def _repeat(blocks: list[Block], tops: list[int]) -> int:
    """The number of top-level sections the review's last draft has, when the same run of
    sections comes right before it; 0 when it does not."""
    keys = [_key(blocks[i]) for i in tops]
    for size in range(len(keys) // 2, 1, -1):
        run = keys[-size:]
        if run != keys[-2 * size : -size]:
            continue
        if any(k[0] not in _NOT_SECTIONS and k[0] not in FINDING_KINDS for k in run):
            return size
    return 0


def _key(block: Block) -> tuple[Kind, str]:
    """What makes two sections the same: their kind and their title (`Findings (pass 2)` is not
    `Findings (pass 1)`)."""
    return block.kind, re.sub(r"[^\w]+", " ", block.title.lower()).strip()
