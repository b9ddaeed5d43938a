"""A category heading inside a section: a topic that sorts the findings below it.

    ## Review
    ### Concurrency
    1. `worker.go:12` — two goroutines race on `count`.
    ### Error handling
    **client.go:40** — the error from `Close()` is dropped

The heading names no finding of its own (no place, no number): its section's first line is
an item that does (a list item or a bold lead with a place and its line), and its text names a
problem. Read as part of the section it sits in, such a heading joined the finding above it
(`### Error handling` as the last line of the race's text), or left a section of unknown title
holding its findings as prose. `blocks.build_blocks` starts a new block at it instead: the same
findings section again, or (under an ordinary section) a section of the category's own.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.atx import atx_heading
from deepreview.findings.bold_siblings import FIELD_LABEL
from deepreview.findings.closed_items import status_heading
from deepreview.findings.list_marker import MARGIN_ITEM
from deepreview.findings.problem_words import FAULT_TOLD, names_a_fault, says_undenied
from deepreview.findings.section_titles import (
    FINDING_KINDS,
    Kind,
    about_earlier_rounds,
    is_recap,
    praise_section,
)

# A place with its line: `a.go:12`, `src/a.py:3-9`, `a.py` (line 12), `a.py`, line 12
_PLACE: Final = re.compile(
    r"[\w./-]+\.\w{1,8}`?(?::\d+|[`*,]*\s*\(?(?:lines?|l\.)\s*\d+)",
    re.IGNORECASE,
)
# A title that names a place or a file (`### `a.py``, `### src/db`): a finding, or a file's group
_NAMED: Final = re.compile(r"`|\w\.\w|/|:\d")
# `**File:** a.py:3`: a record's field, the finding the heading opens, no item of a category
_FIELD: Final = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)[^\W\d][\w /-]{0,29}(?::(?:\*\*|__)|(?:\*\*|__)\s*:)"
)
_TOPIC_WORDS: Final = 4


def sorts_findings(kind: Kind, title: str) -> bool:
    """A section whose category sub-sections may be read apart: a findings section, or an
    ordinary one not about earlier rounds, a recap or praise (which keep their items by their
    own title)."""
    return kind in FINDING_KINDS or (kind is Kind.OTHER and not _kept_apart(title))


def _kept_apart(title: str) -> bool:
    return about_earlier_rounds(title) or is_recap(title) or praise_section(title)


def category_heading(lines: list[str], mask: list[bool], n: int, title: str, level: int) -> bool:
    """Line `n`, a heading of `title` at `level` (an ATX heading's, or below all of them for
    a bold line: `**Concurrency**`), sorts the findings below it (see the module doc)."""
    title = title.strip("*_: ")
    if not title or title[0].isdigit() or _NAMED.search(title) or _kept_apart(title):
        return False  # a finding's own heading, a file's group, an earlier round's items
    if FIELD_LABEL.match(title):
        return False  # `**Impact**`, `#### Evidence`: a part of the finding above
    if status_heading(lines[n]) is not None:
        return False  # `### Resolved`: it closes the items under it (`closed_items`)
    if len(title.split()) > _TOPIC_WORDS:
        return False
    return _sorts_items(lines, mask, n, level)


def gap_heading(lines: list[str], mask: list[bool], n: int, level: int) -> bool:
    """Line `n`, a `### Testing` or `### Documentation` heading (or a bold line alone) at
    `level` inside a findings section, sorts findings below it (`- tests/test_a.py:12 — the new
    retry path has no test`, `- README.md:40 — the new flag is not documented`): test or doc
    gaps, read as the section's findings, not as an assessment's items. (`Testing` is no field
    of a finding here: `blocks` asks only under no finding's own heading.)"""
    return status_heading(lines[n]) is None and _sorts_items(lines, mask, n, level)


def _sorts_items(lines: list[str], mask: list[bool], n: int, level: int) -> bool:
    """The text under the heading at line `n` opens with an item that names its place and
    tells a problem."""
    body: list[str] = []
    for k in range(n + 1, len(lines)):
        if not mask[k] and _ends(lines[k], level):
            break
        body.append(lines[k])
    first = next((k for k, line in enumerate(body) if line.strip()), None)
    if first is None or mask[n + 1 + first]:
        return False
    lead = body[first]
    # an item, a bold lead, or a finding's own deeper heading (`#### `a.go:12` — title`)
    if not (MARGIN_ITEM.match(lead) or lead.lstrip().startswith(("**", "__", "#"))):
        return False
    if _FIELD.match(lead) or not _PLACE.search(lead):
        return False
    text = "\n".join(body)
    return names_a_fault(text) or says_undenied(FAULT_TOLD, text)


_BOLD_ALONE: Final = re.compile(r"^ {0,3}(?:\*\*|__)([^*_\n]+)(?:\*\*|__):?[ \t]*$")


def bold_category(lines: list[str], mask: list[bool], n: int) -> str | None:
    """The title of line `n` when it is a bold line alone that sorts the findings below it
    (`**Concurrency**` + `1. `a.go:12` — …`), else None."""
    m = _BOLD_ALONE.match(lines[n])
    if m is None or not category_heading(lines, mask, n, m[1], _BOLD):
        return None
    return m[1].strip("*_: ")


def _ends(line: str, level: int) -> bool:
    """`line` is the next heading at `level` or above (a bold line's next: any bold line)."""
    m = atx_heading(line)
    if m is not None:
        return len(m[0]) <= level
    return level > _ATX_DEEPEST and _BOLD_ALONE.match(line) is not None


_ATX_DEEPEST: Final = 6
_BOLD: Final = 7  # (`blocks.BOLD_LEVEL`: a bold line ranks below every `#` heading)
