"""The label lines right under a finding's first line (`**Severity:** High`, `**File:**
`a.go:3``, `Classification: gap`), and the place a finding's prose names when its first line
names none.

Free-form reviews (`### 1. Title` + label lines) and bold lead-ins (`**CRITICAL** title` +
`Classification:`) put a finding's level and place there instead of on its first line.
"""

from __future__ import annotations

import re

from deepreview.findings.file_names import known_extension, member_like
from deepreview.findings.head import FindingHead, locations_in, parse_tail
from deepreview.findings.label_words import LABEL_ALTERNATIVES, english_label
from deepreview.findings.levels import LEVEL_WORDS
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.locations import RANGE_TO, same_file_lines
from deepreview.findings.scored_fields import field_level
from deepreview.markdown_fence import code_spans
from deepreview.model import Location

# `**Severity:** High`, `**Severity: High**`, `*Severity: Medium*` (italics): bold or not.
# (a dash may set the line apart: `— severity: medium · confidence: high` closing a finding)
# Gemini CLI decorates each field's name with a pictograph (`**📁 File:**`, `**📍 Line:** 27`):
# the field is the word after it.
_PICTOGRAPH = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?[ \t]*"
LABEL = re.compile(
    r"^ {0,4}(?:[-*—–][ \t]+)?(?:\*\*?|__?)?(?:"
    + _PICTOGRAPH
    + r")?(?P<label>Classification|Severity|Priority|File|Files|"
    r"Location|Locations|Where|Lines?|"
    + LABEL_ALTERNATIVES  # (the same fields in other languages: `**Archivo:**`, `**Gravité :**`)
    + r")(?:\*\*?|__?)?[ \t]*[:：](?:\*\*?|__?)?[ \t]*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# A list item at the margin of nothing but places in code spans (`- `a.py:7``); a nested list
# of places under a finding's item stays a point of its text.
_ONLY_PLACES = re.compile(r"^[-*+][ \t]+(?P<v>`[^`\n]+`(?:[ \t]*,[ \t]*`[^`\n]+`)*)[ \t]*$")
# Places in prose are code spans or links; a bare word (`README.md`) is too often just a name.
_LINK = re.compile(r"\[[^\[\]\n]*\]\([^)\s]*\)")
# A bare permalink to a file's lines: `https://github.com/o/r/blob/SHA/a.py#L70-L74`
_PERMALINK = re.compile(
    r"(?<![(\[<])\bhttps?://[^\s/]+/[^\s/]+/[^\s/]+/blob/[^\s/]+/[^\s)\]>]+#L\d[^\s)\]>]*"
)


def _code_or_links(line: str) -> list[tuple[int, int]]:
    """(start, end) of each code span and link on the line, left to right; where they overlap
    the one that starts first wins (`[`a.py`](a.py#L3)` is a link).  Code spans come from
    `markdown_fence.code_spans`, linear in the line (a regex for them was quadratic on a long
    run of backticks)."""
    found = sorted(
        [
            *code_spans(line),
            *((m.start(), m.end()) for m in _LINK.finditer(line)),
            *((m.start(), m.end()) for m in _PERMALINK.finditer(line)),
        ]
    )
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def labels_of(lines: list[str], fenced: list[bool], start: int, i: int) -> bool:
    """Line `i` is a label line (`**File:** a.py`) of the finding that starts at `start`: only
    blank lines and label lines lie between them. Such a line is the finding's place, never a
    heading that groups the findings below it by file."""
    if fenced[i] or LABEL.match(lines[i]) is None:
        return False
    return all(
        not fenced[k] and (not lines[k].strip() or LABEL.match(lines[k]) is not None)
        for k in range(start + 1, i)
    )


# Another field of the finding among its label lines (`- **Why it matters:** …`, `- **Fix:**
# cap it.`): reviewers order the fields as they like, so the level or place may come after it.
# Any bold or italic label; a plain one only by its name (`- Fix: …`), as `- Note: …` may be
# a point of the text.
_OTHER_FIELD = re.compile(
    r"^ {0,4}(?:[-*+][ \t]+)?(?:(?:\*\*?|__?)[A-Za-z][A-Za-z '/-]{0,30}?"
    r"(?:[ \t]*:[ \t]*(?:\*\*?|__?)|(?:\*\*?|__?)[ \t]*:)"
    r"|(?:Why(?: it matters)?|Impact|Fix|Suggested fix|Recommendation|Description|Details"
    r"|Problem|Issue)[ \t]*:)[ \t]*\S",
    re.IGNORECASE,
)


def _other_field(line: str) -> bool:
    return LABEL.match(line) is None and _OTHER_FIELD.match(line) is not None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _goes_on(line: str, field: str | None) -> bool:
    """Line `line` carries on the text of the `field` line right above it (`- **Why:** the
    memory grows` + `  until the pod is killed.`): indented deeper, no item of its own."""
    return (
        field is not None
        and bool(line.strip())
        and _indent(line) > _indent(field)
        and _ITEM_START.match(line) is None
    )


_ITEM_START = re.compile(rf"^[ \t]*{LIST_MARKER}[ \t]")


def _label_below(
    lines: list[str], fenced: list[bool], start: int, names: frozenset[str]
) -> re.Match[str] | None:
    """The first label line named in `names` among the label lines right below a finding's
    first line (blank lines and the finding's other fields between them; any other line ends
    the labels)."""
    field: str | None = None  # the other field line just above, whose text may go on
    for line, fence in zip(lines[start : start + 8], fenced[start : start + 8], strict=True):
        if fence:
            return None
        if _goes_on(line, field):
            continue
        field = line if _other_field(line) else None
        if not line.strip() or field is not None:
            continue
        m = LABEL.match(line)
        if m is None:
            return None
        if english_label(m.group("label")) in names:
            return m
    return None


# (how far a heading finding's text is searched for its closing labels)
_CLOSING_REACH = 60
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")


def _label_closing(
    lines: list[str], fenced: list[bool], start: int, names: frozenset[str]
) -> re.Match[str] | None:
    """Under a heading (line `start - 1`), the first label line named in `names` of the
    paragraph of label lines alone that closes its text, before the next heading
    (`closing_labels`)."""
    if not start or not _HEADING.match(lines[start - 1]):
        return None
    end = start
    while end < min(len(lines), start + _CLOSING_REACH) and (
        fenced[end] or not _HEADING.match(lines[end])
    ):
        end += 1
    span = label_paragraph(lines, fenced, start, end)
    if span is None:
        return None
    found = [LABEL.match(line) for line in lines[span[0] : span[1]]]
    return next((m for m in found if m and english_label(m.group("label")) in names), None)


def label_paragraph(
    lines: list[str], fenced: list[bool], start: int, end: int
) -> tuple[int, int] | None:
    """(first, end) of the paragraph of label lines alone that closes `lines[start:end]`, or
    the one before it when the last paragraph is plain words: the last finding's label lines
    (`— severity: low`) may be followed by the review's closing words ("Nothing else: the
    tests in `t.py` cover it.")."""
    for _ in range(2):
        while end > start and not lines[end - 1].strip():
            end -= 1
        first = end
        while first > start and lines[first - 1].strip() and not fenced[first - 1]:
            first -= 1
        if first == end or (first > start and lines[first - 1].strip()):
            return None  # (the paragraph starts in code: no label paragraph)
        found = [LABEL.match(line) for line in lines[first:end]]
        if all(found):
            return first, end
        if any(found):
            return None  # (a paragraph of labels and words is a finding's own text)
        end = first
    return None


def severity_label_follows(lines: list[str], fenced: list[bool], start: int) -> bool:
    """A `**Severity:** High` (or `Priority:`) line among the label lines right below a finding's
    first line, or closing a heading finding's text."""
    names = frozenset(["severity", "priority"])
    m = _label_below(lines, fenced, start, names) or _label_closing(lines, fenced, start, names)
    return (
        m is not None and field_level(english_label(m.group("label")), m.group("value")) is not None
    )


def place_label_follows(lines: list[str], fenced: list[bool], start: int) -> bool:
    """A `**File:** `a.py` (Line 44)` (or `Location:`) line among the label lines right below
    a finding's first line, or closing a heading finding's text."""
    names = frozenset(["file", "files", "location", "locations", "where"])
    return (
        _label_below(lines, fenced, start, names) or _label_closing(lines, fenced, start, names)
    ) is not None


# `* **Issue:** …` / `**File:** …` / `- **Problem**: …` / `- Problem: …`: a line (a bullet or
# not) that is one field of a finding written as labels (a plain one is a field by its name only)
_FIELD_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:(?P<b>\*\*|__)(?P<k>[A-Za-z][A-Za-z ]{0,24}?)[ \t]*"
    r"(?::|(?P=b)[ \t]*:)|(?P<p>[A-Za-z][A-Za-z ]{0,24}?)[ \t]*:)"
)
# the fields a finding's other fields follow (`* **Issue:** …` + `* **Suggestion:** …`)
_FIELDS = frozenset(["issue", "description", "problem", "file", "files", "location", "lines"])
# more fields of a record, which only its fix's label may follow as a field (`- **Line**: 44` +
# `- **Suggestion**: …`): a level line after them (`* **Severity: High** - …` + `* **Severity:
# Low** - …`) may be a finding of its own
_RECORD_FIELDS = frozenset(
    [
        "locations", "line", "where", "details", "impact", "why", "why it matters",
        "explanation", "root cause", "cause", "risk", "evidence", "context", "severity",
        "priority",
    ]
)  # fmt: skip


