"""Read what a seat concluded about each unresolved PR thread (`T1`, `T2`, ...).

Pure `text -> model`. The prompt asks for an `## Unresolved Feedback Verdicts` section with
one line per thread; seats also answer with a table, a numbered list or bold references, and
sometimes under `## Unresolved Feedback`. Lines outside such a section are not read: a finding
that mentions "T1" is not a verdict.
"""

from __future__ import annotations

import re
from typing import Final, cast

from deepreview.feedback import ThreadWord
from deepreview.findings.headings import last_section_body
from deepreview.findings.verdict_phrases import (
    ADV,
    END,
    FULLY,
    NEG,
    evidence_after,
    first_hit,
    phrases,
    table_hit,
    verdict_lines,
)

_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*)\s*(?:Unresolved\s+(?:PR\s+)?Feedback|(?:PR\s+|Review\s+)?Threads?)"
    r"(?:\s+Verdicts?)?\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_REF = re.compile(r"(?<![\w/.-])T(\d{1,4})\b")
_S = r"[\s_-]+"
_DONE = r"(?:addressed|resolved|fixed|handled|done)"
# Read with their negations ("not yet addressed", "isn't addressed", "not fully addressed")
# and the seats' own words; see `verdict_phrases`. A point addressed only in part still stands.
_PHRASES: Final = phrases(
    (rf"\b{NEG}{_S}(?:(?:{ADV}|{FULLY}){_S})*{_DONE}{END}", "not addressed"),
    (rf"\b{_DONE}\s*[?:]\s*(?:no|nope)\b", "not addressed"),
    (
        rf"\b(?:un(?:addressed|resolved|fixed)|(?:partially|partly|half){_S}{_DONE}|"
        r"still\s+(?:open|present|applies|valid|stands|an?\s+(?:issue|problem))|remains?|"
        r"persists?|outstanding|open)\b",
        "not addressed",
    ),
    (r"[❌✗✘]", "not addressed"),
    (
        r"\b(?:unclear|unknown|undetermined|uncertain|unsure|not\s+sure|can(?:no|['’])t\s+tell|"
        r"cannot\s+(?:tell|determine|verify))\b|[❓?]{1,3}\s*$",
        "unclear",
    ),
    (rf"\b{_DONE}{END}", "addressed"),
    (r"✅|✔️?|☑️?", "addressed"),
)


def section_text(review: str) -> str:
    """The body of the last thread-verdicts section in `review` ("" when absent)."""
    return last_section_body(review, _HEADING)


def _word(text: str, start: int) -> tuple[ThreadWord, int] | None:
    hit = first_hit(text, _PHRASES, start)
    return (cast(ThreadWord, hit.word), hit.end) if hit else None


def parse_thread_verdicts(review: str) -> dict[str, tuple[ThreadWord, str]]:
    """Thread reference ("T1") -> (verdict, evidence) from a seat's review text; the first
    answer for a reference wins."""
    out: dict[str, tuple[ThreadWord, str]] = {}
    for raw, line, ref, column in verdict_lines(section_text(review), _REF):
        hit = table_hit(raw, line, _PHRASES, ref.end(), column)
        got = (cast(ThreadWord, hit.word), hit.end) if hit else _word(line, ref.end())
        if got is None:
            continue
        word, end = got
        evidence = re.sub(r"\s*\|\s*", " — ", evidence_after(raw, end))
        out.setdefault(f"T{int(ref.group(1))}", (word, evidence))
    return out


__all__ = ["parse_thread_verdicts", "section_text"]
