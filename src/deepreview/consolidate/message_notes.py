"""Credit a reviewer who faults the change's own message outside its findings.

A reviewer asked to judge the commit message often does so in a Commit Structure section, an
assessment item or a row of its verdict table ("Commit message rewritten | **Deficient** |
Omits adding `rsync`…") instead of listing a finding. A careful lead credits that reviewer on
the finding another reviewer raised about the message, as it does a note citing a finding's
lines (`notes.credit_notes`): the message has no lines, so the subject stands for the place.

A remark credits a finding when both are about the same text (the commit message, or the PR
description: `subject_of`), the remark faults it (it omits, leaves out, does not say, … and
does not only approve it) and it names something the finding names (a code name, bare or in
backticks, or a word of four letters or more of the finding's title beyond the subject's
words). One such finding at most, of another seat; a seat with a finding about that text of
its own has its say there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from deepreview.consolidate.code_notes import text_units
from deepreview.consolidate.features import identifiers_in, words
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.note_fit import Note
from deepreview.model import AgentReview, Finding, Location

_SUBJECTS = {
    "commit message": re.compile(r"\bcommit\s+messages?\b", re.IGNORECASE),
    "PR description": re.compile(
        r"\b(?:PR|pull\s+request)(?:'s)?\s+(?:description|body)\b", re.IGNORECASE
    ),
}
_SUBJECT_WORDS = frozenset(words("commit message messages PR pull request description body new"))
# what a remark says is wrong with a message: it leaves something out or says it wrongly
_FAULTED = re.compile(
    r"\b(?:omit\w*|leaves?\s+out|left\s+out|deficient|incomplete|does\s+not\s+(?:account|"
    r"mention|say|describe|match|cover)|doesn't\s+(?:account|mention|say|describe|match|cover)"
    r"|no\s+longer|missing|stale|wrong|inaccurate|incorrect|misleading|outdated)\b",
    re.IGNORECASE,
)
# ... or gives a count of its own beside an older one it says the message gives: "all 31
# `@test` blocks (up from 27/27 referenced in the PR description)", however the row grades it
_COUNTED_APART = re.compile(
    r"\b(?:up|down)\s+from\s+\d[\d/.]*\s+(?:\w+\s+){0,2}(?:in|by)\s+the\s+"
    r"(?:PR|pull\s+request|commit)(?:'s)?\s+(?:description|body|message)\b",
    re.IGNORECASE,
)
_CODE_WORD = re.compile(r"[\w.-]+")


def subject_of(text: str) -> str | None:
    """The change's own text `text` is about ("commit message", "PR description"), or None;
    None for text naming both (which one is unknown)."""
    named = [name for name, pattern in _SUBJECTS.items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def _units(review: AgentReview) -> Iterator[tuple[str, str]]:
    """(section, paragraph, list item or table row) of every part outside the findings."""
    t, d = review.testing, review.documentation
    parts = [
        *(("Testing Assessment", s) for s in (t.intro, *t.items)),
        *(("Documentation Assessment", s) for s in (d.intro, *d.items)),
        *(
            ("Design Observations", o.text)
            for o in review.design_observations
            if o.kind == "concern"  # a strength praises what it names
        ),
        *((s.title, s.body) for s in review.other_sections),
    ]
    for section, text in parts:
        for unit in text_units(text):
            if unit.lstrip().startswith("|"):
                # a verdict table: each row judges one item
                yield from ((section, row) for row in unit.splitlines() if row.strip("|-: "))
            else:
                yield section, unit


def _names_what_it_names(remark: str, finding: Finding) -> bool:
    text = f"{finding.title}\n{finding.body}"
    said = {w.strip(".-").lower() for w in _CODE_WORD.findall(remark)}
    if set(identifiers_in(text)) & said:
        return True
    title = {w for w in words(finding.title) if len(w) >= 4} - _SUBJECT_WORDS
    return bool(title & set(words(remark)))


def message_notes(
    findings: Sequence[Finding], seat_reviews: Sequence[SeatReview]
) -> Iterator[tuple[int, Note]]:
    """(finding index, note) for each seat's remark faulting the message another seat's
    finding is about."""
    about = [subject_of(f.title) for f in findings]
    for sr in seat_reviews:
        if sr.review is None or not sr.model_backed:
            continue
        own = {subject_of(f.title) for f in sr.review.findings} - {None}
        name = sr.reviewer.credit
        for section, unit in _units(sr.review):
            subject = subject_of(unit)
            faulted = _FAULTED.search(unit) or _COUNTED_APART.search(unit)
            if subject is None or subject in own or not faulted:
                continue
            hits = [
                n
                for n, f in enumerate(findings)
                if about[n] == subject and name not in f.reviewers and _names_what_it_names(unit, f)
            ]
            if len(hits) == 1:
                text = " ".join(unit.strip().strip("|").split())
                yield hits[0], Note(sr.seat, section, Location(""), text)