def _field_name(line: str) -> str | None:
    """The label of a field line (`- **Problem**: …` -> "problem"); a plain label counts only
    when it is one of `_FIELDS` or a fix's (`- Problem: …`, `- Suggestion: …`), as `- Note: …`
    may be a point of the text."""
    m = _FIELD_LINE.match(line)
    if m is None:
        return None
    name = " ".join((m.group("k") or m.group("p")).lower().split())
    if m.group("p") is not None and name not in _FIELDS | _RECORD_FIELDS | _FIX_LABELS:
        return None
    return name


def under_a_field(lines: list[str], i: int) -> bool:
    """Line `i` is a bold label right below a field (`* **Issue:** …`): another field of
    the same finding (`* **Suggestion:** Read it from settings.` is its fix, not a suggestion
    of its own, even where the finding's title line could not be read)."""
    m = _FIELD_LINE.match(lines[i]) if i else None
    if m is None:
        return False
    fix = _field_name(lines[i]) in _FIX_LABELS
    above = _field_name(lines[i - 1])
    return (above in _FIELDS and (fix or m.group("k") is not None)) or (
        above in _RECORD_FIELDS and fix
    )


# A fix's label (`- **Suggestion:** read it from settings.`): a level word too, so it may read
# as a suggestion of its own.
_FIX_LABELS = frozenset(["suggestion", "suggested fix", "recommendation", "recommended fix"])
_NUMBERED = re.compile(r"^[ \t]{0,3}(?:\*\*|__)?\d{1,9}[.)](?:\*\*|__)?[ \t]+\S")


