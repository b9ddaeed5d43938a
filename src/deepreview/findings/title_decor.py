"""A finding's title is the problem it names, not the words around it.

Prose reviews lead a problem with a pictograph (`⚠️ `Save` writes …`), with a sentence that
only points at it or rates it (`The first problem is in `a.go:88`. This is a P1: when …`,
`Finally a P3 nit: `a.go:14` names …`), and wrap their paragraphs, so the first line read as
the title ends in a fragment of the next sentence (`… I'd call it` + `a P2 — …`). The title
keeps the problem's own sentence: decoration sentences before it leave, a fragment after it goes
back to the text it continues, and a title that was all decoration takes the text's first
sentence. A title of words (`Retry loop never ends`) is left as written.
"""

from __future__ import annotations

import re
from typing import Final

# (one level of repetition, each mark a single character: linear on a long run of marks)
_LEADING_MARKS: Final = re.compile(
    r"^(?:[❗❕‼⚠ℹ💡🚨\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?[ \t]*)+"
)
_CODE: Final = re.compile(r"`[^`\n]*`")
# A sentence's or a lead's end: `.`/`!`/`?`/`:`/`—` then a blank (never inside a code span,
# which `_parts` hides first)
# (the dash's blanks tried from the first only: linear on a long run of blanks)
_END: Final = re.compile(r"(?<=[.!?:])[ \t]+|(?<![ \t])[ \t]+[—–][ \t]+")
# Words that only point at a problem or rate it: a sentence of nothing else is decoration.
_DECOR: Final = re.compile(
    r"(?:the|an?|first|second|third|fourth|next|then|finally|lastly|last|also|and|another|one|"
    r"more|problem|issue|thing|point|concern|nit|nitpick|is|its?|it's|this|that|here|there|in|"
    r"at|on|of|i|i'd|i'm|would|call|calling|rate|rating|just|small|tiny|quick|minor|p[0-3]|"
    r"which|remaining|other)"
)
_WORD: Final = re.compile(r"[\w'’]+")


def plain_title(title: str, body: str) -> tuple[str, str]:
    """(the title, the text) with the decoration of the title left out (see the module doc)."""
    marks = _LEADING_MARKS.match(title)
    if marks is not None and title[marks.end() :].strip():
        title = title[marks.end() :]
    parts = _parts(title)
    if len(parts) < 2 and not (parts and _decoration(parts[0]) and body):
        return title, body
    lead = 0
    while lead < len(parts) and _decoration(parts[lead]):
        lead += 1
    kept = parts[lead:]
    tail: list[str] = []
    continues = body[:1].islower()
    if continues and len(kept) > 1 and not _ends(kept[-1]) and _ends(kept[-2], sentence=True):
        tail = [kept.pop()]  # `… transactions. If the` + `process dies …`
    if not kept:
        if not body:
            return title, body
        # `Finally a P3 nit` + `a.go:14 names the key `k``: the text is the problem
        text = " ".join([*tail, body]).strip()
        first = _parts(text)[0] if _parts(text) else text
        return _one_line(first), text[len(first) :].strip()
    if lead and continues and not _ends(kept[-1]):
        # `This is a P1: when the call times out, the job` + `is re-enqueued …`: the problem's
        # sentence goes on in the text
        text = " ".join([kept.pop(), body])
        sentences = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)
        kept.append(sentences[0])
        body = sentences[1] if len(sentences) > 1 else ""
    if not lead and not tail:
        return title, body
    new_title = _one_line(" ".join(kept))
    new_body = " ".join([*tail, body]).strip() if tail else body
    return new_title, new_body


def _one_line(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip().rstrip(" .:—–")


def _parts(text: str) -> list[str]:
    """`text` cut after each sentence's or lead's end, code spans kept whole."""
    spans: list[str] = []

    def hide(m: re.Match[str]) -> str:
        spans.append(m[0])
        return f"\0{len(spans) - 1}\0"

    hidden = _CODE.sub(hide, text)
    parts = [p for p in _END.split(hidden) if p.strip()]
    return [re.sub(r"\0(\d+)\0", lambda m: spans[int(m[1])], p) for p in parts]


def _ends(part: str, *, sentence: bool = False) -> bool:
    return part.rstrip().endswith((".", "!", "?") if sentence else (".", "!", "?", ":"))


def _decoration(part: str) -> bool:
    """A part made only of pointing and rating words (and the place it points at)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(_CODE.sub(" ", part))]
    return bool(words) and all(_DECOR.fullmatch(w) for w in words)
