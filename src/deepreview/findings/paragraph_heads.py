"""Findings opened by a heading or by a paragraph of their own, not by a list item or an ID line.

    #### Retry loop never stops — `a.go:3`          (under a severity heading: `heading_head`)
    ### Medium: Title                               (led by its level: `severity_heading_head`)
    **Retry swallows the error** (`a.py:42`)        (a bold title and its place: `bold_line_head`)
    **Blocking:** Retry swallows the error. …       (a bold level word leads it: `bold_lead_head`)
    `a.py:27` — the key is built from the name …    (its place with a line: `place_paragraph_head`)

The title and tail of each are read as a list item's are (`finding_line`).
"""

from __future__ import annotations

import re

from deepreview.findings.atx import atx_heading
from deepreview.findings.finding_line import (
    BODY_HEADINGS,
    NUMBERED,
    bullet_head,
    is_severity_heading,
    parse_head,
)
from deepreview.findings.head import FindingHead
from deepreview.findings.kind_leads import kind_titled
from deepreview.findings.levels import CIRCLES, level_lead
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.title_tail import fill_head


def heading_head(line: str, prefixes: tuple[str, ...] = ()) -> tuple[int, FindingHead] | None:
    """`#### Retry loop never stops` (or `#### Title — `a.go:3``) under a severity heading:
    the heading's level and the finding it opens; None for a body sub-heading (`##### Fix`)."""
    m = atx_heading(line, titled=True)
    if not m:
        return None
    text = m[1].strip()
    if text.strip("*").rstrip(":").strip().lower() in BODY_HEADINGS:
        return None
    numbered = NUMBERED.match(text)  # `### 2. Title`: the number is not part of the title
    head = bullet_head(numbered.group("rest") if numbered else text, prefixes, heading=True)
    if head is None:
        return None
    head.style = "heading"
    head.number = int(numbered.group("n")) if numbered else None
    kind_titled(head)  # `### 🐛 Bug: Title`
    head.title = _FINDING_WORD.sub("", head.title, count=1)  # `#### Finding: Title`
    return len(m[0]), head


# `#### Finding: Title`, `### Issue: Title`: the word says what every such heading is, no title
_FINDING_WORD = re.compile(r"^(?:finding|issue|problem|concern)[ \t]*:[ \t]+(?=\S)", re.IGNORECASE)


def severity_heading_head(
    line: str, above: int | None, prefixes: tuple[str, ...] = (), *, labelled: bool = False
) -> FindingHead | None:
    """`### Medium: Title` after findings of another style (`### [High] Title`): a heading led
    by its own level (or, `labelled`, with a `**Severity:**` line below it) opens the next
    finding whatever the section's first one looked like, unless it is deeper than the heading
    finding `above` it (a sub-heading of that one's text)."""
    if not (labelled or is_severity_heading(line)):
        return None
    found = heading_head(line, prefixes)
    if found is None or (above is not None and found[0] > above):
        return None
    return found[1] if labelled or found[1].severity is not None else None


_BOLD_PARAGRAPH = re.compile(r"^ {0,3}\*\*[^*\s]")
# `🔴 `a.py:3` — text` as a paragraph of its own: a circle leads it as a bold level word would
_LED_PARAGRAPH = re.compile(r"^ {0,3}(?:\*\*[^*\s]|[🔴🟠🟡🟢🔵])")


def bold_line_head(line: str, prefixes: tuple[str, ...] = ()) -> FindingHead | None:
    """`**Retry swallows the error** (`a.py:42`)` as a paragraph of its own, no bullet or ID:
    a finding when the bold title is followed by its place and nothing else (a bold word
    opening a sentence of a finding's body is followed by more words)."""
    if not _BOLD_PARAGRAPH.match(line):
        return None
    if level_lead(line.strip())[0] is not None:
        # `**🔴 Token compared with `==`** (`a.py:10`)`, `**Medium — Title** (`a.py:5`)`: the
        # circle or the level word inside the bold title is the level (`level_lead`)
        led = bullet_head(line.strip(), prefixes)
        if led is not None and led.severity is not None and led.locations:
            led.style = "boldline"
            return led if not led.leftover.strip() else None
    head = FindingHead(id=None, title="", style="boldline")
    fill_head(head, line.strip(), prefixes)
    title = head.title.rstrip("*").rstrip()
    # (the words beside its place in the parenthesis, `(`a.py:30`, high, the loop spins)`, are
    # the finding's first words of text, not a sentence going on after the bold words)
    said = head.leftover.strip()
    if not title or title.endswith((":", ".")) or not head.locations:
        return None
    return head if said == head.aside or _MEMBER_ONLY.match(said) else None