def fix_of_unread_item(lines: list[str], fenced: list[bool], i: int, read: bool = False) -> bool:
    """Line `i`, a fix's label (`- **Suggestion:** read it from settings.`) naming no place,
    before any finding of its section is read (`read`), under a numbered item (`**1. Export
    writes to the wrong folder**`, text we could not read as a finding): that item's fix, not
    a suggestion of its own."""
    if read or _field_name(lines[i]) not in _FIX_LABELS:
        return False
    if any(loc.start is not None for loc in locations_in(lines[i])):
        return False  # `- **Suggestion:** rename `tmp` (`a.py:3`)`: a finding at its place
    return any(not fenced[k] and _NUMBERED.match(lines[k]) for k in range(i))


def body_location(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> list[Location]:
    """A finding whose first line names no place: the first place its prose names (one with a
    line number before a whole file), so it can still be located and merged."""
    whole: list[Location] = []
    for line, fence in zip(lines, fenced, strict=True):
        if fence:
            continue
        for start, end in _code_or_links(line):
            for loc in locations_in(line[start:end], prefixes):
                lines_after = _LINES_AFTER.match(line, end) if loc.start is None else None
                if lines_after is None and loc.start is None:
                    lines_after = _line_later(line, end)
                if lines_after is not None:
                    # `In `a.py` (lines 42-48), …`, `in `a.py`, line 30`
                    loc = same_file_lines(loc, lines_after.group("lines")) or loc
                if loc.start is not None:
                    return [loc]
                whole = whole or [loc]
    first = next((ln for ln, f in zip(lines[1:], fenced[1:], strict=True) if ln.strip()), "")
    opening = _OPENING_LINES.match(first)
    if whole and opening is not None:
        # `**Race in `pool.go`** (high)` + `Lines 55-61 read `closed` unlocked.`
        return [same_file_lines(whole[0], opening.group("lines")) or whole[0]]
    return whole


_OPENING_LINES = re.compile(
    rf"^[ \t]*(?:lines?[ \t]+|(?-i:L)(?=\d))(?P<lines>\d+(?:{RANGE_TO}\d+)?)\b", re.IGNORECASE
)


_PLACE_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+(?P<text>\S.*)$")


def place_list(lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]) -> list[Location]:
    """`- **Old import path still used**` + nested `- `cli/main.py:4`` items: the places a list
    at the top of a finding's body names, one per item ([] when its first item is not just a
    place)."""
    out: list[Location] = []
    for line, fence in zip(lines, fenced, strict=True):
        if fence or (not line.strip() and out):
            break
        if not line.strip():
            continue
        m = _PLACE_ITEM.match(line)
        head = FindingHead(id=None, title="", style="table")
        if m is not None:
            parse_tail(head, m.group("text"), prefixes)
        if not head.locations or head.leftover.strip(" .,;:()—–-"):
            break
        out.extend(loc for loc in head.locations if loc not in out)
    return out


