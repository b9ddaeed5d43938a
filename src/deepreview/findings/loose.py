"""Findings a review writes outside its findings sections.

A review that ignores our layout may tabulate its findings under `## Review notes`, or write
`### Issue 1: Title` + `**Severity:** Medium` under `## Details`.  Such a section keeps its
prose and gives up its findings, with two guards against reading an earlier round's items as
this review's: a section whose title is about earlier rounds or their status (`## Prior Round
Findings`, `## Resolved`) keeps everything, and so does a table with a Status column; and in any
other section every finding-like item must carry its own severity (a tag or a `Severity:`
line), or the section is left alone.

One exception (`prose`): a review with no findings section at all, written as prose around a
list (`I found two problems: 1. **`add` is broken** — `calc.py:2`: …`).  There an item with a
bold title and a place with a line is a finding even with no level of its own: it is taken as
important and listed as unrated (the seat's retro says so), unless its title is only a place or
an earlier round's verdict (`**C1** — `a.py:3`: fixed`); and so is a list whose every item
starts with a place with a line and names a problem (`placed_items.py`), whatever the sentence
before it says ("No issues found.", "LGTM overall, a few notes:"); and so are points led by a
kind of problem (`**Bug:** `a.py:2` — …`: `kind_leads.py`); and so are paragraphs led by
their place, each with a GitHub ```suggestion fence under it (`suggestion_blocks.py`).

A section that rates the change's risk (`## Risk Assessment`: `- Low: only touches test
helpers`, `**Overall risk: Low**`) judges the whole change: its graded items are findings only
when they name a problem (`problem_words`); a `## Risks` list keeps its graded items as concerns.
"""

from __future__ import annotations

import re

from deepreview.findings.blocks import Block
from deepreview.findings.diff_comments import diff_comment_drafts
from deepreview.findings.file_groups import file_heading
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.findings import NOT_READ_REMARK, parse_findings_block
from deepreview.findings.heading_places import tells_a_fault
from deepreview.findings.ids import FINDING_ID
from deepreview.findings.kind_leads import kind_lead_drafts
from deepreview.findings.list_siblings import faults_before
from deepreview.findings.placed_items import placed_paragraphs, placed_problems, placed_section
from deepreview.findings.places_alone import places_alone
from deepreview.findings.problem_words import names_a_problem
from deepreview.findings.recommendations import recommended_changes, recommends
from deepreview.findings.section_titles import (
    DESIGN_KINDS,
    Kind,
    is_recap,
    problem_section,
    set_aside,
)
from deepreview.findings.suggestion_blocks import suggestion_drafts
from deepreview.findings.table_findings import table_findings
from deepreview.model import Severity


