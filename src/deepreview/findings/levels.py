"""The words reviews use for a finding's severity, and which of our three levels each one is.

One vocabulary for every place a severity is written: section headings (`## High Severity`),
tags (`[Medium]`, `(minor, gap)`), `**Severity:** Low` lines and table cells.  Models that
ignore the prompt's Critical / Important / Suggestions use High / Medium / Low, Blocker / Major /
Minor, P0 / P1 / P2 / P3 (Codex: P2 is important, P3 a suggestion) or Nits.

`high` is ambiguous: it is the top of a three-level scale (High / Medium / Low), so it reads as
critical, but the level below Critical in a review that uses both words; `parse.py` ranks it
down then (see `is_high`).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.conventional import conventional_label
from deepreview.findings.lenticular_tags import lenticular_lead
from deepreview.findings.numeric_levels import numeric_lead
from deepreview.findings.word_leads import word_lead
from deepreview.model import Severity

HIGH: Final = "high"

LEVEL_WORDS: Final[dict[str, Severity]] = {
    **dict.fromkeys(
        ("critical", "blocker", "blockers", "blocking", "high", "severe", "showstopper", "p0"),
        Severity.CRITICAL,
    ),
    **dict.fromkeys(
        # Codex's own review prompt: `[P1]` urgent, `[P2]` normal, "to be fixed eventually" —
        # a real bug it asks to fix, so not a suggestion; `[P3]` "low, nice to have" is one.
        (
            "important",
            "major",
            "medium",
            "moderate",
            "significant",
            "serious",
            "warning",
            "warnings",
            "p1",
            "p2",
        ),
        Severity.IMPORTANT,
    ),
    **dict.fromkeys(
        (
            "suggestion",
            "suggestions",
            "minor",
            "low",
            "nit",
            "nits",
            "nitpick",
            "nitpicks",
            "optional",
            "polish",
            "cosmetic",
            "trivial",
            "info",
            "p3",
            "non-blocking",
            "improvements",  # `### 💡 Improvements` after `### 🐛 Bugs`
            "enhancements",
        ),
        Severity.SUGGESTION,
    ),
}
# Words that mean the top level without being `high`: a review using one of them and `high`
# has four levels, and its `high` is the second.
TOP_WORDS: Final = frozenset(w for w, s in LEVEL_WORDS.items() if s is Severity.CRITICAL) - {HIGH}
# A colored circle as the level (`🔴 `a.py:3` — …`, a table's Severity cell `🟠`). Yellow is the
# middle of a 🔴/🟡/🟢 traffic light, but the level below orange where a review uses 🟠 too
# (`findings.rank_circles`).
YELLOW: Final = "🟡"
ORANGE: Final = "🟠"
CIRCLES: Final[dict[str, Severity]] = {
    "🔴": Severity.CRITICAL,
    ORANGE: Severity.IMPORTANT,
    YELLOW: Severity.IMPORTANT,
    "🟢": Severity.SUGGESTION,
    "🔵": Severity.SUGGESTION,
}
LEVEL_WORDS.update(CIRCLES)  # (a circle is a level "word" wherever a level word is looked up)
# A tier told as what to do is a tag as a level word is (`- **L23** (must-fix): …`,
# `[nice to have]`, `— `a.py:3` (must fix).`): hyphenated or spaced, it says nothing else.
_TIER_TAGS: Final = {
    **dict.fromkeys(("must-fix", "must fix"), Severity.CRITICAL),
    **dict.fromkeys(("should-fix", "should fix"), Severity.IMPORTANT),
    **dict.fromkeys(
        ("could-fix", "could fix", "nice-to-have", "nice to have"), Severity.SUGGESTION
    ),
}
LEVEL_WORDS.update(_TIER_TAGS)

_PHRASES: Final = (
    ("non-blocking", "optional"),
    # `**Non-blockers**` beside `**Blockers**`: the noun, not more blockers
    ("non-blockers", "optional"),
    ("non-blocker", "optional"),
    ("nice to haves", "optional"),
    ("nice-to-haves", "optional"),
    ("nice to have", "optional"),
    ("nice-to-have", "optional"),
    ("must fix", "blocker"),
    ("must-fix", "blocker"),
    # the same tiers told as what to do about them (`## Must address`, `## Should change`)
    ("must address", "blocker"),
    ("must change", "blocker"),
    ("must-have", "blocker"),
    ("should fix", "important"),
    ("should-fix", "important"),
    ("should address", "important"),
    ("should change", "important"),
    # `## Worth a look` / `## Follow-ups` beside `## Must address`: the optional tier
    ("worth a look", "optional"),
    ("worth looking at", "optional"),
    ("worth fixing later", "optional"),
    ("follow-ups", "optional"),
    ("follow-up", "optional"),
    ("follow ups", "optional"),
    ("follow up", "optional"),
    # MoSCoW's third tier (`## Could fix`, after `## Must fix` / `## Should fix`)
    ("could fix", "optional"),
    ("could-fix", "optional"),
    # `## Consider` beside `## Must fix` (also `Things to consider`, `For consideration`): the
    # reviewer's optional tier (a title with any other word, `Design considerations`, is not)
    ("worth considering", "optional"),
    ("things to consider", "optional"),
    ("for consideration", "optional"),
    ("consider", "optional"),
)
_FILLER: Final = frozenset(
    [
        "issues",
        "issue",
        "findings",
        "finding",
        "severity",
        "priority",
        "problems",
        "problem",
        "items",
        "item",
        "and",
        "or",
        "fixes",
        "fix",
        "concerns",
        "before",
        "merge",
        "level",
    ]
)
# Words that are a severity as a tag (`[High]`, `(medium, gap)`, `**Severity:** Low`): not
# `optional` or `trivial`, which in `Retry (optional) is ignored` are just words.
TAG_WORDS: Final = frozenset(
    [
        "critical",
        "blocker",
        "blocking",  # `**Blocking:** …` / `**Non-blocking:** …` / `**Nit:** …` review comments
        "non-blocking",
        "high",
        "important",
        "major",
        "medium",
        "warning",
        "suggestion",
        "minor",
        "low",
        "nit",
        "info",
        "p0",
        "p1",
        "p2",
        "p3",
        *_TIER_TAGS,
    ]
)
TAG_PATTERN: Final = "|".join(sorted(TAG_WORDS, key=len, reverse=True))
# After a `severity:` / `priority:` label the word can only be a level: the whole scale counts
# there (`(severity: moderate)`, `Priority: trivial`), words too loose to be a bare tag included.
LABEL_WORDS: Final = TAG_WORDS | frozenset(
    ["moderate", "serious", "severe", "significant", "trivial", "cosmetic", "nitpick", "optional"]
)
LABEL_PATTERN: Final = "|".join(sorted(LABEL_WORDS, key=len, reverse=True))


def tag_level(word: str) -> Severity | None:
    """A tag's word (`High`, `nit`, `P1`) -> its level; None for any other word."""
    w = word.strip().strip("*_`").lower()  # `(**high**)`
    return LEVEL_WORDS[w] if w in TAG_WORDS or w in CIRCLES else None


