"""Which of an agent's messages are its review.

An agent may write its review in more than one message: the review, then a closing "Done — the
review is above." (Codex), or the review's first sections, a tool call, then its last sections
(Claude). Its last message alone would then lose the review, or its first half.

The review is the text from the last message that *begins* a review's structure — its first
heading is a level-1 or level-2 Markdown heading (`# Review`, `## Executive Summary`,
`## Findings`) — to the end, the messages joined in order. A message whose first heading is of
level 3 or deeper (`### Important Issues`) continues the review an earlier message began, even
when it holds a level-2 heading further down (`## Coverage Summary`): alone it is half a review.
When the last message begins one itself (the usual single-message review) it is the review
alone, as before; when no message begins one, the last message holding a level-1/2 heading
begins it, and with none at all the last message is the review (plain prose, a JSON review), as
before. Messages written before that point (a plan, "Let me look at calc.py") are not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

# A line that is an ATX heading of level 1 or 2 (up to 3 spaces of indentation, as CommonMark).
_TOP_HEADING: Final = re.compile(r"^ {0,3}#{1,2}(?:[ \t]|$)", re.MULTILINE)
_HEADING: Final = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
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


def _first_heading_level(text: str) -> int | None:
    """The level of `text`'s first ATX heading outside a fenced code block (None: none)."""
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (heading := _HEADING.match(line)):
            return len(heading.group(1))
    return None


def _opens_review(text: str) -> bool:
    """Whether `text` begins a review of its own: it has a level-1/2 heading and no deeper
    heading before it (a message opening with `### Important Issues` continues one)."""
    level = _first_heading_level(text)
    return level is not None and level <= 2


def review_of(messages: Sequence[str]) -> str:
    """The review among an agent's messages, in the order written (see the module doc)."""
    texts = [m for m in messages if m.strip()]
    if not texts:
        return ""
    start = _last(texts, _opens_review)
    if start is None:  # no message opens with a top heading: the last that holds one
        start = _last(texts, begins_review)
    if start is None or start == len(texts) - 1:
        return texts[-1]
    return "\n\n".join(t.strip("\n") for t in texts[start:]) + "\n"


def _last(texts: Sequence[str], test: Callable[[str], bool]) -> int | None:
    return next((i for i in range(len(texts) - 1, -1, -1) if test(texts[i])), None)