def loose_findings(
    title: str,
    lines: list[str],
    fenced: list[bool],
    prefixes: tuple[str, ...],
    *,
    prose: bool = False,
    warnings: list[str] | None = None,
) -> tuple[list[Draft], list[str], list[bool], list[str]]:
    """(drafts, the section's lines without them, unread findings text) for an ordinary
    section or the preamble; `prose`: the review has no findings section (see the module doc);
    `warnings` gets what the review must say of the items it took out and read as no finding."""
    unread: list[str] = []
    if set_aside(title, lines):
        return [], lines, fenced, unread
    drafts, lines, fenced = _tables(lines, fenced, prefixes)
    res = parse_findings_block(lines, fenced, None, prefixes, nits=False)
    own = [d for d in res.drafts if d.head.style != "table"]
    placed = (
        placed_problems(lines, fenced, prefixes)
        or placed_paragraphs(lines, fenced, prefixes)
        or places_alone(title, lines, fenced, prefixes)
        if prose
        else None
    )
    if placed is not None and len(placed[0]) <= len(own) + res.closed:
        # the list as read already holds every item, a ticked or struck one set aside as done
        # among them (read again as a place-led remark it would be a finding)
        placed = None
    if placed is not None:
        # `No issues found.` + `1. `a.py:3` — raises on None` (placed_items.py); also beside
        # items with a level, of which such an item would otherwise be read as the text
        own, res = placed
    if rates_the_change(title):
        # `- Low: only touches test helpers` rates the change and says why, and is no concern
        # about it; an item there that names a problem still is one (`- Medium: a race …`)
        own = [d for d in own if names_a_problem(f"{d.head.title}\n{d.body}")]
    advice, given = recommended_changes(lines, fenced, prefixes) if prose else ([], set())
    if advice and recommends(title) and len(advice) >= len(own):
        # `## Recommendations` + `1. Guard `a.py:2` against lists — …`: suggestions (an item
        # with its own level, `**Important:** …`, at that level), no text of one another
        keep = [k for k in range(len(lines)) if k not in given]
        return drafts + advice, [lines[k] for k in keep], [fenced[k] for k in keep], unread
    # `**Bug:** `a.py:2` — … raises …`: points led by their kind of problem (`kind_leads`); more
    # of them than the list holds (`**Bug (high):** …` + `**Performance:** …`, the second read
    # as the first's text)
    kinds, taken = kind_lead_drafts(lines, fenced, prefixes) if prose else ([], set())
    if len(kinds) <= len(own) and prose:
        # placed paragraphs each with a ```suggestion fence to commit (`suggestion_blocks`)
        kinds, taken = suggestion_drafts(lines, fenced, prefixes)
    if len(kinds) <= len(own) and prose:
        # comments each under the ```diff hunk they are about (`diff_comments`)
        kinds, taken = diff_comment_drafts(lines, fenced, prefixes)
    if len(kinds) > len(own):
        keep = [k for k in range(len(lines)) if k not in taken]
        return drafts + kinds, [lines[k] for k in keep], [fenced[k] for k in keep], unread
    rated = any(d.head.severity is not None and d.head.level_word for d in own)
    if own and all(
        d.head.severity is not None
        or (prose and (placed or _placed_item(d)))
        # a place-led item beside `- Nit: `a.py:52` — …` (`rated_siblings`)
        or (rated and _placed(d))
        for d in own
    ):
        drafts.extend(own)
        if warnings is not None:
            warnings.extend(w for w in res.warnings if w.startswith(NOT_READ_REMARK))
        cut = res.first
        if prose and placed is None:
            # `* `retry` swallows the error.` above `* Minor: …`: a problem we cannot place
            unread = faults_before(lines, fenced, res.first)
        while cut and (
            not lines[cut - 1].strip()
            or (not fenced[cut - 1] and file_heading(lines[cut - 1], prefixes))
        ):
            cut -= 1  # the `### `a.py`` heading of the first group belongs to its findings
        # the section's words after the list (`The rest looks fine.`) stay with its prose
        after = range(res.closing, len(lines))
        lines = lines[:cut] + ([""] if cut else []) + [lines[k] for k in after]
        fenced = fenced[:cut] + ([False] if cut else []) + [fenced[k] for k in after]
    return drafts, lines, fenced, unread


# A section that rates the change's risk as a whole (`## Risk Assessment`, `## Overall Risk`,
# `**Risk level**`), not a list of risks (`## Risks`, whose graded items are concerns)
_RATING_TITLE = re.compile(
    r"^(?:overall\s+)?(?:change\s+)?risk(?:\s+(?:assessment|level|rating|analysis|evaluation))?$"
)


def rates_the_change(title: str) -> bool:
    return _RATING_TITLE.match(" ".join(re.findall(r"[a-z]+", title.lower()))) is not None


# An earlier round's item or a bare ID as the title: `**C1**`, `**I2 fixed**`, `**Resolved**`
_NOT_A_TITLE = re.compile(
    rf"^(?:{FINDING_ID}\b|(?:fixed|resolved|addressed|not fixed|unchanged|verified)\b)",
    re.IGNORECASE,
)