def label_level(word: str) -> Severity | None:
    """The word after a `severity:` label (`moderate`, `High`) -> its level; None otherwise."""
    w = word.strip().strip("*_`").lower()
    return LEVEL_WORDS[w] if w in LABEL_WORDS or w in CIRCLES else None


def first_level_word(text: str) -> str | None:
    """The level word a `Severity:` value or a table cell starts with (`High (security)`,
    `🔴 Critical`, `Suggestion / nit`), or the circle that is all it gives (`🟠`, `🔴 Bug`); None
    when it starts with another word."""
    t = text.lower()
    for phrase, word in _PHRASES:
        t = t.replace(phrase, word)  # `Must fix`, `Nice to have`: a level in two words
    words = re.sub(r"[^a-z0-9]+", " ", t).split()
    if words and words[0] in LEVEL_WORDS:
        return words[0]
    circle = text.strip(" \t*_`")[:1]
    return circle if circle in CIRCLES else None


def title_level(normalized: str) -> tuple[Severity, bool] | None:
    """A section title made only of one level's words and filler words -> (level, says high).

    Every word counts, inside parentheses and after a dash too: a heading that says anything
    else (`Critical Issues Fix: retry`, `High-level design`, `Critical path`) is not a severity
    section, and its words must not vanish into one.
    """
    t = normalized
    for phrase, word in _PHRASES:
        t = t.replace(phrase, word)
    words = [w for w in re.split(r"[^a-z0-9]+", t) if w and w not in _FILLER and not w.isdigit()]
    levels = {LEVEL_WORDS.get(w) for w in words}
    if len(levels) != 1 or None in levels:
        return None
    level = levels.pop()
    assert level is not None  # for mypy: None was excluded above
    return level, HIGH in words


