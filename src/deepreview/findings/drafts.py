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

A later copy replaces the earlier one only when it is a rewrite of it: it tells again every
finding of the earlier copy (same title, or same place), or it says why it leaves one out
(`On reflection S1 is not worth raising`: the finding's ID, or a name in its title, beside a
word that withdraws it). A recap after the review (`To summarize the review above`, Findings
`No additional findings.`) or a redraft that silently leaves a finding out is read with the
review, both copies merged: a finding is never lost to a later copy that never said so
(trial 53 #3).
"""

from __future__ import annotations

import re

from deepreview.findings.assemble import same_title
from deepreview.findings.blocks import BOLD_LEVEL, Block
from deepreview.findings.finding_draft import Draft
from deepreview.findings.findings import SECTION_SEVERITY, parse_findings_block
from deepreview.findings.section_titles import FINDING_KINDS, Kind, says_high
from deepreview.findings.unfinished import cut_off
from deepreview.markdown_fence import code_span_texts

_NOT_SECTIONS = frozenset({Kind.PREAMBLE, Kind.OTHER})
_REVISED = re.compile(
    r"\b(?:final|revised|revision|updated|corrected|rewritten|polished|clean|draft)\b",
    re.IGNORECASE,
)
# Words that take a finding back (`On reflection S1 is only style and not worth raising`).
# `drop`/`remove` say so only before the finding's ID (`dropping S1`): `the PR drops the check`
# tells the change.
_WITHDRAWS = re.compile(
    r"\b(?:withdr[ae]w\w*|retract\w*|discard\w*|scratch that|not worth|false positive|"
    r"on (?:second thought|reflection)|no longer (?:think|believe|hold)|"
    r"scratch (?:that|the|my|this|[CIS]-?\d)\b|disregard|(?:i was|i'm) wrong about|"
    r"ignore (?:the|my) (?:earlier|previous|first)|"
    r"not (?:a |an )?(?:real|actual|valid) (?:issue|bug|problem|concern|finding)|"
    r"(?:drop|remov|omit)\w*\s+(?:the\s+)?[CIS]-?\d)",
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
    stop = len(blocks)  # where the copy before the last one (still read) ends
    while True:
        size = _repeat(blocks, tops)
        if size == 0 or not _divided_as_drafts(blocks, tops[-2 * size], tops[-size]):
            break
        first, second = tops[-2 * size], tops[-size]
        if not _rewrites(blocks, first, min(stop, second), second):
            break
        stop = first
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


def _rewrites(blocks: list[Block], first: int, end: int, last: int) -> bool:
    """The copy from `last` to the end rewrites the one at `first:end`: it tells again each of
    that copy's findings, or the text after them says why it leaves that one out."""
    earlier, later = _findings(blocks[first:end]), _findings(blocks[last:])
    left_out = [
        d
        for d in earlier
        if not any(same_title(d.head.title, x.head.title) or _same_place(d, x) for x in later)
    ]
    if not left_out:
        return True
    # what the seat wrote after the earlier copy's findings: its closing words, what it says
    # before the later copy, and the later copy itself
    after = next(
        (i + 1 for i in range(end - 1, first - 1, -1) if blocks[i].kind in FINDING_KINDS), first
    )
    said = [
        s
        for b in blocks[after:]
        for s in re.split(r"(?<=[.!?:;])\s+|\n", "\n".join([b.title, *b.lines]))
        if _WITHDRAWS.search(s)
    ]
    return all(any(_names(s, d, earlier) for s in said) for d in left_out)


def _findings(blocks: list[Block]) -> list[Draft]:
    """The findings one copy's findings sections hold (read apart from the review)."""
    out: list[Draft] = []
    for b in blocks:
        if b.kind in FINDING_KINDS:
            # (as `review_parts.read_block` reads them, on copies: the review reads them later)
            res = parse_findings_block(
                list(b.lines),
                list(b.fenced),
                SECTION_SEVERITY.get(b.kind.value),
                section_high=b.kind is Kind.CRITICAL and says_high(b.title),
                sentences=0 < b.level < BOLD_LEVEL,
                placed_headings=True,
            )
            out.extend(res.drafts)
    return out


def _same_place(a: Draft, b: Draft) -> bool:
    """Two findings at one place: the same file and first line, or (no lines to tell them
    apart) the same file under the same ID. Two findings in one file are not one by that."""
    same_id = a.head.id is not None and a.head.id == b.head.id
    return any(
        x.path == y.path and (x.start == y.start if x.start and y.start else same_id)
        for x in a.head.locations
        for y in b.head.locations
    )


def _names(sentence: str, d: Draft, earlier: list[Draft]) -> bool:
    """The sentence names the finding: its ID (`S1`, `S-1`), a code name in its title, or —
    naming no ID — words of its title or its file that no other finding of that copy has
    (`Scratch the earlier point about the cache`: the one finding about a cache)."""
    if d.head.id and re.search(
        rf"\b{d.head.id[0]}-?{d.head.id[1:]}\b", sentence, flags=re.IGNORECASE
    ):
        return True
    if any(f"`{n}`" in sentence for n in code_span_texts(d.head.title)):
        return True
    if _AN_ID.search(sentence):
        return False  # it names a finding by its ID: that one, not one its words recall
    # the words before its reason (`— it is handled in load()`, `because …`) say which one it
    # takes back; the reason's words may recall another finding
    lead = _REASON.split(sentence, maxsplit=1)[0]
    told = [e for e in earlier if _recalls(lead, e)] or [
        e for e in earlier if _recalls(sentence, e)
    ]
    return len(told) == 1 and told[0] is d


_REASON = re.compile(r"[ \t][—–-][ \t]|\b(?:because|since|as it|as the)\b|[:;(]", re.IGNORECASE)


_AN_ID = re.compile(r"\b[CIS]-?\d+\b")
# Words of a title that tell no finding from another (`Missing check`, `is never`).
_PLAIN = frozenset(
    re.findall(
        r"\w+",
        "about above after again also before being could does doesn every from have into issue "
        "missing never only other should than that their there this when which while with "
        "without would",
    )
)


def _recalls(sentence: str, d: Draft) -> bool:
    """The sentence recalls the finding by a word of its title (`cache` for `Config cache is
    never invalidated`, `invalidation` too) or by its file (`cache.py`, `src/cache.py`)."""
    said = {_stem(w) for w in re.findall(r"[a-z][a-z0-9_]{3,}", sentence.lower())}
    title = {_stem(w) for w in re.findall(r"[a-z][a-z0-9_]{3,}", d.head.title.lower())}
    if said & (title - {_stem(w) for w in _PLAIN}):
        return True
    text = sentence.lower()
    return any(
        re.search(rf"(?<![\w/.-]){re.escape(name)}(?![\w/-])", text)
        for x in d.head.locations
        for name in {x.path.lower(), x.path.lower().rsplit("/", 1)[-1]}
    )


def _stem(word: str) -> str:
    """A word's first six letters (`invalidated`, `invalidation`: one word here)."""
    return word[:6]
