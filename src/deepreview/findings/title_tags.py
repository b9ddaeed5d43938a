"""What a finding's title carries besides its words: a level tag closing it
(`Rename the helper (suggestion)`), a `(critical, regression)` tag, an `Optional:` lead, and
the tag line that closes a finding's text (`(important, regression)`)."""

from __future__ import annotations

import re

from deepreview.findings.head import KIND_WORD, VERIFICATION_WORDS, FindingHead, tag_part
from deepreview.findings.levels import TAG_PATTERN, tag_level

# `(important, regression)` alone on the last line of a finding's text
_TAG_PARAGRAPH = re.compile(
    r"(?:\A|\n)[ \t]*(?:\*\*|__|\*|_)?\((?P<inner>[^()\n]{1,80})\)(?:\*\*|__|\*|_)?"
    r"[ \t.]*\Z"
)


def closing_tag(head: FindingHead, text: str) -> str:
    """`text` (a finding's fix, else its explanation) without a closing line that is only
    its tag (`(important, regression)`, Claude's layout after the Fix): never a sentence of
    the fix. Its level and verification are read as the heading's would be, for what the
    heading left unsaid (the section settles a level that disagrees, as for the heading's).
    Its classification is not read: agreeing classifications tie findings together, and on
    the corpus (`benchmarks/bench_corpus.py`) reading these merged three findings apart the
    lead kept apart. Unchanged unless every part is one word and one is a level."""
    m = _TAG_PARAGRAPH.search(text)
    if m is None:
        return text
    parts = [p.strip() for p in m.group("inner").split(",") if p.strip()]
    at = tag_part(parts)
    if at is None or not all(KIND_WORD.match(p) for p in parts):
        return text
    if head.severity is None:
        head.severity, head.level_word = tag_level(parts[at]), parts[at].lower()
    rest = parts[:at] + parts[at + 1 :]
    if rest and rest[-1].lower() in VERIFICATION_WORDS:
        word = rest.pop().lower()
        head.verification = head.verification or word
    return text[: m.start()].rstrip()


_CLOSING_TAG = re.compile(r"(?<![ \t])[ \t]+\((?P<inner>[^()\n]{1,80})\)[ \t]*$")


def title_tag(title: str) -> int | None:
    """Where a `(critical, regression)` tag that closes a title starts (None: no such tag): a
    reviewer writes it inside the bold title (`**Title (important, gap)**`) as often as after
    it. Only a tag whose parts `tag_part` reads (`(critical path stays)` is the title's)."""
    m = _CLOSING_TAG.search(title)
    if m is None:
        return None
    parts = [p.strip() for p in m.group("inner").split(",") if p.strip()]
    return m.start() if tag_part(parts) is not None else None


# A level tag that closes a title (`Rename the helper (suggestion)`, `Typo `(nit)``, `Spell out
# `cfg` [suggestion]`, `Retry storm — (important)`).
_TITLE_LEVEL = re.compile(
    rf"(?<![ \t])[ \t]*+(?:[—–-][ \t]*+)?`?[(\[](?:\*\*|__)?(?P<w>{TAG_PATTERN})(?:\*\*|__)?[)\]]`?"
    r"[ \t.]*+$",
    re.IGNORECASE,
)


# `Optional: `a.py:2` — …`, `**Pre-existing:** …`: a lead that says how the seat sees the item
# (as `Nit:` does), no part of its title; pre-existing is the finding's classification.
_SOFT_LEAD = re.compile(
    r"^(?P<b>\*\*|__)?(?P<w>optional|pre-?existing)[ \t]*:[ \t]*(?P<c>\*\*|__)?[ \t]*(?=\S)",
    re.IGNORECASE,
)


def untag_title(head: FindingHead) -> None:
    """The level tag that closes the head's title leaves it: the head's level when it had none
    (a tag or a lead before it gave one otherwise)."""
    m = _TITLE_LEVEL.search(head.title)
    if m is None or m.start() == 0 or not re.search(r"\w", head.title[: m.start()]):
        return
    head.title = head.title[: m.start()].rstrip(" \t—–-:,;")
    if head.severity is None:
        word = m.group("w")
        head.severity, head.level_word = tag_level(word), word.lower()


def soft_lead(rest: str) -> tuple[str, str | None]:
    """(the item without an `Optional:` / `Pre-existing:` lead, "pre-existing" or None)."""
    m = _SOFT_LEAD.match(rest)
    if m is None or bool(m["b"]) != bool(m["c"]):
        return rest, None
    kind = "pre-existing" if m["w"].lower().startswith("pre") else None
    return rest[m.end() :], kind