_EMOJI_RUN = r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2139\u203C\uFE0F][ \t]*)+"
_EMOJI = re.compile(rf"^{_EMOJI_RUN}")
_BOLD_EMOJI = re.compile(rf"^(?P<b>\*\*|__){_EMOJI_RUN}")
# A warning or info sign before a finding's title (`- ❗ **Title** — `a.py:3``, `### 💡 Title`):
# it decorates the finding and is no level (the text, else the section, gives one); a praise
# mark (`✅`) is no decoration of a finding.
DECORATION: Final = r"(?:[❗❕‼⚠ℹ💡🚨]\ufe0f?[ \t]*)+"
_DECORATION = re.compile(rf"^{DECORATION}(?=\S)")
_LEVEL_LEADS = (
    # `**High**: text`, `**High** — text`
    re.compile(rf"^\*\*(?P<w>{TAG_PATTERN})\*\*[ \t]*[:—–·-]?[ \t]*(?P<r>\S.*)$", re.I),
    # `**Nit:** text`
    re.compile(rf"^\*\*(?P<w>{TAG_PATTERN})[ \t]*[:—–-][ \t]*\*\*[ \t]*(?P<r>\S.*)$", re.I),
    # `**Critical — Title** (`a.py:3`)`: the rest of the bold text is the title
    re.compile(rf"^\*\*(?P<w>{TAG_PATTERN})[ \t]*[:—–][ \t]+(?P<b>\S.*)$", re.I),
    # `**Severity: High** - text`, `**Priority:** P1 — text` (Gemini's bullets)
    re.compile(
        rf"^\*\*(?:severity|priority)[ \t]*:[ \t]*(?:\*\*[ \t]*(?P<w>{TAG_PATTERN})"
        rf"|(?P<w2>{TAG_PATTERN})[ \t]*\*\*)[ \t]*[:—–-][ \t]*(?P<r>\S.*)$",
        re.I,
    ),
    # `High: text`, `Medium — text`, `P1 · Title`
    re.compile(rf"^(?P<w>{TAG_PATTERN})[ \t]*(?:[:—–]|[ \t]·)[ \t]+(?P<r>\S.*)$", re.I),
    # `Nit - `a.py:52` — text`: a hyphen spaced off parts the level word only from a place
    # with a line (`Minor - the loop …` may be a sentence's own dash)
    re.compile(rf"^(?P<w>{TAG_PATTERN})[ \t]+-[ \t]+(?P<r>`[^`\s]+:\d.*)$", re.I),
    # `(Medium): text`, `[Low] text`
    re.compile(rf"^[(\[](?P<w>{TAG_PATTERN})[)\]][ \t]*[:—–-]?[ \t]*(?P<r>\S.*)$", re.I),
    # `**Bug (high):** text`, `**Nit [low]**: text`: a kind of finding and its level; without
    # a colon only a one-word kind (`**Bug (high)** text`): `**Cache is stale (important)** —
    # `a.py:3`` is a title with its tag (`_kind_lead`)
    re.compile(
        rf"^\*\*(?P<k>[A-Za-z][\w /-]{{0,30}}?)[ \t]*[(\[](?P<w>{TAG_PATTERN})[)\]][ \t]*"
        r"(?P<c>:)?[ \t]*\*\*[ \t]*(?P<c2>:)?[ \t]*(?P<r>\S.*)$",
        re.I,
    ),
    # `Issue (critical): text`, `Bug [high] `a.py:9`: text`: the same, plain, a kind word of a
    # template's (a plain `Cache eviction (minor) …` is a title ending in its tag)
    re.compile(
        r"^(?:issue|bug|finding|problem|defect|nit|concern|risk)[ \t]*"
        rf"[(\[](?P<w>{TAG_PATTERN})[)\]][ \t]*[:—–-]?[ \t]*(?P<r>\S.*)$",
        re.I,
    ),
)


