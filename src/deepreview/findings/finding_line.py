"""The first line of a finding: ID, title, locations, reviewers and tags, in any of their orders.

Seen in the wild:

    I1. **Title** — `path:12-30` (important, gap)
    I2. **Title** — `a.go:1`, `b.go:2` [Claude Opus 4.6, Codex GPT 5.4] (important, regression)
    C1. **Title** (critical, regression) — `path:49`
    **C1.** Title — `path:49`           **C1. Title** — `path:49`          ### C1. Title
    1. **Title** — `path:12`            (numbered under a severity heading)
    **[CRITICAL] path:12 — Title**       (early reviews, no IDs)

A finding opened by a heading or a bold paragraph of its own is `paragraph_heads.py`'s; it reads
the title and tail with `bullet_head` here and `title_tail.fill_head`. A line opened by its
level (`[CRITICAL] …`, `**CRITICAL** …`) is read by `severity_head.py`.
"""

from __future__ import annotations

import re

from deepreview.findings.atx import atx_heading
from deepreview.findings.closing_places import closing_place
from deepreview.findings.conventional import conventional_label
from deepreview.findings.head import FindingHead
from deepreview.findings.ids import FINDING_ID
from deepreview.findings.levels import (
    CIRCLES,
    TAG_PATTERN,
    level_lead,
    tag_level,
)
from deepreview.findings.place_led import place_led
from deepreview.findings.placed_heads import place_first, take_closing_level
from deepreview.findings.sentence_places import paren_place_then_text, sentence_place
from deepreview.findings.severity_head import (
    bracket_head,
    severity_head,
)
from deepreview.findings.title_tags import soft_lead
from deepreview.findings.title_tail import fill_head

