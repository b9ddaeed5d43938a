"""A finding's fix written inside its explanation, after a full stop:

    A hung API blocks the caller forever. Fix: `timeout=10`.

Models often give the fix as the last sentence of the finding's paragraph rather than as a
`Fix:` paragraph of its own; it is the finding's fix all the same (the report, JSON, SARIF and
the PR comment show it as the fix, and a merged static finding's generic advice does not
replace it). Only a `Fix:` label that opens a sentence counts: `the commit says "Fix: typo"`
or a backticked `Fix:` is text.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.fix_words import FIX_WORDS

_INLINE: Final = re.compile(
    r"(?<=[.!?])[ \t]+(?P<label>(?:\*\*|__)?(?:Suggested |Recommended |Proposed )?"
    rf"(?:Fix(?:es)?|{FIX_WORDS})"
    r"[ \t]*(?::[ \t]*(?:\*\*|__)?|(?:\*\*|__)[ \t]*:))[ \t]*(?=\S)",
    re.IGNORECASE,
)


def split_inline_fix(
    lines: list[str], fenced: list[bool]
) -> tuple[list[str], list[bool], int] | None:
    """The finding's text with its first in-sentence `Fix:` moved to a line of its own, and
    that line's index (where the fix is read from); None when no line has one."""
    for j, (line, fence) in enumerate(zip(lines, fenced, strict=True)):
        m = None if fence else _INLINE.search(line)
        if m is None:
            continue
        opened = [*lines[:j], line[: m.start()].rstrip(), line[m.start("label") :], *lines[j + 1 :]]
        return opened, [*fenced[:j], False, False, *fenced[j + 1 :]], j + 1
    return None


def inline_fix_of(text: str) -> tuple[str, str] | None:
    """(the text before it, the fix) of a `Fix:` sentence in one line of text (a finding's
    title, the rest of its first line), or None. The fix runs to the line's end."""
    m = _INLINE.search(text)
    if m is None or not text[m.end() :].strip():
        return None
    return text[: m.start()].rstrip(), text[m.end() :].strip()
