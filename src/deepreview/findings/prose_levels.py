"""A finding's level said in its own sentences, with no tag, label or section to give it one.

    2. **Token written to the log** (`auth.py:30`) — printed at INFO. This is critical.
    3. **Vague name** (`util.py:4`) — `tmp2` says nothing. Minor nit.

"This is critical", "a blocker for the release", "must (has to) be fixed before merging",
"This needs fixing." (the whole sentence),
"high severity", "a major issue", "minor nit", "purely cosmetic", "purely for readability":
the seat rates the finding in words, and that is its level, not the default (important,
unrated). Only a statement about the finding counts, never a level word used for something else
(`the critical section`, `a high load`), and never a denied one ("not critical", "nothing
critical here", "non-blocking", "not a blocker"). Two different levels said: none.
"""

from __future__ import annotations

import re
from typing import Final

# Each alternative's group is the level word it gives (a word `levels.tag_level` reads).
_SAID: Final = re.compile(
    r"\b(?:"
    # `This is critical.`, `it's definitely blocking`, `That is severe`
    r"(?:this|it|that|which)(?:\s+is|['’]s)\s+(?:(?P<adv>\w+ly|very|really|quite)\s+)?"
    r"(?:a\s+)?(?P<critical>critical|blocking|blocker|severe|show-?stopper)\b(?!\s+(?:section|path)\b)"
    # `a critical bug`, `critical severity`, `a merge blocker`, `blocks the release`
    r"|(?P<critical2>critical)\s+(?:severity|priority|bug|issue|problem|flaw|defect|"
    r"vulnerability|regression)"
    r"|(?:merge|release)[\s-](?P<critical3>blocker)|(?P<critical4>blocking)\s+(?:issue|bug|"
    r"problem|for\s+(?:the\s+)?(?:merge|release))|(?P<critical5>block)(?:s|ing)?\s+(?:the\s+)?"
    r"(?:merge|release)|(?P<critical6>must|has\s+to|have\s+to|needs?\s+to)\s+(?:be\s+)?"
    r"fix(?:ed)?\s+before\s+(?:the\s+)?(?:merg(?:e|ing)|release)"
    # `This needs one transaction before it ships.`, `must be solved before this lands`
    r"|(?P<critical7>must|has\s+to|needs?)\s+(?:[\w-]+\s+){0,4}?before\s+(?:it|this|we)\s+"
    r"(?:ships?|lands?|merges?|goes\s+out|(?:is|gets)\s+(?:merged|released|shipped))"
    # `… set earlier is lost. This needs fixing.`: the demand as a whole sentence of its own
    r"|(?:(?<=^)|(?<=[.!?;]\s))(?:(?:this|it|that)\s+)?(?P<critical8>needs\s+fixing|"
    r"(?:must|needs\s+to|has\s+to)\s+be\s+fixed)(?=[ \t]*(?:[.!\n]|$))"
    # `… is reported as a success. Should be fixed.`: the ask as a sentence of its own, not
    # for later (`should be fixed in a follow-up` is no more than a suggestion)
    r"|(?:(?<=^)|(?<=[.!?;]\s))(?:(?:this|it|that)\s+)?(?P<major2>should)\s+be\s+"
    r"(?:fixed|addressed)(?![^.!?\n]{0,30}\b(?:later|follow-?up|eventually|separately)\b)"
    # `high severity`, `medium priority`, `low-severity`
    r"|(?P<high>high)[\s-](?:severity|priority|impact)"
    r"|(?P<medium>medium)[\s-](?:severity|priority|impact)"
    r"|(?P<major>major)\s+(?:severity|priority|issue|problem|bug|concern|flaw)"
    r"|(?P<low>low)[\s-](?:severity|priority|impact)"
    # `Minor nit.`, `just a nit`, `a minor issue`, `purely cosmetic`
    r"|(?P<minor>minor)\s+(?:nit(?:pick)?|issue|point|thing|concern|problem|suggestion)s?"
    r"|(?:just|only|a)\s+(?P<nit>nit(?:pick)?)|(?P<cosmetic>cosmetic)"
    # `… purely for readability`, `only for readability`: a change for the reader, no fault
    r"|(?:purely|just|only|mostly)\s+(?:for\s+)?(?P<readability>readability)"
    # a priority on the P-scale as a noun (`This is a P1:`, `I'd call it a P2 —`, `a P3 nit:`);
    # a bare `P0` is no rating (`Nothing here reaches P0.`)
    r"|(?:\ba|\bas)\s+(?P<p>[Pp][0-3])(?=[\s:,.;!—–-]|$)"
    # `… take 30 s. Nit, not blocking.`: the word opening a sentence of its own
    r"|(?:(?<=^)|(?<=[.!?;]\s))(?P<nit2>nit(?:pick)?)(?=[,.:;!]|\s*$)"
    r")\b",
    re.IGNORECASE,
)
_WORDS: Final = {
    "critical": "critical",
    "critical2": "critical",
    "critical3": "blocker",
    "critical4": "blocking",
    "critical5": "blocking",
    "critical6": "blocker",
    "critical7": "blocker",
    "critical8": "blocker",
    "high": "high",
    "medium": "medium",
    "major": "major",
    "major2": "major",
    "low": "low",
    "minor": "minor",
    "nit": "nit",
    "nit2": "nit",
    "cosmetic": "minor",
    "readability": "minor",
    "p": "p",
}
# A denial right before the phrase, at most two words between (`not critical`, `nothing here
# blocks the merge`, `non-blocking`, `not a merge blocker`), or inside it (`this is not critical`)
_DENIED: Final = re.compile(
    r"(?:\b(?:not|no|nothing|never|hardly|without|nor|neither)|n['’]t|\bnon)[\s-]+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NEGATION: Final = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)


def said_level(text: str) -> str | None:
    """The level word a finding's text rates it with (see the module doc), if it says exactly
    one level and does not deny it; None otherwise."""
    words: set[str] = set()
    for m in _SAID.finditer(text):
        if _DENIED.search(text, max(0, m.start() - 40), m.start()) or _NEGATION.search(m[0]):
            continue
        if m.group("adv") and _NEGATION.search(m.group("adv")):
            continue
        name = next(k for k, v in m.groupdict().items() if v and k != "adv")
        words.add(m[name].lower() if name == "p" else _WORDS[name])
    levels = {_LEVELS[w] for w in words}
    return min(words) if len(levels) == 1 else None


# The ratings a seat gives only to its own finding (`This is a P1:`, `a P3 nit:`, `Just a
# nit:`): a paragraph rated so is a finding whatever its words (`placed_items`), where `a
# critical bug` may be someone else's claim it retells
_OWN_RATINGS: Final = frozenset({"p0", "p1", "p2", "p3", "nit"})


def rates_itself(text: str) -> bool:
    """`text` rates itself on the P-scale or as a nit (`said_level`)."""
    return said_level(text) in _OWN_RATINGS


# The level each word stands for, to tell two words of one level (`critical`, `blocking`) from
# two levels said (`not critical` aside, `critical … minor nit`: none).
_LEVELS: Final = {
    "critical": 0,
    "blocker": 0,
    "blocking": 0,
    "high": 0,
    "medium": 1,
    "major": 1,
    "low": 2,
    "minor": 2,
    "nit": 2,
    # Codex's scale (`levels.LEVEL_WORDS`): P0 critical, P1 and P2 important, P3 a suggestion
    "p0": 0,
    "p1": 1,
    "p2": 1,
    "p3": 2,
}
