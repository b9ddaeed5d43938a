"""`No blocking issues. A couple of nits:` and then the nits at their places.

A findings section that opens by saying there is nothing of *some level* ("No blocking
issues", "no major problems") and then lists items at places has said nothing about those
items: they are the lesser findings. Read as "nothing found", they were dropped without a
trace. When the text calls them minor ("A couple of nits:", "Minor suggestions:", "Two notes:",
or every item says `nit:`), they are Suggestions (`minor_items`: the lines to read as a Suggestions
section); else the parser keeps them as findings text it could not read (as it would without
the opening sentence). An item whose own words are serious keeps its own level (`serious_level`:
a `[Critical]`/`[Important]`/`P1` tag; `data loss`, `security`, `crash`, an attack such as
`timing attack` or `SSRF`: important): the list
called its items minor, not that one. "No further issues" is no such level: a later round
writes it before the earlier findings it lists as fixed.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.item_lists import ITEM
from deepreview.findings.levels import tag_level
from deepreview.findings.locations import parse_location
from deepreview.findings.problem_words import names_a_problem, names_an_attack
from deepreview.findings.sentences import lead_sentence
from deepreview.markdown_fence import code_span_texts
from deepreview.model import Severity

_LEVEL_QUALIFIED: Final = re.compile(
    r"\b(?:blocking|major|critical|serious|significant|severe|high[\s-]severity)\b", re.IGNORECASE
)

# What calls the items lesser: nits, minor points, optional suggestions.
_MINOR: Final = re.compile(
    r"\b(?:nits?|nitpicks?|nit-?picky|minor|optional|suggestions?|cosmetic|non-blocking|"
    r"nice[\s-]to[\s-]haves?|polish)\b",
    re.IGNORECASE,
)

# An intro line that calls what follows notes, not issues (`No blocking issues. Two notes:`):
# after a "none" of some level, its items are the lesser ones (only in the intro: an item's
# own `comment` is what it is about)
_NOTES_INTRO: Final = re.compile(r"\b(?:notes?|remarks?|comments?|observations?)[ \t]*:", re.I)


def lesser_items_after(paras: list[str]) -> list[str]:
    """The paragraphs after `paras[0]` (a "none" statement) that list items at places with a
    line, when `paras[0]` says none only of some level; else []."""
    first = lead_sentence(paras[0]) if paras else ""
    if not _LEVEL_QUALIFIED.search(first):
        return []
    return [p for p in paras[1:] if _placed_items(p)]


# An intro that only counts lesser items (`Two suggestions:`, `A few nits:`, `Some minor
# points:`): one short line ending in a colon
_COUNTED: Final = re.compile(r"^[A-Za-z][\w' -]{0,60}:$")


def counted_lesser_items(paras: list[str]) -> list[str]:
    """The paragraphs after `paras[0]` that list items at places with a line, when `paras[0]` is
    only an intro that calls them lesser (`Two suggestions:`); else []."""
    intro = paras[0].strip() if paras else ""
    if not _COUNTED.match(intro) or not _MINOR.search(intro) or _LEVEL_QUALIFIED.search(intro):
        return []
    if len(intro.split()) > 6 or names_a_problem(intro):
        return []
    listed = [p for p in paras[1:] if _placed_items(p)]
    return listed if len(listed) == len(paras) - 1 else []


def minor_items(paras: list[str], listed: list[str]) -> list[str]:
    """The lines of the `listed` paragraphs, from each one's first item on (an intro line above
    a list is no item), when the text calls the items minor: in a line of its own that is no
    item (`A couple of nits:`), or in every item (`- `a.py:2` — nit: …`). Else []."""
    items, intro = [], []
    for p in paras:
        lines = p.splitlines()
        first = next((k for k, ln in enumerate(lines) if ITEM.match(ln)), len(lines))
        intro += lines[:first]
        if p in listed:
            items += lines[first:]
        else:
            intro += lines[first:]
    heads = [ln for ln in items if ITEM.match(ln)]
    said = any(_MINOR.search(ln) or _NOTES_INTRO.search(ln) for ln in intro) or all(
        _MINOR.search(ln) for ln in heads
    )
    return items if heads and said else []


def _placed_items(paragraph: str) -> bool:
    return any(
        ITEM.match(line)
        and any((loc := parse_location(s)) is not None and loc.start for s in code_span_texts(line))
        for line in paragraph.splitlines()
    )


_TAG: Final = re.compile(r"[\[(]\s*(?:\*\*)?(\w+)(?:\*\*)?\s*[\])]|\b(P[0-3])\b")
_SERIOUS: Final = re.compile(
    r"\b(?:data[\s-]loss|los(?:e|es|ing|t)\s+(?:\w+\s+)?data|security|vulnerab\w*|"
    r"crash(?:es|ed|ing)?|corrupt(?:s|ed|ing|ion)?|remote\s+code\s+execution|injection|"
    r"deadlock(?:s|ed|ing)?|race\s+condition|data\s+race|bypass(?:es|ed|ing)?|"
    r"privilege\s+escalation|leaks?\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:secrets?|credentials?|"
    r"tokens?|passwords?|keys?))\b",
    re.IGNORECASE,
)
_DENIED: Final = re.compile(r"\b(?:no|not|never|without|nothing)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def serious_level(text: str) -> Severity | None:
    """The level an item listed as minor gives itself: its `[Critical]`, `[Important]`,
    `(high)`, `P1` tag, or important when it tells data loss, a security hole or a crash (not
    denied: `no security impact`); None when its words are no more than minor."""
    for m in _TAG.finditer(text):
        level = tag_level(m.group(1) or m.group(2))
        if level is not None and level is not Severity.SUGGESTION:
            return level
    for m in _SERIOUS.finditer(text):
        if not _DENIED.search(text, max(0, m.start() - 40), m.start()):
            return Severity.IMPORTANT
    # `open to a timing attack`, `allows path traversal`: a security hole by its attack's name
    return Severity.IMPORTANT if names_an_attack(text) else None


def serious_item(title: str, body: str) -> tuple[Severity, str] | None:
    """An item listed as minor that gives itself a higher level (`serious_level`): that level,
    and its title without a leading level tag (`[Important] the writer drops …`)."""
    level = serious_level(f"{title}\n{body}")
    if level is None:
        return None
    tag = re.match(r"^[\[(]\s*(?:\*\*)?(\w+)(?:\*\*)?\s*[\])]\s*", title)
    if tag and tag_level(tag.group(1)) and tag.end() < len(title):
        title = title[tag.end() :]
    return level, title