# the words left beside the place only name the code in it: `— in `parse()` (a.py)`,
# `— `parse()` in `a.py:4``; more words are a sentence going on after the bold words
_MEMBER_ONLY = re.compile(
    r"^(?:(?:in|inside|within|at)[ \t]+)?`[^`\n]+`(?:[ \t]+(?:in|at|of))?[ \t]*[,;:]?$", re.I
)


def bold_lead_head(line: str, prefixes: tuple[str, ...] = ()) -> FindingHead | None:
    """`**Blocking:** Retry swallows the error (`a.py:42`). …` as a paragraph of its own: a
    bold level word (or a colored circle) leads the finding, as it does a list item."""
    if not _LED_PARAGRAPH.match(line):
        return None
    head = bullet_head(line.strip(), prefixes)
    if head is None or head.severity is None:
        return None
    head.style = "lead"
    return head


# `- 🟢 Title — `a.py:4`.` in a list of `- 🔴 Title — `a.py:3`.` findings: a cool circle before
# a plain title is no level on its own (it may be praise), but in such a list it is one more
# finding, at its circle's level.
_COOL_ITEM = re.compile(r"^ {0,3}[-*+][ \t]+(?P<c>[🟢🔵])\ufe0f?[ \t]+(?P<rest>[A-Z].*)$")
_PLACE_WITH_LINE = re.compile(r"`[^`\s]+:\d+")


def cool_item_head(line: str, prefixes: tuple[str, ...] = ()) -> FindingHead | None:
    """A list item led by a green or blue circle, a plain title and a place with its line,
    read where the list's findings are circle-led (`findings.parse_findings_block`)."""
    m = _COOL_ITEM.match(line)
    if m is None or not _PLACE_WITH_LINE.search(m["rest"]):
        return None
    head = bullet_head(m["rest"], prefixes, plain=True)
    if head is None or not head.locations:
        return None
    head.severity, head.level_word = CIRCLES[m["c"]], m["c"]
    return head


_MARGIN_ITEM = re.compile(
    rf"^(?P<ind> {{0,3}}){LIST_MARKER}[ \t]+(?:\[[ xX]\][ \t]+)?(?P<rest>\S.*)$"
)


def leveled_item_head(line: str, opener: str, prefixes: tuple[str, ...] = ()) -> FindingHead | None:
    """`- **Minor:** Title (`a.py:15`)` in a list whose findings have another shape (`- **[P1]
    Title** — …`, the `opener` line of the finding above): an item of the same list, led by its
    own level word and naming its place, is a finding of its own, not a point of that one."""
    m, above = _MARGIN_ITEM.match(line), _MARGIN_ITEM.match(opener)
    if m is None or above is None or m["ind"] != above["ind"]:
        return None
    head = bullet_head(m["rest"], prefixes, plain=True)
    return head if head is not None and head.level_word and head.locations else None


# `` `a.py:27` — the key is built from … `` / `` `a.py:5` unused import `` as a paragraph of its
# own: a code span naming a file and its line opens it, words follow
# (or in bold, `**a.py:27** — text`: the bold says it is the paragraph's lead, so its text may
# start with code)
_PLACE_PARAGRAPH = re.compile(
    r"^(?:`[^`\s]+:\d[^`\s]*`[ \t]*(?:[—–:-][ \t]*)?[^\s`]"
    r"|(?:\*\*|__)`?[^`\s*]+:\d[^`\s*]*`?(?:\*\*|__)[ \t]*(?:[—–:-][ \t]*)?\S)"
)


def place_paragraph_head(
    line: str, section_led: bool, prefixes: tuple[str, ...] = ()
) -> FindingHead | None:
    """A paragraph at the margin led by its place with a line (`` `a.py:27` — text``) in a
    findings section (`### Bug`, `### Nit`): a finding as the same `- ` item is."""
    if _PLACE_PARAGRAPH.match(line) is None:
        return None
    head = parse_head(f"- {line}", bulleted=True, plain_bullets=True, section_led=section_led,
                      prefixes=prefixes)  # fmt: skip
    if head is None or head.style != "placed" or not head.title.strip():
        return None
    return head if any(loc.start is not None for loc in head.locations) else None
