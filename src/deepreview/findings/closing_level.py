"""A finding's level written as a sentence of its own at the end of its line.

    1. `a.py:17` — unknown codes are untaxed. This should be an error. Severity: important.
    3. Minor: `discount_pct` is an `int`. Severity: suggestion.

Free-form reviews close an item with its level as a label (`Severity: important.`,
`**Priority:** P1`) after the item's last full stop. Only a label standing as the line's last
sentence counts: a sentence that merely mentions a severity ("the severity: high risk of …")
keeps its words.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import TAG_PATTERN

_CLOSING: Final = re.compile(
    r"(?<=[.!?)`])[ \t]+(?:\*\*|__)?(?:severity|priority)(?:\*\*|__)?[ \t]*:[ \t]*"
    rf"(?:\*\*|__)?(?P<w>{TAG_PATTERN})\.?(?:\*\*|__)?[ \t.]*$",
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
    rf"(?:\*\*|__)?(?P<w>{TAG_PATTERN})\.?(?:\*\*|__)?[ \t.]*$",
    re.IGNORECASE,
)


def stressed_closing(line: str) -> tuple[str, int] | None:
    """(the level word, where it starts) of a bold or italic level closing `line` as a
    sentence of its own (`… applied. **High.**`, `**Low priority.**`), or None."""
    m = _STRESSED.search(line)
    return (m.group("w"), m.start()) if m else None


def text_closing_level(text: str) -> tuple[str, str] | None:
    """(the level word, the text without it) when a finding's text ends with its level: a
    `*Severity: high*` / `Severity: low` line, or a closing `**High.**` sentence; else None."""
    body = text.rstrip()
    cut = body.rfind("\n") + 1
    last = body[cut:]
    m = _LABEL_LINE.match(last)
    if m is not None:
        return m.group("w"), body[:cut].rstrip()
    stressed = stressed_closing(last)
    if stressed is None:
        return None
    return stressed[0], body[: cut + stressed[1]].rstrip()
