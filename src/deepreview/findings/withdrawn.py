"""A finding the seat takes back in the same review it wrote once: `### I2 — cache grows …`
and, further on, `On a second look I2 is not a problem: the cache is capped by `MAX`;
withdrawn.` The finding is not counted (the seat's warnings say it was withdrawn). A review
written twice is `drafts.py`'s: there the later draft leaves the finding out.

Only a sentence that names the finding by the ID the review gave it, beside a word that takes
a finding back (`withdrawn`, `I retract`, `false positive`, `disregard`), withdraws it: a word
that only tells the code (`withdrawal`, `` `retract()` ``), a denial (`I2 is not a false
positive`, `I do not withdraw I2`), the finding's own heading line, or a sentence about an
earlier round (`I2 of round 1 was withdrawn`) withdraws nothing. A sentence that names several
IDs withdraws those in the clause of its word (`I2 is withdrawn, but I3 stands`: I2).
Taking back a part of the finding (`Disregard I2's suggested fix`, `I was wrong about I2's
severity`, `my test for I2`), taking it back only somewhere (`I2 is not a real issue for
single-threaded runs, but …`), or a sentence that says it stands (`…; the bug stands`) keeps it.
"""

from __future__ import annotations

import re

from deepreview.findings.blocks import Block
from deepreview.findings.finding_draft import Draft, one_line
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.section_titles import about_earlier_rounds
from deepreview.findings.sentences import SENTENCE_END

# Words that take a finding back, in the clause that names it: `I withdraw I2`, `I2 is
# withdrawn`, `disregard I2`, `I2 is a false positive` — not `the amount withdrawn`, nor
# `I2 produces a false positive` (a finding about a checker's false positives), nor
# `dropping I2's reset` (a part of the code I2 is about).
_TAKES_BACK = re.compile(
    r"\b(?:(?:i|we)\s+(?:hereby\s+|now\s+|also\s+)?(?:withdraw|withdrew|retract(?:ed)?|"
    r"take\s+back|took\s+back)|(?:is|are|was|were|be|been)\s+(?:hereby\s+|now\s+)?"
    r"(?:withdrawn|retracted)|(?:withdraw(?:ing)?|retract(?:ing)?|disregard|scratch|drop(?:ping)?)"
    r"\s+(?:finding\s+)?[CIS]-?\d{1,4}(?![\d'’])|(?:is|was|be|been|looks\s+like|turns?\s+out\s+to\s+be|"
    r"turned\s+out\s+to\s+be|appears\s+to\s+be|seems\s+to\s+be)\s+(?:just\s+|only\s+)?"
    r"(?:a\s+|an\s+)?(?:\w+\s+)?false[ -]positive|(?:i\s+was|i['’]m|i\s+am)\s+wrong\s+about|"
    r"not\s+(?:a\s+|an\s+)?(?:real|actual|valid)\s+(?:issue|bug|problem|concern|finding))\b",
    re.IGNORECASE,
)
# A clause that is only the word, after the one the finding is named in: `…; withdrawn.`
_ALONE = re.compile(
    r"^\W*(?:withdrawn|retracted|withdrawing it|scratch that|(?:so\s+)?i\s+withdraw\s+it|"
    r"(?:a\s+)?false[ -]positive)\W*$",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"\b(?:not|never|no longer|n['’]t)\s+(?:\w+\s+){0,2}$|\bnot\s+(?:a\s+|an\s+)?$", re.IGNORECASE
)
_EARLIER = re.compile(
    r"\b(?:round|previous(?:ly)?|prior|last review|earlier review|first pass)\b", re.IGNORECASE
)
_CLAUSES = re.compile(r"[,;:]\s+|\s+(?:but|however|whereas|while|although)\s+", re.IGNORECASE)
_CODE = re.compile(r"`[^`\n]*`")
_OPENS = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s)")
_ID = re.compile(r"\b([CIS])-?(\d{1,4})\b")
# A part of the finding, not the finding: `I2's suggested fix`, `I2's severity`, `my test for
# I2`. Taking that back (`Disregard I2's suggested fix; use a lock`) leaves the finding standing.
_PARTS = (
    r"(?:fix(?:es)?|patch|suggestions?|recommendations?|tests?|severity|level|priority|rating|"
    r"examples?|wording|title|paragraph|line(?:\s+numbers?)?|location|place|snippet|repro|"
    r"proposals?|remedy|workaround|explanation|description|sketch|diff|code)"
)
_PART = re.compile(
    rf"\b[CIS]-?\d{{1,4}}['’]s\s+(?:\w+\s+){{0,2}}?{_PARTS}\b"
    rf"|\b{_PARTS}\s+(?:for|of|in|on|to|under)\s+(?:finding\s+)?[CIS]-?\d{{1,4}}\b",
    re.IGNORECASE,
)
# The same sentence says the finding stands: `…; the bug stands`, `the race itself is real`.
_STANDS = re.compile(
    r"\b(?:stands|still\s+(?:holds|applies|valid|a\s+(?:real\s+)?(?:bug|problem|issue))|"
    r"(?:is|remains)\s+(?:still\s+)?(?:real|valid|open|a\s+real\s+\w+))\b",
    re.IGNORECASE,
)
_STILL = re.compile(r"\bstill\b", re.IGNORECASE)
# Taken back only where it does not apply: `I2 is not a real issue for single-threaded runs,
# but every server loses counts` — the words after the contrast keep the finding.
_SCOPED = re.compile(r"\s+(?:for|on|in|under|with|when|if|unless|outside)\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|however|although|though|yet|whereas)\b", re.IGNORECASE)