def _kind_lead(m: re.Match[str]) -> bool:
    """A `**Kind (level)**` lead is one (not a title ending in its tag): a colon follows, or
    the kind is one word."""
    groups = m.groupdict()
    kind = groups.get("k")
    return kind is None or bool(groups.get("c") or groups.get("c2")) or " " not in kind.strip()


# `severity: high`, `priority: P1`, `high severity`, `(medium priority)` written into the first
# line after the title; only between separators (`— severity: high.`, inside brackets), so a
# sentence that merely mentions "high severity" keeps its words.
# (in bold or in italics: `— *Severity: High* —`)
_PHRASE = re.compile(
    rf"(?:(?<=^)|(?<=[\s(\[—–:,;-]))(?:\*\*?|__?)?"
    rf"(?:(?:severity|priority)(?:\*\*?|__?)?[ \t]*[:=]?[ \t]*(?:\*\*?|__?)?(?P<a>{LABEL_PATTERN})"
    rf"|(?P<b>{LABEL_PATTERN})[ \t-]+(?:severity|priority))(?:\*\*?|__?)?"
    r"(?=[ \t]*(?:$|[.,;)\]]|[—–]|-[ \t]))",
    re.IGNORECASE,
)
# (a middle dot or a pipe parts fields as a dash does; a full stop ends the sentence before a
# `Severity: low` label: `— Location: `a.py:4`. Severity: critical.`)
_OPENS = re.compile(r"(?:^|[(\[—–:,;·|]|\s-|\S[.!][ \t])[ \t]*$")


def severity_phrase(text: str) -> tuple[str, int, int] | None:
    """(the level word, where the phrase starts, where it ends) of a severity phrase that stands
    on its own in `text` (after a separator or an opening bracket), else None."""
    for m in _PHRASE.finditer(text):
        if _OPENS.search(text[: m.start()]):
            return (m.group("a") or m.group("b")), m.start(), m.end()
    return None


# What joins a severity phrase to the reason that follows it (`High severity, since the token
# leaks …`): the reason alone is the finding's text.
_REASON_JOIN = re.compile(
    r"^[ \t]*[,;:][ \t]*(?:(?:since|because|as|given(?:[ \t]+that)?)\b[ \t]*)?", re.IGNORECASE
)


def without_phrase(text: str, start: int, end: int) -> str:
    """`text` without the severity phrase at `start:end` (`severity_phrase`), and without the
    comma and "since" that tied the reason after it to the phrase: `— High severity, since the
    token leaks` reads `— The token leaks`, never `— , since the token leaks`."""
    before, after = text[:start], text[end:]
    join = _REASON_JOIN.match(after)
    if join is None or not after[join.end() :].strip():
        return before + after
    reason = after[join.end() :]
    if before.rstrip().endswith(("(", "[")):
        return before.rstrip() + reason  # `(high severity, since x)`: `(x)`
    return f"{before.rstrip()} {reason[:1].upper()}{reason[1:]}".lstrip()


# `This is a **critical** regression.`: a level word stressed inside a finding's sentence; not
# one that is negated (`not **critical**`).
_STRESSED = re.compile(
    rf"(?<![\w*_])(?P<m>\*\*|__|\*|_)(?P<w>{TAG_PATTERN})(?P=m)(?![\w*_])", re.IGNORECASE
)
_NEGATED = re.compile(r"\b(?:not|no|never|nor|isn't|wasn't)\s*$", re.IGNORECASE)


def stressed_level(text: str) -> str | None:
    """The level word a finding's own sentence stresses (`a **critical** bug`), if exactly one
    level is stressed there and not negated; None otherwise."""
    words = {
        m.group("w").lower()
        for m in _STRESSED.finditer(text)
        if not _NEGATED.search(text[: m.start()])
    }
    levels = {LEVEL_WORDS[w] for w in words}
    return next(iter(words)) if len(levels) == 1 and len(words) == 1 else None


