"""A finding's level written as a sentence of its own at the end of its line.

    1. `a.py:17` — unknown codes are untaxed. This should be an error. Severity: important.
    3. Minor: `discount_pct` is an `int`. Severity: suggestion.

Free-form reviews close an item with its level as a label (`Severity: important.`,
`**Priority:** P1`) after the item's last full stop. Only a label standing as the line's last
sentence counts: a sentence that merely mentions a severity ("the severity: high risk of …")
keeps its words. A heading finding may close its first paragraph so (`### Title` + `In
`a.py`, line 42, … **Severity: High**`): that is its level (`closing_sentence`).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import LABEL_PATTERN, TAG_PATTERN
from deepreview.findings.list_marker import MARGIN_ITEM

_CLOSING: Final = re.compile(
    r"(?<=[.!?)`])[ \t]+(?:\*\*|__)?(?:severity|priority)(?:\*\*|__)?[ \t]*:[ \t]*"
    rf"(?:(?:\*\*|__)[ \t]*)?(?P<w>{LABEL_PATTERN})\.?(?:\*\*|__)?[ \t.]*$",
    re.IGNORECASE,
)


def closing_level(title: str) -> tuple[str, str] | None:
    """(the level word, the title without its closing `Severity: X.` sentence), or None."""
    m = _CLOSING.search(title)
    if m is None:
        return None
    return m.group("w"), title[: m.start()].rstrip().rstrip(".").rstrip()


# `… never applied. **High.**`, `… doubles the spread. **Low priority.**`, `*Severity: high*`,
# `… on 503. *(High)*`:
# a level in bold or italics as the whole last sentence of a line (a level word inside a
# sentence, `the load is **high**.`, is that sentence's word)
_STRESSED: Final = re.compile(
    r"(?:^|(?<=[.!?)`]))[ \t]*(?P<m>\*\*|__|\*|_)(?P<o>[(\[])?"
    r"(?:(?:severity|priority)[ \t]*:[ \t]*)?"
    rf"(?P<w>{TAG_PATTERN})(?:[ \t]+(?:priority|severity))?(?(o)[)\]])[ \t]*\.?(?P=m)[ \t.]*$",
    re.IGNORECASE,
)
# `**Severity:** High` / `Priority: low` as a line of its own
_LABEL_LINE: Final = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:severity|priority)(?:\*\*|__)?[ \t]*:[ \t]*"
    rf"(?:\*\*|__)?(?P<w>{LABEL_PATTERN})\.?(?:\*\*|__)?[ \t.]*$",
    re.IGNORECASE,
)


# a line that opens with a bold label (`**Impact:** …`), as a finding's closing fields do
_FIELD_LINE: Final = re.compile(r"^[ \t]*(?:\*\*|__)[A-Z][\w /-]{0,30}:(?:\*\*|__)[ \t]*\S")


def stressed_closing(line: str) -> tuple[str, int] | None:
    """(the level word, where it starts) of a bold or italic level closing `line` as a
    sentence of its own (`… applied. **High.**`, `**Low priority.**`), or None."""
    m = _STRESSED.search(line)
    return (m.group("w"), m.start()) if m else None


def text_closing_level(text: str, *, wrapped: bool = False) -> tuple[str, str] | None:
    """(the level word, the text without it) when a finding's text ends with its level: a
    `*Severity: high*` / `Severity: low` line, or a closing `**High.**` sentence; else None.
    `wrapped`: the text is the rest of a list item's sentence, so its one paragraph may close
    with the level as the item's line would (`1. **Title** — the key is` + `reused. Severity:
    critical.`)."""
    body = text.rstrip()
    cut = body.rfind("\n") + 1
    last = body[cut:]
    m = _LABEL_LINE.match(last)
    if m is not None:
        return m.group("w"), body[:cut].rstrip()
    wraps = wrapped and "\n\n" not in body
    closing = _CLOSING.search(last) if _FIELD_LINE.match(last) or wraps else None
    if closing is not None:
        # `**Impact:** timing side channel. **Severity:** critical` after a suggestion block: a
        # line of labelled fields whose last is the level
        return closing.group("w"), (body[:cut] + last[: closing.start()]).rstrip()
    stressed = stressed_closing(last)
    if stressed is None:
        return None
    return stressed[0], body[: cut + stressed[1]].rstrip()


def closing_sentence(paragraph: str) -> tuple[str, str] | None:
    """(the level word, the paragraph without it) of a plain paragraph (no list) whose last
    line closes with its level (`… retries forever. **Severity: High**`), else None: in a
    list the closing level is the last item's (`- **Title** … **Severity: high.**`)."""
    lines = paragraph.strip("\n").split("\n")
    if any(MARGIN_ITEM.match(line.strip()) for line in lines):
        return None
    m = _CLOSING.search(lines[-1])
    if m is None:
        return None
    return m.group("w"), "\n".join([*lines[:-1], lines[-1][: m.start()].rstrip()])


def level_closes_paragraph(lines: list[str], fenced: list[bool], start: int) -> bool:
    """The first paragraph from line `start` (after blank lines) closes with its level
    (`closing_sentence`): a heading finding's level written at the end of its text, as a
    `**Severity:** High` label line below the heading gives it."""
    paragraph: list[str] = []
    for line, fence in zip(lines[start:], fenced[start:], strict=True):
        if fence or (not line.strip() and paragraph) or line.lstrip().startswith("#"):
            break
        if line.strip():
            paragraph.append(line.strip())
    return bool(paragraph) and closing_sentence("\n".join(paragraph)) is not None
