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
    clauses,
    evidence_after,
    listed,
    phrases,
    table_cells,
    verdict_lines,
)
from deepreview.findings.verdict_weigh import Scale, lead_verdict, read_verdict

_HEADING = re.compile(
    r"^[^\S\n]*(?:#{1,6}|\*\*)\s*(?:Unresolved\s+(?:PR\s+)?Feedback|(?:PR\s+|Review\s+)?Threads?)"
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
    (rf"\b(?:incorrectly|wrongly|improperly|badly){_S}{_DONE}{END}", "not addressed"),
    (
        rf"\b(?:un(?:addressed|resolved|fixed)|"
        rf"(?:partially|partly|half|mostly|largely|almost|nearly){_S}{_DONE}|"
        r"still\s+(?:open|present|applies|valid|stands|an?\s+(?:issue|problem))|remains?|"
        r"persists?|outstanding|open|regressed|reverted|reintroduced|re-?opened|incomplete)\b",
        "not addressed",
    ),
    (r"[❌✗✘🚫⛔🔴👎✖]", "not addressed"),
    (
        r"\b(?:unclear|unknown|undetermined|uncertain|unsure|not\s+sure|can(?:no|['’])t\s+tell|"
        r"cannot\s+(?:tell|determine|verify))\b|[❓?]{1,3}\s*$",
        "unclear",
    ),
    (rf"\b{_DONE}{END}", "addressed"),
    (r"✅|✔️?|☑️?", "addressed"),
)

# The least optimistic word first: a seat's later answer and the panel's are weighed by it.
PESSIMISM: Final[tuple[ThreadWord, ...]] = ("not addressed", "unclear", "addressed")
_SCALE: Final = Scale(
    _PHRASES,
    closing=frozenset({"addressed"}),
    yes="addressed",
    no="not addressed",
    partial="not addressed",  # a point addressed in part still stands
    hedged="unclear",
)


def section_text(review: str) -> str:
    """The body of the last thread-verdicts section in `review` ("" when absent)."""
    return last_section_body(review, _HEADING)


def parse_thread_verdicts(review: str) -> dict[str, tuple[ThreadWord, str]]:
    """Thread reference ("T1") -> (verdict, evidence) from a seat's review text; the first
    answer for a reference wins, unless a later one is less optimistic (`- T1: addressed` then
    `- T1: not addressed after all`: the seat took it back)."""
    out: dict[str, tuple[ThreadWord, str]] = {}
    for line, text, _, column in verdict_lines(section_text(review), _REF):
        for raw, clause, ref, _first in clauses(line, text, _REF):
            hit = read_verdict(raw, clause, _SCALE, ref.end(), column)
            if hit is None:
                hit, _ = lead_verdict(raw, clause, ref.start(), _SCALE)  # `- Not addressed: T1`
            if hit is None:
                continue
            word = cast(ThreadWord, hit.word)
            refs = [ref] if table_cells(raw) is not None else listed(clause, ref, _REF)
            for key in dict.fromkeys(f"T{int(m.group(1))}" for m in refs):  # `- T1, T2: ...`
                if key in out and PESSIMISM.index(word) >= PESSIMISM.index(out[key][0]):
                    continue
                evidence = evidence_after(raw, hit.end).rstrip(" ;,")
                out[key] = (word, re.sub(r"\s*\|\s*", " — ", evidence))
    return out


__all__ = ["PESSIMISM", "parse_thread_verdicts", "section_text"]
