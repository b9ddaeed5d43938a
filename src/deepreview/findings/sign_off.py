"""A seat's closing pleasantry: `Hope this helps!`, `Let me know if you want me to dig deeper.`

Written after the last findings section (often after a `---`), it lands in that section's
text. Text in a findings section that is not a finding normally means findings we could not
read (the verdict then cannot say "no issues found"), so a sign-off is told apart narrowly:
every sentence of the paragraph is one of the stock phrases below, and none names a place or a
problem. `Hope this helps! The cache in `c.py:9` is never invalidated, though.` is still text
that may be a finding.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.problem_words import PROBLEM, names_a_problem

_MAX: Final = 400  # a sign-off is a line or two; a longer paragraph is the seat's content
_MARKUP: Final = re.compile(r"[*_`>#~]|^\s*(?:[-+]\s+)|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_SENTENCE: Final = re.compile(r"(?<=[.!?…])\s+|\n+")
_PHRASE: Final = re.compile(
    r"^(?:(?:i\s+)?hope\s+(?:this|that|it|the\s+review)\s+(?:helps|is\s+(?:helpful|useful))"
    r"|let\s+me\s+know\b"
    r"|(?:i[' ]?a?m\s+|i\s+am\s+)?(?:happy|glad)\s+to\b"
    r"|feel\s+free\s+to\b"
    r"|(?:many\s+)?thanks?\b|thank\s+you\b"
    r"|(?:would|do)\s+you\s+(?:like|want)\s+me\s+to\b"
    r"|(?:if\s+you\s+(?:have|want|need|would\s+like)|should\s+you\s+have)\b"
    r"|(?:i\s+can|i'd\s+be\s+happy\s+to|i\s+would\s+be\s+happy\s+to)\s+(?:also\s+)?"
    r"(?:dig|look|help|review|take|go|expand|elaborate|check)\b"
    r"|(?:nice|great|good|solid|excellent|clean)\s+(?:work|job|change|pr|patch)\b"
    r"|that(?:['’]s|\s+is|\s+was)\s+(?:all|it|everything)\b"
    r"|lgtm\b|looks\s+good(?:\s+to\s+me)?\b|ship\s+it\b"
    # a closing verdict in words: `Overall a solid change`, `I'd approve once I1 is addressed`
    r"|overall,?\s+(?:(?:this\s+is|it['’]s|a|an|a\s+very)\s+)?"
    r"(?:nice|great|good|solid|excellent|clean|sound|well[- ]\w+)\b"
    r"|(?:i['’]d|i\s+would|i['’]m\s+happy\s+to|i\s+am\s+happy\s+to|happy\s+to)\s+"
    r"(?:approve|merge|sign\s+off)\b"
    r"|well\s+done\b|happy\s+(?:coding|hacking|reviewing|merging)\b|good\s+luck\b"
    r"|(?:best(?:\s+regards)?|kind\s+regards|regards|cheers)\b)",
    re.IGNORECASE,
)
# `Cheers,` / `Best,` + the seat's name on the next line: a signature.
_VALEDICTION: Final = re.compile(
    r"^(?:cheers|best|best\s+regards|kind\s+regards|regards|thanks|thank\s+you|sincerely)"
    r"[,!.]?$",
    re.IGNORECASE,
)
_NAME: Final = re.compile(r"^[\w .@()-]{1,40}$")
# an offer to track the nits elsewhere: `open a follow-up issue` names no problem
_TRACKING: Final = re.compile(
    r"\b(?:open|file|create|raise|log)\s+(?:an?\s+)?(?:(?:follow[- ]up|separate|new|github)\s+)*"
    r"(?:(?:ticket|issue)s?(?:\s+or\s+|/))?(?:issues?|tickets?)\b",
    re.IGNORECASE,
)
# `That is all, but the cache never expires.`: the stock phrase takes itself back
_BUT: Final = re.compile(r"\b(?:but|however|though|although|except|apart\s+from)\b", re.I)
# `I1 is the only thing blocking`: about the review's own finding; a sign-off only when the
# review has that finding (`ids`), else it names a problem we cannot read
_ID: Final = re.compile(r"\b[CIS]\d{1,3}\b")
_ABOUT_ID: Final = re.compile(r"[^;,.!?\n]*\b[CIS]\d{1,3}\b[^;,.!?\n]*")
_CLAUSE: Final = re.compile(r";|\s[—–]\s")
_PLACE: Final = re.compile(r"[\w/.-]\.\w{1,8}\b|:\d|\bline\s+\d|https?://", re.IGNORECASE)


def is_sign_off(paragraph: str, ids: frozenset[str] = frozenset()) -> bool:
    """`paragraph` is only a closing pleasantry, a closing word on the review, or a signature:
    no place, and no problem but one about a finding of the review's own `ids`."""
    text = _MARKUP.sub("", paragraph).strip()
    if not text or len(text) > _MAX or _PLACE.search(text):
        return False
    if not set(_ID.findall(text)) <= ids:
        return False
    if PROBLEM.search(_ABOUT_ID.sub(" ", _TRACKING.sub(" ", text))):
        return False
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if _VALEDICTION.match(lines[0]) and len(lines) <= 3 and all(map(_NAME.match, lines[1:])):
        return True
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
    return all(_closing(s) for s in sentences)


def _closing(sentence: str) -> bool:
    """A stock phrase, and after a `;` or dash only more of them or words about a finding
    (`Overall a solid change; I1 is the only blocker`), never new text (`Looks good; the test
    for the parser is missing`)."""
    first, *more = _CLAUSE.split(sentence)
    return (
        _PHRASE.match(first) is not None
        and not _BUT.search(sentence)
        and all(_PHRASE.match(c.strip()) or _ID.search(c) for c in more if c.strip())
    )


# A closing `**Verdict:** …` line that goes on to tell a problem (`Merge as-is. The export drops
# its last row …`, `Merge as-is; `a.py:3` still …`, `Ship it, though …`, `Approve — after
# guarding X, which crashes …`) is findings text we cannot read, not the verdict alone. A verdict
# asking for changes may name its problem words (`Request changes`, `critical`) and a later
# sentence may speak of the review's own findings (`I1 must be fixed first.`).
_CODE_PLACE: Final = re.compile(
    r"`[^`\n]*(?:\.[A-Za-z]\w{0,7}|:\d+)[^`\n]*`|\b[\w/-]+\.[A-Za-z]\w{0,7}:\d+|\bline\s+\d",
    re.IGNORECASE,
)


def verdict_alone(verdict: str, asks_for_changes: bool) -> bool:
    """The words after `Verdict:` are a verdict (and sign-offs or words about the review's own
    findings), telling no problem of their own."""
    text = _MARKUP.sub("", verdict).strip()
    first, *more = [s.strip() for s in _SENTENCE.split(text) if s.strip()] or [""]
    if not all(_ID.search(s) or is_sign_off(s) for s in more):
        return False
    return not approval_tells_a_problem(verdict, asks_for_changes, first)


def approval_tells_a_problem(verdict: str, asks_for_changes: bool, first: str = "") -> bool:
    """The verdict names a place (`LGTM once `a.py:3` stops swallowing errors`), takes itself
    back (`Ship it, though …`), or approves and names a problem (in `first`, its first
    sentence, when given)."""
    if _CODE_PLACE.search(verdict):
        return True
    text = first or _MARKUP.sub("", verdict).strip()
    if _BUT.search(text):
        return True
    return not asks_for_changes and names_a_problem(_ABOUT_ID.sub(" ", text))
