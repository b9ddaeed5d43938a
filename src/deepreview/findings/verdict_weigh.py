"""Read one verdict line whole, the way a person would, before it may close anything.

`verdict_phrases` finds the earliest verdict phrase after the item's ID. A phrase that would
close the item (`fixed`, `addressed`, `no longer applies`) is only taken at its word when the
rest of the line does not take it back:

- a contrary word or a "no" answer (`fixed, then regressed`, `fixed ❌`, `fixed (no)`,
  `Nope — fixed only in add()`) reads as the scale's "no";
- a hedge or a question (`seems fixed`, `should be fixed`, `fixed?`, `fixed, I think`,
  `🤔`) reads as the scale's hedged word (no verdict for fix verdicts, `unclear` for threads);
- a restriction (`fixed in code but not in docs`, `fixed only for positive numbers`, `fixed,
  mostly`) reads as the scale's partial word.

In a table whose header names a verdict column (`Status`, `Fixed?`, `Addressed in this PR?`)
only that column gives the verdict, and a yes/no/partly answer in it is read. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deepreview.findings.verdict_phrases import Hit, Phrase, cell_span, first_hit, table_cells


@dataclass(frozen=True)
class Scale:
    """One kind of verdict: its phrases and the words a weighed answer reads as."""

    phrases: tuple[Phrase, ...]
    closing: frozenset[str]  # the words that close the item ("fixed", "no longer applies")
    yes: str  # "Fixed? Yes"
    no: str  # "Fixed? No", "fixed, then regressed"
    partial: str  # "Fixed? Partly", "fixed in code but not in docs"
    hedged: str | None  # "seems fixed", "fixed?"; None: no verdict can be read


_BOUND = r"[()\[\]|—–:;,.!?→>-]"
_NO_WORDS = r"(?:no|nope|nah|not\s+really|not\s+yet|not\s+quite)"
# "no" as an answer of its own ("Fixed? No.", "fixed (no)", "— no, the operands ..."); not the
# "no" of "no division by zero any more".
_ANSWER_NO = re.compile(rf"(?:^|{_BOUND})\s*{_NO_WORDS}\s*(?={_BOUND}|$)", re.IGNORECASE)
_ANSWER_YES = re.compile(r"\W*(?:yes|yep|yeah|y|true|✓)\W*", re.IGNORECASE)
_ANSWER_PARTLY = re.compile(
    r"\W*(?:partly|partially|mostly|largely|somewhat|in\s+part|half)\b", re.IGNORECASE
)
_CLOSED = r"(?:fixed|addressed|resolved|handled|done)"
# Words after a closing word that say it did not hold.
_CONTRARY = re.compile(
    r"\b(?:regress(?:ed|es)|reverted|reintroduced|re-?opened|came\s+back|is\s+back|undone|"
    rf"not\s+(?:yet\s+)?{_CLOSED}|un(?:fixed|addressed|resolved)|"
    r"still\s+(?:present|open|broken|there|happens|occurs|reproduces|fails|wrong)|"
    # The code the finding is about did not change: whatever was "fixed", this was not.
    r"unchanged|untouched|not\s+(?:changed|touched)|broken|"
    r"(?:in\s+the\s+)?wrong\s+(?:place|file|function|line|way)|incorrectly|wrongly|improperly)\b|"
    r"[❌✗✘🚫⛔🔴👎✖]|"
    # `still `b - a``: the seat quotes the code as it still is.
    r"\bstill\s*[`'\"]",
    re.IGNORECASE,
)
_RESTRICTED = re.compile(
    r"\b(?:but|except|however|although|though|whereas|apart\s+from|other\s+than|in\s+part|"
    r"partly|partially|mostly|largely|incomplete|follow-?up|todo|"
    r"still\s+(?:needs?|missing|lacks?|requires?)|missing\s+(?:a\s+)?tests?|"
    r"needs?\s+(?:a\s+|more\s+|another\s+)?(?:test|tests|work|change|fix)|"
    r"not\s+(?:in|for|on|at|the|all|every\w*|entirely|fully|completely|everywhere)|"
    r"only\s+(?:in|for|on|at|when|where|partly|partially|some|one\s+of|half)|"
    r"(?:in|for|on|at)\s+\S+(?:\s+\S+)?\s+only)\b|[⚠🟡🟠]",
    re.IGNORECASE,
)
_PARTLY = re.compile(r"\b(?:in\s+part|partly|partially|mostly|largely)\b", re.IGNORECASE)
_HEDGES = (
    r"probably|presumably|apparently|supposedly|allegedly|reportedly|hopefully|maybe|perhaps|"
    r"possibly|likely|unverified|untested|not\s+verified|unclear|unsure|not\s+sure|"
    r"in\s+theory|i\s+think|i\s+believe|i\s+guess|according\s+to|"
    r"per\s+(?:the\s+)?(?:commit|author|pr|description|message)|"
    r"(?:can['’]?t|cannot|could\s*n['’]?o?t)\s+(?:verify|tell|confirm|say|check)"
)
_HEDGE = re.compile(rf"\b(?:{_HEDGES})\b|[🤔❓]", re.IGNORECASE)
# Right before the closing word, in its own clause: what makes it a guess, a plan or a claim
# (`seems fixed`, `should be fixed`). An earlier clause is often the seat restating the point
# (`T1 (why not cache this?): addressed`) and is only read for the hedges above.
_HEDGE_NEAR = re.compile(
    # A reported claim (`the commit message says fixed`) is not the seat's own verdict.
    r"\b(?:seems?|seemingly|appears?|claimed|claims?|says?|said|states?|stated|reports?|"
    r"reported|marked|labell?ed|might|may|could|should|would|will|to\s+be|"
    r"needs?|assumed|can['’]?t|cannot)\b|\?",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[:;—–|()\[\]]")
_QUESTION = re.compile(r"[\s*_]*\?(?![\s*_]*(?:yes|yep|yeah)\b)", re.IGNORECASE)


def weigh(text: str, hit: Hit, scale: Scale, before: int) -> Hit | None:
    """`hit` as the whole line reads it: `text[before:hit.start]` leads up to it, `text[hit.end:]`
    follows it (see the module docstring). None: no verdict can be read."""
    if hit.word not in scale.closing:
        return hit
    lead, rest = text[before : hit.start], text[hit.end :]
    if _CONTRARY.search(rest) or _ANSWER_NO.search(rest) or _ANSWER_NO.search(lead):
        return Hit(scale.no, hit.start, hit.end)
    near = _CLAUSE.split(lead)[-1]
    if _HEDGE.search(lead) or _HEDGE_NEAR.search(near) or _HEDGE.search(rest):
        return Hit(scale.hedged, hit.start, hit.end) if scale.hedged else None
    if _QUESTION.match(rest):
        return Hit(scale.hedged, hit.start, hit.end) if scale.hedged else None
    if _RESTRICTED.search(rest) or _PARTLY.search(lead):
        return Hit(scale.partial, hit.start, hit.end)
    return hit


def _answer(text: str, start: int, end: int, scale: Scale) -> Hit | None:
    """A yes/no/partly answer filling a verdict cell (`| Fixed? |` ... `| No |`)."""
    cell = text[start:end]
    if _ANSWER_YES.fullmatch(cell):
        return Hit(scale.yes, start, end)
    if _ANSWER_NO.match(cell.strip()):
        return Hit(scale.no, start, end)
    if _ANSWER_PARTLY.match(cell):
        return Hit(scale.partial, start, end)
    return None


def _in_cells(raw: str, text: str, phrases: Sequence[Phrase], after: int) -> tuple[Hit, int] | None:
    """(the verdict, where its cell starts) of the first cell after `after` that holds nothing
    but a verdict (`| I1 | Fixed width | not fixed |` is `not fixed`: the title cell only starts
    with a verdict word)."""
    for i in range(len(table_cells(raw) or [])):
        span = cell_span(raw, i)
        if span is None or span[0] < after:
            continue
        hit = first_hit(text[: span[1]], phrases, span[0])
        alone = hit is not None and not text[span[0] : hit.start].strip()
        if hit is not None and alone and not text[hit.end : span[1]].strip(" .!"):
            return hit, span[0]
    return None


def read_verdict(raw: str, text: str, scale: Scale, after: int, column: int | None) -> Hit | None:
    """The verdict of one line (None: none can be read). `raw` is the line as written, `text`
    the same line without markup or the item's title, `after` where the item's ID ends,
    `column` the header's verdict column when the line is a table row."""
    cells = table_cells(raw)
    span = cell_span(raw, column) if cells is not None and column is not None else None
    if span is not None and span[0] >= after:
        # Only the verdict column says the verdict: a title or a note beside it is not read.
        hit = _answer(text, span[0], span[1], scale)
        hit = hit or first_hit(text[: span[1]], scale.phrases, span[0])
        if hit is not None:
            return weigh(text, hit, scale, span[0])
        cell = text[span[0] : span[1]]
        hedged = scale.hedged and (_HEDGE.search(cell) or _HEDGE_NEAR.search(cell))
        return Hit(scale.hedged, *span) if hedged and scale.hedged else None
    found = _in_cells(raw, text, scale.phrases, after) if cells is not None else None
    if found is not None:
        return weigh(text, found[0], scale, found[1])
    hit = first_hit(text, scale.phrases, after)
    return weigh(text, hit, scale, after) if hit is not None else None


def lead_verdict(raw: str, text: str, ident_start: int, scale: Scale) -> tuple[Hit | None, bool]:
    """(the verdict of a line that gives it before the item's ID, `- Not fixed: I1, I3`, weighed
    against the whole line; whether there was a verdict word there at all). (None, True): a
    hedge took it back."""
    if table_cells(raw) is not None:
        return None, False
    hit = first_hit(text[:ident_start], scale.phrases)
    return (weigh(text, hit, scale, 0), True) if hit is not None else (None, False)
