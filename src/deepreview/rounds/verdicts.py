"""Parse a seat's `Round N Fix Verdicts` section, and consolidate the seats' verdicts.

Seats name the section in their own words too (`## Fix Verdicts`, `## Round 4 — Fix Verdicts`,
`**Fix verdicts:**`, `## Verdicts on prior findings`, `## Previous Findings`, `## Status of round 2
findings`, a plain `Previous items:` line). A seat with no such section whose lines
elsewhere give prior IDs a verdict (`- S1: fixed`) has verdicts nobody can read: those findings
stay open ("verdict unreadable") rather than close by silence.

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
    clauses,
    evidence_after,
    first_hit,
    listed,
    phrases,
    table_cells,
    verdict_lines,
    without_title,
)
from deepreview.findings.verdict_weigh import Scale, lead_verdict, read_verdict
from deepreview.model import FixVerdictWord, SeatFixVerdict

# What a seat calls its verdicts section: `Round 4 Fix Verdicts` as asked, and its own words
# (`Fix Verdicts (Round 4)`, `Round 4 — Fix Verdicts`, `fix-verdicts`, `Verdicts on prior
# findings`, `Previous findings: status`), as a heading or a bold label (`**Fix verdicts:**`).
_ROUND = r"(?:[\s_-]+round(?:'s)?)"
_ITEMS = r"(?:findings?|issues?|items?|review(?:'s)?[\s_-]+findings?)\b"
_NAMES = (
    r"\bfix(?:es)?[\s_-]*verdicts?\b|"
    # Not the review's own `Verdict (round 2)`: a verdict *on* the prior findings.
    r"\bverdicts?\s+(?:on|for|of)\s+(?:the\s+)?(?:prior|previous|earlier|last|round)\b|"
    r"\bverdicts\b[^\n*]*\b(?:prior|previous|earlier|round[\s_-]*\d+)\b|"
    r"\b(?:prior|previous|earlier)[\s_-]+(?:round[\s_-]+)?findings?\b[^\n*]*"
    r"\b(?:verdicts?|status)\b|"
    # The prior findings named alone (`Previous Findings`, `Prior issues`, `Previous items:`,
    # `Last round's findings`): in a round N >= 2 review that is what the seat says of them.
    rf"\b(?:prior|previous|earlier|last){_ROUND}?[\s_-]+{_ITEMS}|"
    # `Status of round 2 findings`, `Round 2 findings: status`, `Findings from round 2`.
    rf"\bstatus\b[^\n*]*\b(?:prior|previous|earlier|round[\s_-]*\d+)\b|"
    rf"\bround[\s_-]*\d+[\s_-]+{_ITEMS}[^\n*]*\b(?:status|verdicts?)\b|"
    rf"{_ITEMS}[\s_-]+(?:from|of|in)[\s_-]+(?:the[\s_-]+)?"
    r"(?:prior|previous|earlier|last|round[\s_-]*\d+)\b"
)
_HEADING = re.compile(
    # A finding's own heading (`#### I2. Fix verdicts are ignored`) is not the section.
    rf"^[ \t]*(?:#{{1,6}}(?!#)(?![ \t]*[*_]*[CIS]\d+\b)[^\n]*?(?:{_NAMES})[^\n]*$|"
    rf"\*\*[^\n*]*?(?:{_NAMES})[^\n*]*\*\*:?|"
    # A plain label line (`Previous items:`): the name alone before its colon, no sentence.
    rf"^[ \t]*(?:{_NAMES})[^\n.!?:]{{0,40}}:[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# A line that starts with a prior ID the way a verdict line does (`- S1: ...`, `| S1 |`,
# `**S1** — ...`); a finding's own line is `S1. **Title**`.
_STRAY = re.compile(r"^\s*(?:[-*+]\s+|\|\s*)?[*_]*([CIS]\d+)\b[*_]*\s*(?:[:|—–(]|-\s)")
# Sections where a seat's own findings are, not its verdicts.
_OWN = re.compile(
    r"^\s*#{1,6}\s*(?:findings|critical|important|suggestions|coverage)\b", re.IGNORECASE
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
    body = section_text(review)
    if not body.strip():
        # A section we cannot tell for a verdicts section, with lines that give prior IDs a
        # verdict: they cannot be read, and the findings stay open rather than close by silence.
        return out, _stray_lines(review)
    for line, text, _, column in verdict_lines(body, _ID):
        for raw, clause, found, first in clauses(line, text, _ID):
            _read_clause(raw, clause, found, column, first, titles or {}, out, unreadable)
    return out, unreadable


def _read_clause(
    raw: str,
    text: str,
    ident: re.Match[str],
    column: int | None,
    first: bool,
    titles: Mapping[str, str],
    out: Parsed,
    unreadable: dict[str, str],
) -> None:
    """Read one clause's verdict into `out` (or its IDs into `unreadable`). A clause after the
    line's first that gives no verdict is a remark (`I1: fixed, I2 was the cause`): not read."""
    title = titles.get(ident.group(1).upper(), "")
    if title:
        text = without_title(text, title, ident.end())
    hit = read_verdict(raw, text, _SCALE, ident.end(), column)
    said = _said(raw, ident.end())
    worded = hit is not None or first_hit(text, _PHRASES, ident.end()) is not None
    if not worded:
        # `- Not fixed: I1, I3`: the verdict comes first.
        hit, worded = lead_verdict(raw, text, ident.start(), _SCALE)
        said = _said(raw, 0) if worded else said
    keys = [ident.group(1).upper()]
    if table_cells(raw) is None:
        keys = [m.group(1).upper() for m in listed(text, ident, _ID)]  # `- I1, I3: not fixed`
    for key in dict.fromkeys(keys):
        if key in unreadable:
            continue  # the first answer for an ID wins ...
        if hit is None:
            if first and (worded or re.fullmatch(r"[\W_]*", text[: ident.start()])):
                unreadable[key] = _BULLET.sub("", raw).strip(" ;,")
            continue
        word = cast(FixVerdictWord, hit.word)
        if key in out and _PESSIMISM.index(word) >= _PESSIMISM.index(out[key][0]):
            continue  # ... unless a later one is less optimistic: the seat took it back
        out[key] = (word, evidence_after(raw, hit.end).rstrip(" ;,"), said.rstrip(" ;,"))


def _stray_lines(review: str) -> dict[str, str]:
    """Prior ID -> its line, for each line outside the seat's own findings that starts with a
    prior ID as a verdict line does."""
    found: dict[str, str] = {}
    own = False
    for line in review.splitlines():
        if re.match(r"^\s*#{1,6}\s", line):
            own = bool(_OWN.match(line))
            continue
        m = _STRAY.match(line)
        if m and not own:
            found.setdefault(m.group(1).upper(), _BULLET.sub("", line).strip())
    return found


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
