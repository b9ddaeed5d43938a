"""Line scanning for agent reviews: fenced code, section headings, and the flat section map.

Agents disagree about heading levels (`## Findings` + `### Critical Issues`, `### Findings` +
`**Critical Issues**`, `### Critical Issues` alone), so sections are recognised by their *title*,
not by their level, and the review becomes a flat list of blocks.  Levels only decide whether an
unknown heading starts a new section or is a sub-heading inside the current one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from deepreview.findings.atx import atx_heading
from deepreview.findings.categories import (
    bold_category,
    category_heading,
    gap_heading,
    sorts_findings,
)
from deepreview.findings.finding_subparts import finding_part
from deepreview.findings.heading_scan import (
    ASSESSMENT_KINDS,
    BOLD_LEVEL,
    BOLD_LINE,
    UNDERLINE,
    Heading,
    classify_heading,
    clean_title,
    heading_lines,
    markdown_tokens,
)
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.paragraph_heads import heading_head
from deepreview.findings.placed_level_items import summary_item
from deepreview.findings.section_titles import (
    FINDING_KINDS,
    Kind,
    praise_section,
    says_high,
)
from deepreview.findings.suffix_levels import announced_finding

__all__ = [
    "BOLD_LEVEL",
    "BOLD_LINE",
    "FINDING_KINDS",
    "Block",
    "Heading",
    "build_blocks",
    "classify_heading",
    "clean_title",
    "heading_lines",
    "markdown_tokens",
    "rank_levels",
]


@dataclass
class Block:
    """One section of a review: its heading and the lines up to the next section."""

    kind: Kind
    title: str = ""
    level: int = 0
    lines: list[str] = field(default_factory=list)
    fenced: list[bool] = field(default_factory=list)
    held: list[bool] = field(default_factory=list)  # quoted inside a finding (`quoted_text`)
    # opened by a lead-in after item N of a numbered list: item N+1 goes back to `resumes`
    resumes: Block | None = field(default=None, repr=False)
    next_item: int = 0

    def add(self, line: str, fenced: bool, held: bool = False) -> None:
        self.lines.append(line)
        self.fenced.append(fenced)
        self.held.append(held)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def rank_levels(blocks: list[Block]) -> None:
    """In a review with a Critical section, `High` sections are the level below it."""
    levels = [b for b in blocks if b.kind is Kind.CRITICAL]
    if any(says_high(b.title) for b in levels) and not all(says_high(b.title) for b in levels):
        for b in levels:
            if says_high(b.title):
                b.kind = Kind.IMPORTANT


def _lead_in_opens(h: Heading, cur: Block) -> bool:
    """A lead-in (`**Tests**: none added`) opens its section, except inside that very section,
    or inside a findings section before its list of findings has ended: after a paragraph at
    the margin it may be a finding's own text (`**I1. Title**` + paragraphs)."""
    if h.kind is cur.kind:
        return False
    if h.subject and cur.kind in ASSESSMENT_KINDS:
        return True  # right after a note on the other one (`Tests: …` + `Docs look fine.`)
    if h.subject and not h.brief:
        return False  # `The docs are wrong about `x`.`: a finding's or the summary's own text
    # a plain `Tests:` label in the review's opening prose may be the start of its summary;
    # after a list there (a free-form review's findings) it is the closing note on tests
    if cur.kind not in FINDING_KINDS and not (h.label and cur.kind in _OPENING_KINDS):
        return True
    last = next((ln for ln in reversed(cur.lines) if ln.strip()), "")
    return last[:1].isspace() or re.match(rf"^{LIST_MARKER}[ \t]", last) is not None


_OPENING_KINDS = frozenset({Kind.PREAMBLE, Kind.SUMMARY})


def build_blocks(
    lines: list[str],
    mask: list[bool],
    starts_finding: Callable[[str], bool] | None = None,
    severity_heading: Callable[[str], bool] | None = None,
    *,
    held: list[bool] | None = None,
) -> list[Block]:
    """Split a review into blocks at recognised headings.

    `starts_finding(line) -> bool` marks lines that open a finding even outside a findings
    section (`C1. **Title**`, `**[CRITICAL] ...**`): a review without section headings still
    yields its findings.  `severity_heading(line)` marks the strong starts that open a findings
    section in any other section too (`### Critical: Title`).  `held` lines (quoted inside a
    finding, `quoted_text`) open nothing.
    """
    blocks = [Block(Kind.PREAMBLE)]
    quoted = held or [False] * len(lines)
    headings = heading_lines(lines, [a or b for a, b in zip(mask, quoted, strict=True)])
    for n, (line, fenced) in enumerate(zip(lines, mask, strict=True)):
        cur = blocks[-1]
        if fenced or quoted[n]:
            cur.add(line, fenced, quoted[n])  # code, or text a finding quotes: opens nothing
            continue
        h = headings.get(n)
        if h is UNDERLINE:
            continue
        if (
            (h is None or h.kind is Kind.OTHER)
            and starts_finding is not None
            and (starts_finding(line) or summary_item(blocks[-1].kind, line))
            and _strong_start(blocks, h, line, severity_heading)
        ):
            continue
        if h is None:
            _plain_line(blocks, lines, mask, n)
        elif h.kind in ASSESSMENT_KINDS and _gaps(blocks, h, lines, mask, n):
            # `## Findings` + `### Testing` + `- tests/test_a.py:12 — no test …` (or
            # `### Docs` + `- README.md:40 — … not documented`): findings
            _open_category(blocks, h.title, h.level)
        elif h.kind in ASSESSMENT_KINDS and _finding_part(cur, h, headings, n):
            cur.add(line, fenced)  # `#### I2: …` + `##### Tests`: that finding's own text
        elif h.kind is not Kind.OTHER:
            _known_heading(blocks, h, line)
        else:
            _unknown_heading(blocks, h, lines, mask, n)
    return blocks


