"""Which of an agent's messages are its review.

An agent may write its review in more than one message: the review, then a closing "Done — the
review is above." (Codex), or the review's first sections, a tool call, then its last sections
(Claude). Its last message alone would then lose the review, or its first half.

The review is the text from the last message that *begins* a review's structure — a line that
is a level-1 or level-2 Markdown heading (`# Review`, `## Executive Summary`, `## Findings`) —
to the end, the messages joined in order. When the last message begins one itself (the usual
single-message review) it is the review alone, as before; when no message does, the last
message is the review (plain prose, a JSON review), as before. Messages written before that
point (a plan, "Let me look at calc.py") are not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

# A line that is an ATX heading of level 1 or 2 (up to 3 spaces of indentation, as CommonMark).
_TOP_HEADING: Final = re.compile(r"^ {0,3}#{1,2}(?:[ \t]|$)", re.MULTILINE)
_FENCE: Final = re.compile(r"^ {0,3}(?:```|~~~)")


def begins_review(text: str) -> bool:
    """Whether `text` holds a level-1/2 heading outside a fenced code block."""
    if not _TOP_HEADING.search(text):
        return False  # the common case: no such heading at all
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _TOP_HEADING.match(line):
            return True
    return False


def review_of(messages: Sequence[str]) -> str:
    """The review among an agent's messages, in the order written (see the module doc)."""
    texts = [m for m in messages if m.strip()]
    if not texts:
        return ""
    if begins_review(texts[-1]):
        return texts[-1]
    for start in range(len(texts) - 2, -1, -1):
        if begins_review(texts[start]):
            return "\n\n".join(t.strip("\n") for t in texts[start:]) + "\n"
    return texts[-1]
