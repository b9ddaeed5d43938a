"""A sub-heading finding whose place is told only in its text, under a findings section with
no level (`## Issues Found`, `## Findings`):

    ### 1. Final exception is swallowed
    In `src/upload.py`, after the last retry the `except` block returns `None` (line 88).

A heading with no place and no level there may be a topic (`### Security` + what the code does
well, `### Correctness` + a point, `### Style` + a list of findings) rather than a finding, so
it opens one only when its title is no topic's (a kind of section, or two words or fewer that
name no fault), its text (down to the next heading of its level) does not open with a list of
its own (a category's items), names a place with a line and a fault, or asks for a fix
(`**Recommendation:** …`), and does not call the spot fine.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.file_groups import heading_level
from deepreview.findings.finding_line import BODY_HEADINGS, FIELD_LABELS
from deepreview.findings.head import FindingHead
from deepreview.findings.labels import (
    LABEL,
    body_location,
    label_lines,
    place_label_follows,
    severity_label_follows,
)
from deepreview.findings.levels import LEVEL_WORDS, first_level_word
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.section_titles import Kind, problem_section, title_kind
from deepreview.model import Location

# How a fault is told without a problem word, in a finding's own text (`never evicted`,
# `raises `KeyError``, `returns `None` instead of raising`, `grows without bound`).
_QUIET: Final = re.compile(
    r"\b(?:never|raises?|throws?|instead\s+of|unbounded|without\s+(?:a\s+|any\s+)?"
    r"(?:bound|limit|check|timeout|lock|cap)s?|does\s+not|doesn['’]t|is\s+not|isn['’]t|"
    r"cannot|can['’]t|unused|logs?\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:tokens?|passwords?|secrets?|"
    r"credentials?|keys?))\b",
    re.IGNORECASE,
)
_ASKS_FIX: Final = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:fix|suggested\s+fix|"
    r"recommendation|recommended\s+fix|suggestion)s?\b",
    re.IGNORECASE | re.MULTILINE,
)
_ITEM: Final = re.compile(
    rf"^[ \t]*{LIST_MARKER}[ \t]+(?:(?:\*\*|__)(?P<label>[A-Za-z][A-Za-z ]{{0,24}}?)"
    r"(?:\*\*|__)?[ \t]*:)?"
)
# Field labels of the finding's own text (`- **Problem:** …`, `- **Location:** …`)
_FIELDS: Final = BODY_HEADINGS | FIELD_LABELS | {"issue", "description", "where", "what"}
_FINE: Final = re.compile(
    r"\b(?:which|this|that|it)(?:\s+is|['’]s)\s+(?:fine|ok|okay|acceptable|harmless|intended|"
    r"intentional|correct|safe)\b|\b(?:is|are|looks?)\s+(?:correct|fine|good|safe)\b|"
    r"\bno\s+(?:issue|problem|change)s?\b",
    re.IGNORECASE,
)


def _topic(title: str) -> bool:
    if title_kind(title) is not Kind.OTHER or problem_section(title) is not None:
        return True  # `### Security`, `### Testing`, `### Design`
    words = re.findall(r"[\w`'’-]+", title)
    return len(words) <= 2 and not names_a_fault(title) and not _QUIET.search(title)


def placed_in_text(
    lines: list[str], fenced: list[bool], at: int, title: str, prefixes: tuple[str, ...]
) -> bool:
    """Whether the heading at `at` (titled `title`, no place or level of its own) opens a
    finding told with its place in the text (see the module's doc), or a record of fields
    (`record`)."""
    body, mask = _text_of(lines, fenced, at)
    if record(title, body, mask, prefixes):
        return True
    if _topic(title):
        return False
    opening = next((ln for ln in body if ln.strip()), "")
    item = _ITEM.match(opening)
    if (
        item is not None
        and (item.group("label") or "").lower() not in _FIELDS
        and LABEL.match(opening) is None  # (a plain `- File: `a.py`` label is a field too)
    ):
        return False  # `### Style` + `- **I1** …`: the heading is its items' category
    if not any(loc.start is not None for loc in _places(title, body, mask, prefixes)):
        return False
    text = "\n".join(ln for ln, f in zip(body, mask, strict=True) if not f)
    return tells_a_fault(title, text)


def _text_of(lines: list[str], fenced: list[bool], at: int) -> tuple[list[str], list[bool]]:
    """The heading's text, down to the next heading of its level or higher."""
    level = heading_level(lines[at]) or 0
    end = next(
        (
            k
            for k in range(at + 1, len(lines))
            if not fenced[k] and (heading_level(lines[k]) or 7) <= level
        ),
        len(lines),
    )
    return lines[at + 1 : end], fenced[at + 1 : end]


def record(title: str, body: list[str], mask: list[bool], prefixes: tuple[str, ...]) -> bool:
    """The heading's text opens with its place as label lines (`**File:** `a.py:12``, `- **File**:
    `a.py`` + `- **Line**: 12`): a finding written as a record, whatever its words (one that
    calls the spot fine is a spot checked, `record_says_fine`)."""
    if not place_label_follows(body, mask, 0):
        return False
    found = FindingHead(id=None, title=title, style="heading")
    label_lines(found, body, mask, prefixes)
    return any(loc.start is not None for loc in found.locations)


def record_says_fine(
    lines: list[str], fenced: list[bool], at: int, prefixes: tuple[str, ...]
) -> bool:
    """The heading at `at` opens a record (`record`) whose text calls the spot fine and names no
    fault (`### 3. Naming` + `**File:** …` + "The name is fine in a two-line function.")."""
    body, mask = _text_of(lines, fenced, at)
    if severity_label_follows(body, mask, 0) or not record(lines[at], body, mask, prefixes):
        return False  # (a record the reviewer graded is a finding it raised)
    text = "\n".join(ln for ln, f in zip(body, mask, strict=True) if not f)
    return _FINE.search(text) is not None and not names_a_fault(text)


def _places(
    title: str, body: list[str], mask: list[bool], prefixes: tuple[str, ...]
) -> list[Location]:
    """The places the text names, or its label lines give (`- **File**: `a.py`` + `- **Line**:
    44`: a record of fields, its file and line on two lines)."""
    found = body_location(body, mask, prefixes)
    if any(loc.start is not None for loc in found):
        return found
    record = FindingHead(id=None, title=title, style="heading")
    label_lines(record, body, mask, prefixes)
    return record.locations


def tells_a_fault(title: str, text: str) -> bool:
    """A heading finding's title and text name a fault (a fault word, a quiet one: `never
    evicted`, `raises`) or ask for a fix, and do not call the spot fine."""
    told = f"{title}\n{text}"
    if _FINE.search(told) and not names_a_fault(told):
        return False
    return names_a_fault(told) or bool(_QUIET.search(told)) or bool(_ASKS_FIX.search(text))


def later_severity(
    head: FindingHead, lines: list[str], fenced: list[bool]
) -> tuple[list[str], list[bool]]:
    """A heading finding with no level whose `**Severity:** High` (or `- **Severity**: Low`)
    line stands after its text rather than right under the heading: that line's level is the
    finding's, and the line leaves its text. Only a line of its own with a level word and
    nothing else (a sentence that mentions severity stays text)."""
    if head.severity is not None:
        return lines, fenced
    for k, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        m = None if fence else LABEL.match(line)
        if m is None or m.group("label").lower() not in ("severity", "priority"):
            continue
        value = m.group("value").strip(" *_.")
        word = first_level_word(value)
        if word is None or len(value.split()) > 2:
            continue
        head.severity, head.level_word = LEVEL_WORDS[word], word
        return lines[:k] + lines[k + 1 :], fenced[:k] + fenced[k + 1 :]
    return lines, fenced