def _strong_start(
    blocks: list[Block],
    h: Heading | None,
    line: str,
    severity_heading: Callable[[str], bool] | None,
) -> bool:
    """A line that opens a finding outside a heading of a known section: True when it went
    to a findings block (the current one, or one it opens); False: it is read as any line."""
    cur = blocks[-1]
    if cur.kind in FINDING_KINDS:
        cur.add(line, False)
        return True
    if cur.kind in (Kind.PREAMBLE, Kind.SUMMARY):
        level = cur.level if cur.kind is Kind.SUMMARY else 2
        blocks.append(Block(Kind.FINDINGS, "", level))
        blocks[-1].add(line, False)
        return True
    if h is not None and severity_heading is not None and severity_heading(line):
        # `## Code Review` + `### 🔴 Critical: Title`: not IDs, which in an ordinary
        # section (`## Prior Round Findings`) list earlier rounds' items
        blocks.append(Block(Kind.FINDINGS, "", h.level))
        blocks[-1].add(line, False)
        return True
    return False


def _plain_line(blocks: list[Block], lines: list[str], mask: list[bool], n: int) -> None:
    """A line that is no heading: the current block's, unless it is a bold category line or
    the next item of a list a note interrupted."""
    cur, line = blocks[-1], lines[n]
    if (
        0 < cur.level < _DEEPEST
        and sorts_findings(cur.kind, cur.title)
        and (title := bold_category(lines, mask, n)) is not None
    ):
        # `## Review` + `**Concurrency**` + `1. `a.go:12` — …`: as a category heading
        _open_category(blocks, title, cur.level + 1)
        return
    resumed = _resumed(cur, line)
    if resumed is not None:
        blocks.append(resumed)
    blocks[-1].add(line, False)


def _known_heading(blocks: list[Block], h: Heading, line: str) -> None:
    """A heading of a known section: the section it opens, unless it is a label or a lead-in
    inside the current one."""
    cur = blocks[-1]
    if h.label and h.kind in FINDING_KINDS and cur.kind in (Kind.TESTING, Kind.DOCS):
        # `Required:` / `Optional:` sort the tests a Testing Assessment asks for
        cur.add(line, False)
        return
    if h.lead_in and not _lead_in_opens(h, cur):
        cur.add(line, False)
        return
    if h.lead_in and cur.kind not in ASSESSMENT_KINDS:
        blocks.append(Block(h.kind, h.title, h.level, resumes=cur))
        blocks[-1].next_item = _last_item(cur) + 1
    else:
        blocks.append(Block(h.kind, h.title, h.level))
    if h.rest:
        blocks[-1].add(h.rest, False)


def _unknown_heading(
    blocks: list[Block], h: Heading, lines: list[str], mask: list[bool], n: int
) -> None:
    """An unknown heading: a sub-heading of the current section, a title, or a new section."""
    cur, line = blocks[-1], lines[n]
    if cur.kind is Kind.PREAMBLE:
        if h.level == 1:  # the review's own title ("# Code Review: PR #812")
            cur.add(line, False)
            return
    elif cur.kind in FINDING_KINDS and praise_section(h.title):
        pass  # `## Issues` + … + `### What looks good`: praise ends the findings
    elif h.level > cur.level or _flat_sub_heading(cur, h, line):
        _sub_heading(blocks, h, lines, mask, n)
        return
    elif _next_category(blocks, h):
        blocks.append(Block(Kind.FINDINGS, h.title, h.level))
        return
    blocks.append(Block(Kind.OTHER, h.title, h.level))


