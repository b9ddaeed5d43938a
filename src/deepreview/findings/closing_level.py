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