# A list item may be a task (`- [ ] **Title**`): its checkbox is not a tag.
_PREFIX = re.compile(
    r"^ {0,3}(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(?=\*\*|\[|[CIS]\d))?"
)
_ID_PLAIN = re.compile(rf"^(?P<id>{FINDING_ID})[ \t]*[.:)][ \t]+(?P<rest>\S.*)$")
# `**I1 (Important)** — Title`, `**I1 (Important): Title**`, `### S1 (Suggestion): Title`: the
# level in brackets right after the ID (`_TAG_AFTER_ID` takes it off the title)
_TAG_NEXT = rf"[ \t]+(?=[\[(](?i:{TAG_PATTERN})[\])])"
_ID_BOLD = re.compile(
    rf"^\*\*(?P<id>{FINDING_ID})(?:[ \t]+(?P<tag>[\[(](?i:{TAG_PATTERN})[\])]))?"
    r"[ \t]*[.:)]?[ \t]*\*\*[ \t]*(?P<rest>\S.*)$"
)
# `**I1. Title**`, and `**I1 — Title**` (a dash or a middle dot with a blank each side:
# `**S3-bucket …**` and `**S3 bucket …**` are titles)
_ID_IN_BOLD = re.compile(
    rf"^\*\*(?P<id>{FINDING_ID})(?:[ \t]*[.:)][ \t]*|[ \t]+[—–·-][ \t]+|{_TAG_NEXT})"
    r"(?P<rest>[^*\s].*)$"
)
_ID_HEADING = re.compile(
    rf"^(?P<id>{FINDING_ID})(?:[ \t]*[.:)][ \t]+|[ \t]+[—–·-][ \t]+|{_TAG_NEXT})(?P<rest>\S.*)$"
)
_BRACKET = re.compile(
    rf"^(?P<open>\*\*)?\[(?P<sev>{TAG_PATTERN})\]"
    r"(?P<close>\*\*)?[ \t]*(?P<rest>.*)$",
    re.IGNORECASE,
)
# `**CRITICAL** file.go:58 — Title`: a bold severity word instead of an ID or a `[TAG]`.
_BOLD_SEVERITY = re.compile(
    r"^\*\*(?P<sev>critical|important|suggestion|blocker|major|minor|nit)\*\*:?"
    r"(?:[ \t]+(?:[—–]|--?)(?=[ \t]))?[ \t]+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# `### Finding 3: Title` / `**Issue 3:** Title`: free-form reviews, location and severity on
# `**File:**` / `**Severity:**` lines below (see `findings.py`).
# (with no number only as a plain line whose level follows in brackets: `Bug [high] `a.py:9`: …`)
_FINDING_WORD = re.compile(
    r"^(?:\*\*)?(?:Finding|Issue|Problem|Bug|Defect|Concern|Nit)"
    r"(?:[ \t]+#?(?P<n>\d{1,3})|(?=[ \t]*[(\[]))[ \t]*(?:[:.)—–-][ \t]*)?"
    # (the separator after the bold too: `**Issue 1**: Title`, `**Issue 1** — Title`)
    r"(?:\*\*(?:[ \t]*[:—–-](?=[ \t]))?)?[ \t]*"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# `[I1] Title`, `**[I1]** Title`, `**[I1] Title**`: the ID in brackets (never a link `[I1](#i1)`).
_ID_BRACKETED = re.compile(
    rf"^(?P<open>\*\*)?\[(?P<id>{FINDING_ID})\](?!\()(?P<close>\*\*)?[ \t]*:?[ \t]*(?=\S)"
)
NUMBERED = re.compile(r"^(?P<n>\d{1,9})[.)][ \t]+(?P<rest>\S.*)$")
_BOLD_NUMBERED = re.compile(r"^\*\*(?P<n>\d{1,9})[.)][ \t]+(?P<rest>[^*\s].*)$")
_LEADING_DASH = re.compile(r"^(?:[—–·]|--?)[ \t]+(?=\S)")
_BULLET = re.compile(r"^ ?[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(?P<rest>\S.*)$")
# Sub-headings a finding's own text uses: never a finding's title.
BODY_HEADINGS = frozenset(
    (
        "fix", "suggested fix", "proposed fix", "recommended fix", "recommendation",
        "evidence", "impact", "details", "root cause", "why", "problem", "reproduction",
        "steps to reproduce", "example", "context",
    )
)  # fmt: skip
# A finding's field labels (`**Severity:** High`, `**File:** `a.py``): never its title.
FIELD_LABELS = frozenset(
    (
        "severity",
        "priority",
        "classification",
        "file",
        "files",
        "location",
        "locations",
        "line",
        "lines",
    )
)


# `### 🔴 C1: Title`, `- 🟢 **S1** Title`, `**🔴 C1. Title**`: a colour circle before a finding's
# ID decorates it; the ID gives the level, and the circle is no part of the title.
_CIRCLE_BEFORE_ID = re.compile(
    r"^(?P<lead> {0,3}(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)?(?:\*\*)?)"
    rf"[{''.join(CIRCLES)}]\ufe0f?[ \t]*(?=(?:\*\*)?\[?{FINDING_ID}\b)"
)

_CIRCLE_CHARS = frozenset("".join(CIRCLES))


def strip_prefix(line: str) -> str:
    """The line without its list bullet, number before a tag, or heading marks; a bracketed
    ID reads as `I1.`."""
    if not _CIRCLE_CHARS.isdisjoint(line):  # (most lines have none: no regex to run)
        line = _CIRCLE_BEFORE_ID.sub(r"\g<lead>", line, count=1)
    s = _PREFIX.sub("", line, count=1).rstrip()
    m = NUMBERED.match(s)
    if m and _BRACKET.match(m.group("rest")):
        s = m.group("rest")  # `1. **[High] Title**`: the tag opens the finding, not the number
    m = _ID_BRACKETED.match(s)
    if m:
        s = f"{m.group('open') or ''}{m.group('id')}.{m.group('close') or ''} {s[m.end() :]}"
    return s


def may_open_an_item(line: str) -> bool:
    """`line` is a numbered or bulleted item: the only lines `parse_head` reads differently
    for its flags (`numbered`, `bulleted`, `labelled`); a line of any other shape it reads
    the same whatever they are."""
    s = strip_prefix(line)
    return bool(_BULLET.match(line) or NUMBERED.match(s) or _BOLD_NUMBERED.match(s))


def is_strong_start(line: str) -> bool:
    """A line that opens a finding wherever it appears (lettered ID + bold title, or `[SEV]`)."""
    s = strip_prefix(line)
    if _BRACKET.match(s) or _BOLD_SEVERITY.match(s):
        return True
    if _FINDING_WORD.match(s) and (line.lstrip().startswith("#") or s.startswith("**")):
        return True
    if line.lstrip().startswith("#") and (_ID_PLAIN.match(s) or _ID_HEADING.match(s)):
        return True  # `### C1. Title` — a finding written as a heading
    if _ID_BOLD.match(s) or _ID_IN_BOLD.match(s):
        return True
    m = _ID_PLAIN.match(s)
    return bool(m and m.group("rest").startswith("**")) or is_severity_heading(line)


def is_severity_heading(line: str) -> bool:
    """`### 🔴 Critical: Race on fill`: a heading that opens with its severity word.  It opens
    a finding in any section (a review titled `## Code Review` holds its findings this way)."""
    m = atx_heading(line, titled=True)
    if m is None:
        return False
    # `### 1. **Critical: Title**` (Gemini, under `## Review Summary`): numbered the same
    text = NUMBERED.sub(r"\g<rest>", m[1], count=1)
    word, rest = level_lead(text, heading=True)
    return word is not None and bool(rest.strip("*: "))


def parse_head(
    line: str,
    *,
    numbered: bool = False,
    bulleted: bool = False,
    plain_bullets: bool = False,
    section_led: bool = False,
    prefixes: tuple[str, ...] = (),
    labelled: bool = False,
) -> FindingHead | None:
    """Parse a finding's first line; None if the line does not open a finding.

    `numbered` / `bulleted`: under a severity heading, a top-level `1.` / `-` item with a bold
    title, a place or a tag opens a finding too (the section gives the severity);
    `plain_bullets`: so does a plain `- Title (`a.py:3`)` item (in a section whose findings are
    plain items: where they have bold titles, such a bullet is a point of a finding's body).
    The head's style says which (`bulleted`, `placed`: place first, `plain`).
    `section_led`: the section's title gives its items a level (`**Non-blocking**`), which
    leads a place-first item as a level word of its own would (`- `a.py:2` unused import.`).
    `labelled`: label lines with a level and a place follow the line (`- Severity: high`,
    `- File: a.py`), which makes a plain numbered title (`1. Cache entries are never evicted`)
    a finding."""
    heading = line.lstrip().startswith("#")
    s = strip_prefix(line)
    if not s or len(s) > 2000:
        return None
    m = _BRACKET.match(s)
    if m:
        return bracket_head(m, prefixes)
    m = _BOLD_SEVERITY.match(s)
    if m:
        return severity_head(m.group("sev"), m.group("rest"), prefixes)
    m = _FINDING_WORD.match(s)
    if m and m["n"] and (heading or s.startswith("**")):
        return _numbered_finding_word(m, prefixes)
    if m and (m["n"] or not (heading or s.startswith("**"))):
        # `Issue 2 (High): Title` as a plain line: its level makes it a finding
        head = _levelled_finding_word(m, prefixes)
        if head is not None:
            return head if head.title else None
    for rx in (_ID_BOLD, _ID_IN_BOLD, _ID_PLAIN) + ((_ID_HEADING,) if heading else ()):
        m = rx.match(s)
        if m:
            return _id_head(rx, m, prefixes)
    if numbered:
        m = NUMBERED.match(s) or _BOLD_NUMBERED.match(s)
        if m:
            return _numbered_head(m, prefixes, labelled=labelled)
    if bulleted:
        m = _BULLET.match(line)
        if m:
            return bullet_head(
                m.group("rest"), prefixes, plain=plain_bullets, led=section_led, labelled=labelled
            )
    return None


def _numbered_finding_word(m: re.Match[str], prefixes: tuple[str, ...]) -> FindingHead | None:
    """`**Finding 1: Title**` / `### Issue 2 — Title`."""
    head = FindingHead(id=None, title="", style="finding", number=int(m.group("n")))
    rest = m.group("rest")
    tag = _TAG_AFTER_ID.match(rest)
    if tag is not None:
        # `**Finding 1 (High): Title**`: the level, no part of the title
        rest = rest[tag.end() :]
        head.severity, head.level_word = tag_level(tag["w"]), tag["w"].lower()
    fill_head(head, rest, prefixes)
    return head if head.title else None


def _levelled_finding_word(m: re.Match[str], prefixes: tuple[str, ...]) -> FindingHead | None:
    """`Issue 2 (High): Title`'s head (its title may be empty); None when no level leads it."""
    word, rest = level_lead(m.group("rest"))
    if word is None:
        return None
    number = int(m["n"]) if m["n"] else None
    head = FindingHead(id=None, title="", style="finding", number=number)
    head.severity, head.level_word = tag_level(word), word.lower()
    fill_head(head, rest, prefixes)
    closing_place(head, prefixes)
    if number is None:
        place_led(head, prefixes)  # `Bug [high] `a.py:9`: text`
    return head


def _id_head(
    rx: re.Pattern[str], m: re.Match[str], prefixes: tuple[str, ...]
) -> FindingHead | None:
    """`C1. Title`, `**C1.** Title`, `**C1. Title**`, `### C1. Title`."""
    # `- **S2** — consider …`: the dash parts the ID from the title
    rest = _LEADING_DASH.sub("", m.group("rest"), count=1)
    head = FindingHead(id=m.group("id").replace("-", ""), title="", style="id")
    word = m.groupdict().get("tag")
    tag = _TAG_AFTER_ID.match(rest)
    if tag is not None:
        # `- **I1** [important] **Title** — `a.py:3``: the tag is no part of the title
        rest, word = rest[tag.end() :], tag["w"]
    if word is not None:
        word = word.strip("[]()")
        head.severity, head.level_word = tag_level(word), word.lower()
    if rx is _ID_IN_BOLD:
        rest = "**" + rest
    fill_head(head, rest, prefixes)
    if rx is _ID_BOLD and not rest.startswith(("**", "`")):
        # `**C1:** Title (`a.py:8`). Why.`: after a bold ID, as after a bold level, the
        # place parts the plain title from the finding's first sentence
        paren_place_then_text(head, prefixes)
    place_led(head, prefixes)
    return head if head.title else None


def _numbered_head(
    m: re.Match[str], prefixes: tuple[str, ...], *, labelled: bool
) -> FindingHead | None:
    """`1. **Title**`, `1. Title (`a.py:3`)`, `**1. Title** (High)` under a severity heading."""
    head = FindingHead(id=None, title="", style="numbered", number=int(m.group("n")))
    word, rest = level_lead(m.group("rest"))
    if m.re is _BOLD_NUMBERED:
        rest = "**" + rest  # `**1. Title** (High)`: the bold title without its number
    if not place_first(head, rest, prefixes):
        fill_head(head, rest, prefixes)
        take_closing_level(head)
        if word is not None:
            paren_place_then_text(head, prefixes)  # `1. **Major:** T (`a.py:8`). Why.`
        closing_place(head, prefixes)
    if word is not None:
        head.severity, head.level_word = tag_level(word), word.lower()
    # A numbered finding has a bold title, a location or a tag; a plain `2. step` line
    # is a list inside the previous finding's body.
    bold = rest.startswith("**")
    if bold and _FIELD_LEAD.match(rest):
        return None  # `1. **Location**: `a.py`, line 4`: a record's field, no title
    if head.title and (bold or head.locations or head.severity is not None or labelled):
        return head
    return None


_TAG_AFTER_ID = re.compile(
    rf"^[\[(](?P<w>{TAG_PATTERN})[\])][ \t]*(?:[:—–-][ \t]*)?(?=\S)", re.IGNORECASE
)
_FIELD_LEAD = re.compile(
    rf"^\*\*(?:{'|'.join(sorted(FIELD_LABELS))})[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:)", re.IGNORECASE
)


def bullet_head(
    rest: str,
    prefixes: tuple[str, ...],
    *,
    heading: bool = False,
    plain: bool = False,
    led: bool = False,
    labelled: bool = False,
) -> FindingHead | None:
    """`- **Title** (`a.py:3`)`, `- `a.py:3` — Title.`, `- Title — `a.py:3``,
    `- **Nit:** Title (`a.py:3`)`; `heading`: a heading's text, a finding with a plain title;
    `led`: the section's level leads the item (`parse_head`'s `section_led`); `labelled`: its
    level and place labels follow (`parse_head`'s)."""
    head = FindingHead(id=None, title="", style="bulleted")
    label = conventional_label(rest)
    if label is not None and label[1] is None:
        return None  # `- **question** `a.py:70`: …`, `**praise:** …`: a comment, no finding
    led_by, (rest, head.classification) = rest, soft_lead(rest)
    word, rest = level_lead(rest, heading=heading)
    if word is None and rest != led_by and led_by.lstrip("*_").lower().startswith("optional"):
        word = "suggestion"  # `**Optional:** …`: the seat's own lesser tier, as `Nit:` is
    if word is not None:
        head.severity, head.level_word = tag_level(word), word.lower()
    if place_first(head, rest, prefixes, led=led or word is not None):
        head.style = "placed"
    else:
        fill_head(head, rest, prefixes)
        take_closing_level(head)
        if word is not None:
            # `- **Important** — T (line 14 of a.py, the loop sleeps 0)`: the closing
            # parenthesis, the rest of its words the finding's text
            closing_place(head, prefixes)
            sentence_place(head, prefixes)  # `- critical: the loop (a.py:8) never ends`
        if (plain or heading) and rest[:1].isupper() and not head.locations:
            # `- Rename `tmp2` (`a.py:12`).`, in a section of such items; a body's point
            # (`- `x = 1` (`a.py:3`)`, `- which …`) starts with code or in lower case
            closing_place(head, prefixes)
            paren_place_then_text(head, prefixes)
            head.style = "plain" if head.locations else head.style
    # `- **Fix:** …` / `- **Impact:** …` are labels of a finding's body, and a bold sentence
    # (`- **Empty configs.** The validator…`) is a point made inside one: never a finding.
    title = head.title.rstrip("*").rstrip()
    if (
        word is None
        and head.severity is not None
        and title.endswith(":")
        and head.leftover.strip()
        and title[:-1].strip().lower() not in BODY_HEADINGS | FIELD_LABELS
    ):
        # `- **SQL injection:** `q` (`a.py:7`) pastes the name in. **Severity: high.**`: the
        # item's own level makes the bold lead-in its title, not a label of a body's point
        head.title = title = title[:-1].rstrip()
    if word is not None and title.endswith(".") and not title.endswith(".."):
        # `**Nit (low):** variable `n` could be named `page_no`.`: the level says it is a
        # finding, so a sentence is its title
        head.title = title = title[:-1].rstrip()
    if not title or title.endswith((":", ".")):
        return None
    if not heading and title.strip("*_ ").lower() in FIELD_LABELS:
        return None  # `- **Severity**: High` below a finding's text: its field, no finding
    if heading or rest.startswith("**") or head.locations or head.severity is not None:
        return head
    return head if labelled else None