def _sub_heading(
    blocks: list[Block], h: Heading, lines: list[str], mask: list[bool], n: int
) -> None:
    """A heading below the current section's: its text, unless findings follow it."""
    cur, line = blocks[-1], lines[n]
    if cur.kind is Kind.SUMMARY and announced_finding(lines, mask, n, h.title):
        # `## Summary` + `### 1. Title` + `- **Severity:** High`: findings after the
        # summary, as under any section of their own (the summary tells no finding)
        blocks.append(Block(Kind.OTHER, "", cur.level))
        blocks[-1].add(line, False)
        return
    if (
        cur.level
        and sorts_findings(cur.kind, cur.title)
        and category_heading(lines, mask, n, h.title, h.level)
    ):
        # `## Review` + `### Concurrency` + `1. `a.go:12` — …`: the heading sorts the
        # findings below it, no line of the finding above it (`categories.py`)
        _open_category(blocks, h.title, h.level)
        return
    cur.add(line, False)


def _open_category(blocks: list[Block], title: str, level: int) -> None:
    """A category of the last block's findings: that findings section again, or under an
    ordinary section a section of the category's own (the ordinary one dropped when it holds
    nothing but its categories: no empty section is left)."""
    cur = blocks[-1]
    if cur.kind in FINDING_KINDS:
        blocks.append(Block(cur.kind, cur.title, cur.level))
        return
    if not any(line.strip() for line in cur.lines):
        blocks.pop()
    blocks.append(Block(Kind.OTHER, title, level))


def _gaps(blocks: list[Block], h: Heading, lines: list[str], mask: list[bool], n: int) -> bool:
    """A Testing or Documentation heading below a findings section's own heading that sorts
    findings (test or doc gaps, `categories.gap_heading`), and no sub-heading of a finding in
    it (`### `a.py:3` …` + `#### Tests`: that finding's own part)."""
    cur = blocks[-1]
    if h.lead_in or cur.kind not in FINDING_KINDS or not 0 < cur.level < h.level:
        return False
    for line, fenced in zip(cur.lines, cur.fenced, strict=True):
        m = None if fenced else atx_heading(line)
        if m is not None and len(m[0]) < h.level:
            return False
    return gap_heading(lines, mask, n, h.level)


def _finding_part(cur: Block, h: Heading, headings: dict[int, Heading], n: int) -> bool:
    """`finding_subparts.finding_part` for heading `h` on line `n` in findings block `cur`."""
    if h.lead_in or h.label or h.level >= BOLD_LEVEL:
        return False  # only a `#` heading: a bold `**Testing**` line keeps its reading
    if cur.kind not in FINDING_KINDS or cur.level <= 0:
        return False
    levels = [
        len(m[0])
        for line, fenced, held in zip(cur.lines, cur.fenced, cur.held, strict=True)
        if not (fenced or held) and (m := atx_heading(line)) is not None and len(m[0]) > cur.level
    ]
    later = ((g.level, g.kind) for k, g in sorted(headings.items()) if k > n and g is not UNDERLINE)
    return finding_part(levels, h.level, h.kind, later)


def _next_category(blocks: list[Block], h: Heading) -> bool:
    """`## Findings` + `### Bugs` + `### Performance`: a findings section sorted into category
    sub-sections, the first with a findings title of its own; an unknown heading at that
    category's level is the next category (the first one, `### Correctness` right under
    `## Findings`, is part of that section already), not an ordinary section whose items
    are prose."""
    cur = blocks[-1]
    if cur.kind is not Kind.FINDINGS or cur.level != h.level:
        return False
    for above in reversed(blocks[:-1]):
        if above.level < h.level:
            return above.kind is Kind.FINDINGS
    return False


_ITEM = re.compile(r"^(\d{1,9})[.)][ \t]")
_DEEPEST = 6


def _flat_sub_heading(cur: Block, h: Heading, line: str) -> bool:
    """`###### Important Issues` + `###### Pool never drains — `a.py:41``: under a severity
    heading at the sixth level no deeper heading exists (a report's appendix prints a review's
    headings all at that level), so a heading there of no known section that names its place is
    the section's finding, not a section of its own (`###### Commit Structure` still is one)."""
    if cur.kind not in FINDING_KINDS or not cur.title or cur.level != _DEEPEST:
        return False
    if h.level != _DEEPEST:
        return False
    found = heading_head(line)
    return found is not None and bool(found[1].locations)


def _last_item(block: Block) -> int:
    """The number of the last numbered item at the margin of `block` (0: none)."""
    for line in reversed(block.lines):
        m = _ITEM.match(line)
        if m:
            return int(m.group(1))
    return 0


def _resumed(cur: Block, line: str) -> Block | None:
    """`1. a.py:3 — …` + `Tests: none added.` + `2. a.py:9 — …`: a note between the findings;
    the list's next item is the section's again (a new block of its kind), not the note's."""
    if cur.resumes is None or cur.next_item < 2:
        return None
    m = _ITEM.match(line)
    if m is None or int(m.group(1)) != cur.next_item:
        return None
    back = cur.resumes
    return Block(back.kind, back.title, back.level)
