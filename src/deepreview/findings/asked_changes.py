"""Findings told as paragraphs under a lead-in asking for a change, in a conversational review:

    **One thing I'd want changed before merging**

    In `api/cache.py` around line 40, the key ignores the size, so … Add the size to the key.

    And a very small thing: the `print` left in `api/views.py:15` will be noisy.

    Otherwise LGTM.

A review with no findings section, whose bold lead-in asks for a change before the merge
(`prose_problems.asks_for_a_change`), tells what it wants changed in the paragraphs after it.
Each such paragraph names one place with a line and is one finding: its first sentence the
title, the rest its text. Wanted before the merge, it is important; a paragraph that calls
itself small (`a very small thing:`, `a nit:`, `minor:`) is a suggestion. The paragraphs end at
the review's closing words (`Otherwise LGTM`, `Happy to approve once …`) or at another lead-in.
All or nothing: when a paragraph under the lead-in names no place, or more than one, which text
is which finding is the reader's call, and the passages stay findings text we could not read.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from deepreview.findings.blocks import BOLD_LINE, Block
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.prose_problems import asks_for_a_change, prose_passages
from deepreview.findings.sentences import SENTENCE_END
from deepreview.model import Severity

# a paragraph that calls its point small: `And a very small thing:`, `One nit:`, `Minor:`
_SMALL: Final = re.compile(
    r"^(?:(?:and|also|plus|oh),?\s+)?(?:(?:a|one|another)\s+(?:more\s+)?(?:very\s+)?"
    r"(?:small|minor|tiny|little)\s+(?:thing|point|nit|one)|(?:a|one)?\s*nit(?:pick)?|minor)\b",
    re.IGNORECASE,
)
# the review's closing words after what it asked for
_CLOSING: Final = re.compile(
    r"^(?:otherwise|overall|all\s+in\s+all|that['’]s\s+(?:all|it|everything)|happy\s+to|lgtm)\b",
    re.IGNORECASE,
)


def asked_changes(
    blocks: list[Block], prefixes: tuple[str, ...] = (), quoted: Collection[str] = ()
) -> list[Draft]:
    """The findings the paragraphs under a lead-in asking for a change tell; [] when there is
    no such lead-in or any of its paragraphs is not one placed finding."""
    drafts: list[Draft] = []
    asked = False
    for p in prose_passages(blocks, quoted):
        if BOLD_LINE.match(p):
            asked = asks_for_a_change(p)
            continue
        if not asked:
            continue
        if _CLOSING.match(p):
            asked = False
            continue
        draft = _finding(p, prefixes)
        if draft is None:
            return []
        drafts.append(draft)
    return drafts


def _finding(passage: str, prefixes: tuple[str, ...]) -> Draft | None:
    text = " ".join(passage.split())
    placed = list(dict.fromkeys(loc for loc in locations_in(text, prefixes) if loc.start))
    if len(placed) != 1:
        return None
    small = _SMALL.match(text)
    if small is not None:
        text = text[small.end() :].lstrip(" :—–-")
        text = text[:1].upper() + text[1:]
    title, *rest = SENTENCE_END.split(text, maxsplit=1)
    body = rest[0] if rest else ""
    head = FindingHead(id=None, title=title, style="plain", locations=placed)
    head.severity = Severity.SUGGESTION if small is not None else Severity.IMPORTANT
    return make_draft(head, None, body=body, prefixes=prefixes)