def withdrawn(blocks: list[Block], drafts: list[Draft]) -> tuple[list[Draft], list[str]]:
    """`drafts` without the findings the review takes back by their ID, and a warning for
    each one taken back."""
    ids = {d.head.id.upper(): d for d in drafts if d.head.id}
    if not ids:
        return drafts, []
    gone: dict[str, str] = {}
    said = _sentences(blocks)
    for n, (sentence, masked) in enumerate(said):
        if n + 1 < len(said) and _goes_on(said[n + 1][0]):
            continue  # `… withdrawn. But `a.py:8` also never expires entries`: not taken back
        for fid in _takes_back(masked):
            if fid in ids and not _is_its_heading(masked, fid, ids[fid]):
                gone.setdefault(fid, one_line(sentence, 100))
    if not gone:
        return drafts, []
    kept = [d for d in drafts if not (d.head.id and d.head.id.upper() in gone)]
    warnings = [
        f"{fid} ({ids[fid].head.title}) is withdrawn by the seat ({why}); not counted"
        for fid, why in gone.items()
    ]
    return kept, warnings


# The next sentence opens with a contrast and tells a problem at a place: the seat takes the
# finding back in words and then tells what is still wrong there.
_GOES_ON = re.compile(r"^\W*(?:but|however|that\s+said|still|yet)\b", re.IGNORECASE)
# (a fault word, or no word that says the place is fine: `… never expires entries` is a
# problem no fault word names; `However, `a.py:3` is fine as it is` is none)
_PLACE = re.compile(r"`[^`\s]+:\d+")
_FINE = re.compile(
    r"\b(?:fine|correct|ok|okay|safe|intended|intentional|harmless|no\s+(?:problem|issue)|"
    r"nothing\s+(?:wrong|to\s+(?:fix|change))|already\s+(?:handled|covered|fixed))\b",
    re.IGNORECASE,
)


def _goes_on(sentence: str) -> bool:
    if not (_GOES_ON.match(sentence) and _PLACE.search(sentence)):
        return False
    return names_a_fault(sentence) or not _FINE.search(sentence)


def _sentences(blocks: list[Block]) -> list[tuple[str, str]]:
    """The review's sentences outside code and quotes, each as written and `_masked`; a
    paragraph's end is an empty sentence (no sentence runs into the next paragraph's)."""
    out: list[tuple[str, str]] = []
    for b in blocks:
        if about_earlier_rounds(b.title):
            continue
        held = b.held if len(b.held) == len(b.lines) else [False] * len(b.lines)
        paras: list[list[str]] = [[]]
        for line, fenced, quoted in zip(b.lines, b.fenced, held, strict=True):
            if fenced or quoted or not line.strip():
                paras.append([])
                continue
            if _OPENS.match(line):
                paras.append([])  # a heading or an item: no sentence runs into it
            paras[-1].append(line.strip())
        for para in paras:
            text = " ".join(para)
            masked = _masked(text)
            at = 0
            for m in [*SENTENCE_END.finditer(masked), None]:
                end = m.start() if m else len(text)
                out.append((text[at:end], masked[at:end]))
                at = m.end() if m else end
            out.append(("", ""))
    return out


def _masked(text: str) -> str:
    """`text` with its code spans blanked, same length: `` `retract()` `` names code, and a
    full stop inside one ends no sentence."""
    return _CODE.sub(lambda m: "`" + "x" * (len(m.group()) - 2) + "`", text)


def _takes_back(sentence: str) -> set[str]:
    """The IDs the sentence takes back: those named in a clause with a word that takes a finding
    back, or the sentence's one ID when a clause of it is only that word."""
    if _EARLIER.search(sentence):
        return set()
    named = _ids(sentence)
    if not named:
        return set()
    out: set[str] = set()
    clauses = _CLAUSES.split(sentence)
    for clause in clauses:
        if _ALONE.match(clause):
            out |= named if len(named) == 1 else set()
            continue
        for m in _TAKES_BACK.finditer(clause):
            if _DENIED.search(clause, 0, m.start()) or (
                _SCOPED.match(clause, m.end()) and _CONTRAST.search(sentence)
            ):
                continue
            out |= _ids(_PART.sub(" ", clause))
    # A clause that says the finding stands, naming it or no other finding, keeps it.
    for clause in clauses:
        # (`…; the import path still crashes on a duplicate`: it fails somewhere yet)
        if _STANDS.search(clause) or (_STILL.search(clause) and names_a_fault(clause)):
            said = _ids(clause)
            out -= said or (named if len(named) == 1 else set())
    return out


def _ids(text: str) -> set[str]:
    return {f"{m.group(1)}{m.group(2)}".upper() for m in _ID.finditer(text)}


def _is_its_heading(sentence: str, fid: str, draft: Draft) -> bool:
    """The line that opens the finding (`### I2 — Withdrawal skips the balance check`): its
    title, not words about it."""
    lead = re.match(r"^[\s#>*_\-+\d.)\[]*([CIS])-?(\d{1,4})\b", sentence)
    title = _masked(draft.head.title).strip().lower()
    return bool(
        lead
        and f"{lead.group(1)}{lead.group(2)}".upper() == fid
        and title
        and title[:40] in sentence.lower()
    )
