"""Read what a seat concluded about each unresolved PR thread (`T1`, `T2`, ...).

Pure `text -> model`. The prompt asks for an `## Unresolved Feedback Verdicts` section with
one line per thread; seats also answer with a table, a numbered list or bold references, and
sometimes under `## Unresolved Feedback`. Lines outside such a section are not read: a finding
that mentions "T1" is not a verdict.
"""

from __future__ import annotations

import re
from typing import Final, cast

from deepreview.feedback import THREAD_WORDS, ThreadWord
from deepreview.findings.headings import last_section_body

_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*)\s*(?:Unresolved\s+(?:PR\s+)?Feedback|(?:PR\s+|Review\s+)?Threads?)"
    r"(?:\s+Verdicts?)?\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_REF = re.compile(r"(?<![\w/.-])T(\d{1,4})\b")
# Longest first: "not addressed" contains "addressed".
_WORDS: Final = sorted(THREAD_WORDS, key=len, reverse=True)
_WORD = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in _WORDS) + r")\b",
    re.IGNORECASE,
)
# "unaddressed" and "partially addressed" say the point still stands in part.
_SYNONYMS: Final = (
    (re.compile(r"\b(?:unaddressed|partially[\s_-]+addressed)\b", re.I), "not addressed"),
)


def section_text(review: str) -> str:
    """The body of the last thread-verdicts section in `review` ("" when absent)."""
    return last_section_body(review, _HEADING)


def _word(line: str, start: int) -> tuple[ThreadWord, int] | None:
    m = _WORD.search(line, start)
    found: list[tuple[int, ThreadWord, int]] = []
    if m:
        word = re.sub(r"[\s_-]+", " ", m.group(1).lower())
        found.append((m.start(), cast(ThreadWord, word), m.end()))
    for pattern, word in _SYNONYMS:
        s = pattern.search(line, start)
        if s:
            found.append((s.start(), cast(ThreadWord, word), s.end()))
    if not found:
        return None
    _, word, end = min(found)
    return word, end


def parse_thread_verdicts(review: str) -> dict[str, tuple[ThreadWord, str]]:
    """Thread reference ("T1") -> (verdict, evidence) from a seat's review text; the first
    answer for a reference wins."""
    out: dict[str, tuple[ThreadWord, str]] = {}
    for raw in section_text(review).splitlines():
        line = raw.strip().strip("|").strip()
        if not line or set(line) <= set("-|: "):
            continue
        ref = _REF.search(line)
        if ref is None:
            continue
        got = _word(line, ref.end())
        if got is None:
            continue
        word, end = got
        evidence = line[end:].lstrip(" |:—–-*.").rstrip(" |*")
        evidence = re.sub(r"\s*\|\s*", " — ", evidence)
        out.setdefault(f"T{int(ref.group(1))}", (word, evidence))
    return out


__all__ = ["parse_thread_verdicts", "section_text"]