def _placed_item(d: Draft) -> bool:
    """A list item with a bold title of words and a place with a line; or a sub-heading with
    its place and a text that names a fault (`### `a.go:12` — data race on `count``, as one
    at the top level is: `review_parts._placed`)."""
    words = re.sub(r"`[^`]*`", "", d.head.title)
    if d.head.style == "heading":
        lined = any(loc.start is not None for loc in d.head.locations)
        return lined and tells_a_fault(d.head.title, f"{d.body}\n{d.fix}")
    return (
        d.head.style in ("numbered", "bulleted")
        and any(loc.start is not None for loc in d.head.locations)
        and re.search(r"[A-Za-z]{2,}", words) is not None
        and _NOT_A_TITLE.match(d.head.title.strip("`* ")) is None
    )


def _placed(d: Draft) -> bool:
    """A place-first item with a line (`- `a.py:40` — text`)."""
    return d.head.style == "placed" and any(loc.start is not None for loc in d.head.locations)


def _tables(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], list[str], list[bool]]:
    rows, used = table_findings(lines, fenced, None, prefixes, loose=True)
    drafts = []
    for head, text, fix in rows:
        drafts.append(make_draft(head, None, body=text, fix=fix, prefixes=prefixes))
    taken = set(used)
    rest = [k for k in range(len(lines)) if k not in taken]
    return drafts, [lines[k] for k in rest], [fenced[k] for k in rest]


def placed_concerns(blocks: list[Block], prefixes: tuple[str, ...]) -> None:
    """A `## Concerns` section of its own whose items are findings (`1. **`add` subtracts** —
    `calc.py:2`. …`, or items with their own level: `* **Severity: High** - `a.py:7`: …`) is
    a findings section, as `## Problems` or `## Risks` is; and so is a section named for its
    items (`## Required changes`, `## Security`: `problem_section`). Not one under
    `## Design Observations` (our layout's `### Concerns`), nor one of plain remarks: those are
    design observations."""
    for n, block in enumerate(blocks):
        # and so a section named for its items (`## Required changes`, `## Security`): one
        # whose items are findings is that findings section (`problem_section`)
        kind = Kind.FINDINGS if block.kind is Kind.CONCERNS else None
        if block.kind is Kind.OTHER and block.level and not is_recap(block.title):
            # (a recap, `## Action items`, keeps its words: `loose_findings` takes its items)
            kind = problem_section(block.title)
        if kind is None or _under_design(blocks, n):
            continue
        # A section that asks for changes (`## What needs work`) leads its items as a level
        # word would (`- `a.py:40` — raises a bare `KeyError`.` is one of its findings).
        asks = kind is Kind.IMPORTANT
        section = Severity.IMPORTANT if asks else None
        res = parse_findings_block(block.lines, block.fenced, section, prefixes)
        leading = [ln for ln in block.lines[: res.first] if ln.strip()]
        if (
            res.drafts
            and not leading
            and all(
                _placed_item(d) or d.head.severity is not None or (asks and _placed(d))
                for d in res.drafts
            )
        ) or (
            # `### Concerns` + `- `a.py:2`: … raises `TypeError` …`: a list of place-led
            # problems (or such paragraphs), as under `## Findings` (`placed_items.placed_section`)
            kind is Kind.FINDINGS
            and block.kind is Kind.CONCERNS
            and placed_section(block.lines, block.fenced, prefixes) is not None
        ):
            block.kind = kind


def _under_design(blocks: list[Block], n: int) -> bool:
    """The nearest section above block `n` with a higher heading is a Design section, or the
    section right before it is one (`### Design Observations` + `### Concerns`, one level)."""
    if n and blocks[n - 1].kind in DESIGN_KINDS:
        return True
    for above in reversed(blocks[:n]):
        if above.level < blocks[n].level:
            return above.kind is Kind.DESIGN
    return False
