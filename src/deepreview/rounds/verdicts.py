"""Parse a seat's `Round N Fix Verdicts` section, and consolidate the seats' verdicts.

Pure `text -> model`. Seats write one line (bullet or table row) per prior finding, e.g.
`- I1: fixed — calc.py:3 now checks for zero` or `| I1 | not fixed | calc.py:3 still ... |`.
They also negate (`not yet fixed`, `isn't fixed`, `Fixed? No.`), use their own words
(`still present`, `❌`, `resolved`) and repeat the title first; `verdict_phrases` reads all of
that. A line that starts with a prior ID but says nothing readable is "unreadable": the
finding stays open rather than close on a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, cast

from deepreview.findings.headings import last_section_body
from deepreview.findings.verdict_phrases import (
    ADV,
    END,
    FULLY,
    NEG,
    evidence_after,
    first_hit,
    phrases,
    table_cells,
    verdict_lines,
    without_title,
)
from deepreview.findings.verdict_weigh import Scale, lead_verdict, read_verdict
from deepreview.model import FixVerdictWord, SeatFixVerdict

_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*|\*\*)\s*Round\s+\d+\s+Fix\s+Verdicts\b.*$", re.IGNORECASE | re.MULTILINE
)
_ID = re.compile(r"\b([CIS]\d+)\b")
_S = r"[\s_-]+"
_FIX = r"(?:fixed|resolved|addressed|corrected|handled)"
_PHRASES: Final = phrases(
    (rf"\b{NEG}{_S}(?:yet{_S})?{FULLY}{_S}{_FIX}{END}", "partially fixed"),
    (rf"\b{NEG}{_S}(?:{ADV}{_S})*{_FIX}{END}", "not fixed"),
    (rf"\b{_FIX}\s*[?:]\s*(?:no|nope)\b", "not fixed"),
    (rf"\b(?:incorrectly|wrongly|improperly|badly){_S}{_FIX}{END}", "not fixed"),
    (
        r"\b(?:un(?:fixed|resolved|addressed|changed)|still\s+(?:present|open|there|exists?|"
        r"broken|occurs|happens|applies|reproduces|valid|wrong|stands|unfixed|"
        r"an?\s+(?:issue|problem|bug))|remains?|persists?|open|outstanding|regressed|"
        rf"reverted|reintroduced|re-?opened|came{_S}back|no{_S}change|not{_S}done)\b",
        "not fixed",
    ),
    # A mark alone is a verdict too (`| I1 | ✅ |`): the words after it are optional.
    (r"[❌✗✘🚫⛔🔴👎✖](?:\s*(?:still\s+\w+|not\s+fixed|unfixed|open|no)\b)?", "not fixed"),
    (
        rf"\b(?:partially|partly|half|mostly|largely|almost|nearly){_S}(?:{_FIX}|done){END}|"
        r"\bpartial(?:ly)?\b|\bincomplete\b",
        "partially fixed",
    ),
    (r"(?:⚠️?|🟡)\s*(?:partial(?:ly)?(?:\s+fixed)?)?", "partially fixed"),
    (
        rf"\bno{_S}longer{_S}(?:applies|applicable|relevant)\b|"
        r"\b(?:not\s+applicable|n/a|obsolete|moot|superseded)\b",
        "no longer applies",
    ),
    (rf"\b{_FIX}{END}|\bdone\b", "fixed"),
    (r"(?:✅|✔️?|☑️?)(?:\s*(?:fixed|resolved|addressed|done)\b)?", "fixed"),
)
_SCALE: Final = Scale(
    _PHRASES,
    closing=frozenset({"fixed", "no longer applies"}),
    yes="fixed",
    no="not fixed",
    partial="partially fixed",
    hedged=None,  # a guess is no verdict: the line is unreadable and the finding stays open
)
# When seats disagree the report keeps the least optimistic word: a prior finding is only
# closed when nobody still sees it open.
_PESSIMISM: Final = ("not fixed", "partially fixed", "no longer applies", "fixed")

# Prior finding ID -> (our reading, the seat's evidence, the seat's words as it wrote them).
Parsed = dict[str, tuple[FixVerdictWord, str, str]]
_NEXT_ID = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)?\s*\b([CIS]\d+)\b")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def section_text(review: str) -> str:
    """The body of the last `Round N Fix Verdicts` section in `review` ("" when absent)."""
    return last_section_body(review, _HEADING)


def read_fix_verdicts(
    review: str, titles: Mapping[str, str] | None = None
) -> tuple[Parsed, dict[str, str]]:
    """(prior finding ID -> (verdict, evidence, the seat's words), prior finding ID -> a line
    that gives no verdict that can be read: it starts with the ID, or its verdict word was taken
    back by a hedge). `titles` are the prior findings' titles: a line that repeats one is not
    read from inside it."""
    out: Parsed = {}
    unreadable: dict[str, str] = {}
    for raw, text, ident, column in verdict_lines(section_text(review), _ID):
        keys = [ident.group(1).upper()]
        title = (titles or {}).get(keys[0], "")
        if title:
            text = without_title(text, title, ident.end())
        hit = read_verdict(raw, text, _SCALE, ident.end(), column)
        said = _said(raw, ident.end())
        worded = hit is not None or first_hit(text, _PHRASES, ident.end()) is not None
        if not worded:
            # `- Not fixed: I1, I3`: the verdict comes first.
            hit, worded = lead_verdict(raw, text, ident.start(), _SCALE)
            said = _said(raw, 0) if worded else said
        if table_cells(raw) is None:
            keys = _listed(text, ident)  # `- I1, I3: not fixed`: each listed ID's verdict
        for key in keys:
            if key in unreadable:
                continue  # the first answer for an ID wins ...
            if hit is None:
                if worded or re.fullmatch(r"[\W_]*", text[: ident.start()]):
                    unreadable[key] = _BULLET.sub("", raw).strip()
                continue
            word = cast(FixVerdictWord, hit.word)
            if key in out and _PESSIMISM.index(word) >= _PESSIMISM.index(out[key][0]):
                continue  # ... unless a later one is less optimistic: the seat took it back
            out[key] = (word, evidence_after(raw, hit.end), said)
    return out, unreadable


def _listed(text: str, ident: re.Match[str]) -> list[str]:
    """The IDs listed together from `ident` on (`I1, I3 and C2`)."""
    keys, end = [ident.group(1).upper()], ident.end()
    while m := _NEXT_ID.match(text, end):
        keys.append(m.group(1).upper())
        end = m.end()
    return list(dict.fromkeys(keys))


def _said(raw: str, end: int) -> str:
    """The seat's words on the finding: its line after the ID, on one line, as written."""
    return " ".join(_BULLET.sub("", raw[end:]).lstrip(" *_:|—–-.)").rstrip(" |*_").split())


def parse_fix_verdicts(
    review: str, titles: Mapping[str, str] | None = None
) -> dict[str, tuple[FixVerdictWord, str]]:
    """Prior finding ID -> (verdict, evidence) from a seat's review text."""
    return {k: (word, ev) for k, (word, ev, _) in read_fix_verdicts(review, titles)[0].items()}


def consolidate(seats: Sequence[SeatFixVerdict]) -> tuple[FixVerdictWord | None, bool]:
    """(the report's verdict, whether the seats disagreed)."""
    words = {s.verdict for s in seats}
    if not words:
        return None, False
    chosen = min(words, key=_PESSIMISM.index)
    return chosen, len(words) > 1


def is_open(verdict: str | None) -> bool:
    """A prior finding stays open unless a seat showed it fixed or moot."""
    return verdict not in ("fixed", "no longer applies")


def collect(per_seat: Iterable[tuple[str, Parsed]], prior_id: str) -> tuple[SeatFixVerdict, ...]:
    return tuple(
        SeatFixVerdict(seat=credit, verdict=word, evidence=evidence, said=said)
        for credit, parsed in per_seat
        if prior_id in parsed
        for word, evidence, said in (parsed[prior_id],)
    )