_ABOUT = r"(?:~[ \t]*|(?:about|around|approx\.?|approximately|near)[ \t]+)?"
_LINES_AFTER = re.compile(
    r"[ \t]*[(,]?[ \t]*(?:(?:at|on)[ \t]+)?" + _ABOUT + r"(?:lines?[ \t]+|(?-i:L)(?=\d))"
    rf"(?P<lines>\d+(?:{RANGE_TO}\d+)?)(?![\d.]\d)",
    re.IGNORECASE,
)


# `(line 88)` / `(~line 88)` later in the sentence that named a file with no line: `In
# `a.py`, after the last retry the handler returns `None` (line 88).`
_LINE_LATER = re.compile(
    r"\([ \t]*(?:(?:at|on)[ \t]+)?" + _ABOUT + rf"lines?[ \t]+(?P<lines>\d+(?:{RANGE_TO}\d+)?)\)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _line_later(line: str, end: int) -> re.Match[str] | None:
    """The parenthesised line later in the sentence after a file named at `end`, when no other
    code span comes between (it would be that one's line)."""
    stop = _SENTENCE_END.search(line, end)
    m = _LINE_LATER.search(line, end, stop.start() if stop else len(line))
    between = _SPAN.findall(line[end : m.start()]) if m is not None else []
    if m is None or any(known_extension(s) and not member_like(s) for s in between):
        return None
    return m


_SPAN = re.compile(r"`([^`\s]+)`")


def label_lines(
    head: FindingHead, lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[str], list[bool]]:
    """`Classification:`, `File:`/`Location:` and `Severity:` lines right under a finding's first
    line (bold lead-ins, free-form `Finding N` reviews) fill the head and leave the body."""
    keep = 0
    field: str | None = None  # the other field line just above, whose text may go on
    while keep < len(lines) and not fenced[keep]:
        line = lines[keep]
        if _goes_on(line, field):
            keep += 1
            continue
        field = line if _other_field(line) else None
        if not line.strip():
            keep += 1
            continue
        if field is not None:
            keep += 1  # `- **Why it matters:** …` before `- **Severity:** High`: its text stays
            continue
        m = LABEL.match(line)
        bare = _ONLY_PLACES.match(line) if m is None else None
        if bare is not None:
            # `**1. Title (Critical)**` + `- `a.py:7``: an item that is only a place is the
            # finding's `File:` label without the word
            found = locations_in(bare.group("v"), prefixes)
            if not found or any(loc.start is None for loc in found):
                break
            head.locations.extend(loc for loc in found if loc not in head.locations)
            lines, fenced = lines[:keep] + lines[keep + 1 :], fenced[:keep] + fenced[keep + 1 :]
            continue
        if m is None:
            break
        label, value = english_label(m.group("label")), m.group("value").strip()
        if label == "classification":
            head.classification = head.classification or value.rstrip(".")
        elif label in ("severity", "priority"):
            word = field_level(label, value)
            if word is not None and head.severity is None:
                head.severity, head.level_word = LEVEL_WORDS[word], word
            # `**Severity: High** | **File:** `a.py:3``: the place shares the level's line
            head.locations.extend(
                loc for loc in locations_in(value, prefixes) if loc not in head.locations
            )
        elif label in ("line", "lines"):
            # `**File:** `a.py`` + `**Lines:** 42-48`: the lines of the file named just above
            if not _lines_of_file(head, value):
                break
        else:
            # `**File:** `a.py` **Lines:** 13-17`: the lines' label shares the file's line
            inline = _INLINE_LINES.search(value)
            found = locations_in(value[: inline.start()] if inline else value, prefixes)
            if not found:
                break
            head.locations.extend(loc for loc in found if loc not in head.locations)
            if inline is not None and not _lines_of_file(head, inline.group("lines")):
                break
        lines, fenced = lines[:keep] + lines[keep + 1 :], fenced[:keep] + fenced[keep + 1 :]
    return lines, fenced


def closing_labels(
    head: FindingHead, lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[str], list[bool]]:
    """The same label lines as the last paragraph of a finding's text instead (`### 1. Title` +
    its text + `**Location:** `a.py:41`` + `**Severity:** High`, a small model's layout): they
    fill the head and leave the body. Only a paragraph of label lines alone, all of them read."""
    span = label_paragraph(lines, fenced, 0, len(lines))
    if span is None:
        return lines, fenced
    start, end = span
    rest, _ = label_lines(head, lines[start:end], fenced[start:end], prefixes)
    if any(line.strip() for line in rest):
        return lines, fenced  # (a label it could not read: the paragraph stays as written)
    return lines[:start] + lines[end:], fenced[:start] + fenced[end:]


_INLINE_LINES = re.compile(
    r"[ \t]*[,;|·]?[ \t]*(?:\*\*?|__?)?Lines?(?:\*\*?|__?)?[ \t]*:(?:\*\*?|__?)?[ \t]*"
    rf"(?P<lines>L?\d+(?:{RANGE_TO}\d+)?)[ \t.]*$",
    re.IGNORECASE,
)


def _lines_of_file(head: FindingHead, value: str) -> bool:
    """A `Lines: 42-48` label: narrow the whole-file place named last to those lines."""
    whole = head.locations[-1] if head.locations else None
    if whole is None or whole.start is not None:
        return False
    place = same_file_lines(whole, value.strip("*_` .").strip())
    if place is None:
        return False
    head.locations[-1] = place
    return True