# A colored circle alone as the level (`- 🔴 **Title** (`a.py:3`)`, `🟠 `a.py:3` — text`); red,
# orange and yellow are never praise, green and blue may be (`- 🟢 **Clean helper**` under
# `What looks good`), so they count only before a place with a line.
_WARM_CIRCLES: Final = frozenset(("🔴", ORANGE, YELLOW))
_PLACE_WITH_LINE = re.compile(r"`[^`\s]+:\d+")
_OPENS_WITH_PLACE = re.compile(r"^`?[^\s`*]+:\d+")


def level_lead(rest: str, *, heading: bool = False) -> tuple[str | None, str]:
    """A list item that opens with its severity word (`🔴 **Critical — Title**`, `**Nit:** x`,
    `High: x`): (the word, the item without it); (None, the item) otherwise.  `heading`: the
    text of a heading, where a red, orange or yellow circle before a plain title is its level
    (`### 🔴 Unbounded retry loop`) as it is before a place (`### 🔴 `a.py:3` — Title`)."""
    text = _EMOJI.sub("", rest)
    numeric = numeric_lead(text) or lenticular_lead(text) or word_lead(text)
    if numeric is not None:
        # `**[5/5]** `a.py:3`: …`: a level on a scale of numbers; `【必須】`: a level tag
        return numeric
    label = conventional_label(text)
    if label is not None and label[1] is not None:
        return label[1], label[2]  # `**nitpick:** …`, `**issue (blocking):** …`
    tier = _TIER_LEAD.match(text)
    if tier is not None and any(p in tier["p"].lower() for p, _ in _PHRASES):
        # `**Must address:** …`, `**Worth a look** — …`: the tier's level, said as its name
        # (only a tier phrase: `**Suggestions:**` or `**Improvements:**` may lead a paragraph
        # of several points, no one finding)
        level = title_level(tier["p"].lower())
        if level is not None:
            return level[0].value, tier["r"]
    # `**🔴 Critical — Title**`: the circle inside the bold span, before the level word
    inner = _BOLD_EMOJI.sub(r"\g<b>", text)
    for candidate in (text, inner) if inner != text else (text,):
        for rx in _LEVEL_LEADS:
            m = rx.match(candidate)
            if m and not _kind_lead(m):
                m = None
            if m:
                groups = m.groupdict()
                body = "**" + groups["b"] if groups.get("b") else groups["r"]
                return groups.get("w") or groups["w2"], body
    circle = rest[:1]
    if text != rest and circle in CIRCLES:
        placed = _OPENS_WITH_PLACE.match(text) is not None
        if text.startswith("**") and circle in _WARM_CIRCLES:
            return circle, text
        if placed or (text.startswith("**") and _PLACE_WITH_LINE.search(text)):
            return circle, text
        if circle in _WARM_CIRCLES and text[:1].isupper() and _PLACE_WITH_LINE.search(text):
            return circle, text  # `- 🔴 Title — `a.py:3`. Why.`: a plain title and its place
        if heading and circle in _WARM_CIRCLES and text.strip():
            return circle, text
    inside = _CIRCLE_IN_BOLD.match(rest)
    if inside is not None:
        # `**🔴 Token compared with `==`** (`a.py:10`)`: the circle alone inside the bold
        # title, as before it (a cool one only beside a place with its line)
        bold = "**" + rest[inside.end() :]
        if inside["c"] in _WARM_CIRCLES or _PLACE_WITH_LINE.search(bold):
            return inside["c"], bold
    decoration = _DECORATION.match(rest)
    if decoration is not None:
        return None, rest[decoration.end() :]
    return None, rest


# A bold lead-in naming a tier in words (`**Should address:**`, `**Consider:**`, `**Optional**
# —`); only a few words, each of them the tier's (`title_level` reads them as a heading's)
_TIER_LEAD: Final = re.compile(
    r"^\*\*(?P<p>[A-Za-z][A-Za-z -]{2,24}?)(?:[ \t]*:[ \t]*\*\*|\*\*[ \t]*(?:[:—–]|-(?=[ \t])))"
    r"[ \t]*(?P<r>\S.*)$"
)
_CIRCLE_IN_BOLD: Final = re.compile(rf"^\*\*(?P<c>[{''.join(CIRCLES)}])\ufe0f?[ \t]*(?=[^\s*])")
