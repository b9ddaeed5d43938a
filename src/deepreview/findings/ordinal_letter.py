"""Findings told in a letter, as paragraphs the reviewer counts:

    Hi Sam,

    Nice work; there are a few things I want to raise.

    First, the handler in `media/upload.py` (around line 31) keeps every chunk in one dict
    keyed by file name. That has to be fixed before this ships.

    Second, `media/thumbs.py` line 58 resizes with the original's mode. Worth fixing in this PR.

    Third — this is a small one — the comment in `media/limits.py` (line 9) gives the old limit.

    Thanks again, Ana

A review with no sections, no list and no fault word still tells its findings: each counted
paragraph (`First,` … `Third —`) that names one place in the code with a line and asks for a
change there is one. Its level is what the words ask: to fix it before the merge or release
(`prose_levels.said_level`: critical), in this PR (important), or when convenient, as a small
thing (`this is minor`, `when you next touch it`: a suggestion); asked with no level, it is
important and listed as unrated. A counted paragraph that asks nothing (`is exactly the shape
I hoped for`) is praise or narration, not a finding: a letter of thanks stays clean. Only a
letter that counts at least two paragraphs, and only when nothing else was read from it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from deepreview.findings.blocks import Block
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.locations import lines_named
from deepreview.findings.prose_levels import said_level
from deepreview.findings.prose_problems import prose_passages
from deepreview.findings.sentences import SENTENCE_END
from deepreview.model import Location, Severity

# `First, …`, `Secondly, …`, `Third — …`, `Finally, …`
_COUNTED: Final = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|finally|lastly)(?:ly)?"
    r"(?:,|[ \t]+[—–-]|[ \t]*:)[ \t]*(?=\S)",
    re.IGNORECASE,
)
# an aside right after the count: `and most importantly,`, `— this is a small one —`
_ASIDE: Final = re.compile(r"^(?:and\s+)?[^,—–:.]{1,40}?[,—–:][ \t]*(?=\S)")
_ASIDE_WORDS: Final = re.compile(
    r"^(?:and\s+)?(?:most|more|above|least|this|it['’]?s?|a|one|the|probably|perhaps|maybe)\b",
    re.IGNORECASE,
)
# asked for in this change, no sooner and no later: important
_THIS_CHANGE: Final = re.compile(
    r"\b(?:worth\s+|should\s+(?:be\s+)?|needs?\s+(?:to\s+be\s+)?|I['’]d\s+)"
    r"(?:fix(?:ing|ed)?|address(?:ing|ed)?|chang(?:ing|ed?)|do(?:ing)?)\s+"
    r"(?:\w+\s+){0,2}?(?:in|with)\s+this\s+(?:PR|change|patch|pull\s+request|branch)\b",
    re.IGNORECASE,
)
# a small thing, or for later: a suggestion
_SMALL: Final = re.compile(
    r"\b(?:this|it|that)(?:\s+is|['’]s)\s+(?:\w+\s+)?(?:minor|trivial|cosmetic|a\s+nit|"
    r"(?:a|one)\s+(?:small|minor|tiny)\s+(?:one|thing|point))\b"
    r"|\bwhen\s+you\s+(?:next\s+)?(?:touch|revisit|are\s+in)\b|\bnext\s+time\s+you\s+touch\b"
    r"|\b(?:nice\s+to\s+have|in\s+a\s+follow-?up|no\s+rush)\b",
    re.IGNORECASE,
)
# what the reviewer asks for with no level: the paragraph is a finding, unrated
_ASKS: Final = re.compile(
    r"\b(?:could|can|would)\s+you\b|\bplease\b|\b(?:should|must|needs?\s+to|has\s+to|"
    r"ought\s+to)\s+(?:be\s+)?\w+|\bI['’]d\s+(?:suggest|prefer|change|use|move|rename|add|drop)\b"
    r"|\bwould\s+do\b|\bworth\s+\w+ing\b",
    re.IGNORECASE,
)
_DENIED: Final = re.compile(r"\b(?:nothing|no\s+need|not|never|n['’]t)\b[^.;]{0,30}$", re.I)


def letter_findings(
    blocks: list[Block], prefixes: tuple[str, ...] = (), quoted: Collection[str] = ()
) -> list[Draft]:
    """The findings of a letter's counted paragraphs (see the module doc); [] when it counts
    fewer than two."""
    counted = [p for p in prose_passages(blocks, quoted) if _COUNTED.match(p)]
    if len(counted) < 2:
        return []
    return [d for d in (_finding(p, prefixes) for p in counted) if d is not None]


def _finding(passage: str, prefixes: tuple[str, ...]) -> Draft | None:
    text = " ".join(passage.split())
    place = _one_place(text, prefixes)
    severity = _level(text)
    if place is None or (severity is None and not _asked(_ASKS, text)):
        return None
    count = _COUNTED.match(text)
    rest = text[count.end() :] if count is not None else text
    aside = _ASIDE.match(rest)
    if aside is not None and _ASIDE_WORDS.match(rest):
        rest = rest[aside.end() :]
    rest = rest[:1].upper() + rest[1:]
    title, *more = SENTENCE_END.split(rest, maxsplit=1)
    head = FindingHead(id=None, title=title, style="plain", locations=[place])
    head.severity = severity
    return make_draft(head, None, body=more[0] if more else "", prefixes=prefixes)


def _level(text: str) -> Severity | None:
    said = said_level(text)
    if said in ("critical", "blocker", "blocking", "high", "p0"):
        return Severity.CRITICAL
    if _asked(_THIS_CHANGE, text) or said in ("major", "medium", "p1", "p2"):
        return Severity.IMPORTANT
    if _asked(_SMALL, text) or said in ("minor", "low", "nit", "p3"):
        return Severity.SUGGESTION
    return None


def _asked(pattern: re.Pattern[str], text: str) -> bool:
    return any(
        not _DENIED.search(text, max(0, m.start() - 30), m.start()) for m in pattern.finditer(text)
    )


def _one_place(text: str, prefixes: tuple[str, ...]) -> Location | None:
    """The one place in the code with a line the paragraph names: a place (`a.py:31`, `a.py`
    line 31), else the one file named with a line right after it (`in `a.py` (around line
    31)`); a path outside the repository (`/tmp/export.csv`) or a file the code handles
    (`avatar.png`) with no line of its own is not where the fault is."""
    places = [loc for loc in locations_in(text, prefixes) if not loc.path.startswith(("/", "~"))]
    lined = {loc for loc in places if loc.start is not None}
    if lined:
        return lined.pop() if len(lined) == 1 else None
    found: set[Location] = set()
    for path in {loc.path for loc in places}:
        for m in re.finditer(re.escape(path), text):
            found.update(lines_named(Location(path), text[m.end() : m.end() + _NEAR]))
    return found.pop() if len(found) == 1 else None


# how far after a file's name its line is told (`` `a.py` (around line 31)``, `` `a.py`, line 9``)
_NEAR: Final = 24
