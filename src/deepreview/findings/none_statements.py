"""Sentences that say a findings section has nothing: `None.`, `No critical issues were
found.`, `I found no issues.`, `Keine.` — told apart from real titles that open with the same
words (`No test covers `f``, `None of the handlers check errors`)."""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.ids import FINDING_ID
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.section_titles import NONE_WORDS
from deepreview.findings.sentences import SENTENCE_END, sentences

# A whole short text that is only "none" (`_SAYS_NONE` reads a sentence that opens with it).
_NONE = re.compile(
    r"^(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?"  # `- None.` as a list's only item
    r"[_*]*(?:none(?: (?:found|identified|noted|spotted))?|n/a|"
    r"nothing(?: to report| (?:critical|important|major|significant|serious|blocking))?|"
    # `Keine.`, `Aucun.`, `なし。`, `—` (`section_titles.NONE_WORDS`)
    rf"{'|'.join(map(re.escape, NONE_WORDS))}|"
    r"no (?:[\w-]+ ){0,3}"
    r"(?:issues?|findings?|suggestions?|concerns?)(?: (?:found|identified|noted|raised))?)"
    r"[ .!_*。]*(?:\(.*\))?[ .。]*$",
    re.IGNORECASE,
)

# A sentence saying a section has nothing: `None — the change is small.`, `No critical issues
# were found.`, `I found no issues.` Real titles open with the same words (`No test covers
# `f``, `Nothing removes the block`, `None of the handlers check errors`, `There are no tests
# for X`): only an issue-word after the negation, or `none` / `nothing` alone, says none.
# (or a list of one-word kinds: `No critical, important, or minor issues`)
_ISSUE_WORDS = (
    r"(?:(?:[\w-]+, ){1,4}(?:[\w-]+,? )?(?:and |or |nor )?[\w-]+ |(?:[\w-]+ ){0,3})"
    r"(?:issues?|findings?|problems?|concerns?|bugs?|defects?|suggestions?|blockers?)\b"
)
# `The rename is correct and complete; I have nothing to report.`: praise of the whole change
# before the none (an adjective of fault, `incomplete`, is not in the list)
_FINE = r"(?:correct|complete|fine|good|clean|sound|solid|safe|straightforward|ok|okay)"
_PRAISED = (
    rf"(?:(?:(?:the|this) (?:[\w-]+ ){{0,2}}(?:is|looks|seems|reads) (?:\w+ )?{_FINE}"
    rf"(?:,? (?:and )?(?:\w+ )?{_FINE})*"
    # `Looks good to me — I have nothing to add.`, `LGTM; nothing to report.`
    r"|(?:(?:it|this|everything|all) )?looks? (?:good|fine|great)(?: to me)?|lgtm)"
    r"\s*[;,.:—–-]\s*)?"
)
_SAYS_NONE = re.compile(
    rf"^(?:[✅✔✓☑🟢]\ufe0f?\s*)?{_PRAISED}(?:none(?!\s+of\b)\b|n/?a\b|(?:0|zero)\s*(?:[.!]|$)"
    r"|(?:(?:i (?:found|see|saw|have|had)|there(?:'s|’s| is)) )?"
    r"nothing(?:\s+else)?(?:\s+(?:to\s+(?:report|flag|add|note|fix|change)|found|of\s+note"
    r"|stood\s+out|worth\s+(?:changing|flagging|noting|mentioning|reporting)"
    # `I found nothing that needs changing`, `Nothing needs to be fixed`
    r"|(?:that\s+|which\s+)?needs?\s+(?:changing|fixing|to\s+(?:change|be\s+(?:changed|fixed))))"
    r"(?:\s+(?:here|in\s+(?:this|the)\s+(?:change|pr|diff|patch)))?)?\s*(?:[.!:;,—–-]|$)"
    rf"|(?:there (?:are|were|is)|i (?:found|see|saw|have|had)) no {_ISSUE_WORDS}"
    r"|(?:i )?(?:did(?:n['’]t| not)|could(?:n['’]t| not)|can(?:['’]t| ?not)|do(?:n['’]t| not))"
    rf" (?:find|see|spot|identify) (?:any )?"
    rf"{_ISSUE_WORDS}"
    rf"|(?:no|zero|0) {_ISSUE_WORDS}"
    # `All clear.`, `All clear — every caller is updated.`
    r"|all clear\s*(?:[.!:;,—–-]|$)"
    # `Keine.`, `Aucun.`, `なし。` alone (`section_titles.NONE_WORDS`)
    rf"|(?:{'|'.join(map(re.escape, NONE_WORDS))})\s*(?:[.!:;,—–。]|$))",
    re.IGNORECASE,
)
# a sentence that takes its "all is well" back (`No issues in the parser, but …`)
TAKES_BACK = re.compile(r"\b(?:but|however|except|although|though|apart from|other than)\b", re.I)
_ITEM_MARKUP = re.compile(rf"^{LIST_MARKER}[ \t]+(?:\[[ xX]\][ \t]+)?|[*_`()]")


# `No defects found in the happy path. The error path drops the exception silently.`: a none
# about one part (not `in this PR`), then a sentence telling a fault elsewhere
_PART: Final = re.compile(
    r"\b(?:in|for|on|with)\s+(?!(?:this|the)\s+(?:change|pr|diff|patch|code|review)\b)\w",
    re.IGNORECASE,
)


def says_none(text: str) -> bool:
    """`text` (a list item, a paragraph) opens by saying there is nothing to report, and does
    not take it back in the same sentence (`No issues in the parser, but the cache leaks`), nor
    says it of one part and then tells a fault in a later sentence."""
    t = _ITEM_MARKUP.sub("", text.strip()).strip()
    first, *rest = SENTENCE_END.split(t, maxsplit=1)
    m = _SAYS_NONE.match(t)
    back = TAKES_BACK.search(first)
    if m is None or (back is not None and not _points_at_a_finding(first[back.end() :])):
        return False
    if rest and PLACE_LINE.search(rest[0]) and not _SETTLED.search(rest[0]):
        # `No findings. One thing: `auth.py:31` compares the token with `==`, which is
        # vulnerable …`: a fault at a place after the "none" is a finding we could not read
        said = sentences(rest[0])
        if any(PLACE_LINE.search(s) and names_a_fault(s) for s in said):
            return False
    # `None found in the export path. In `import.py:40` the parser skips …`: none of one part,
    # then another part at a place: a fault no fault word may name
    return not (
        rest
        and _PART.search(first, m.end())
        and (names_a_fault(rest[0]) or _unsettled_place(rest[0]))
    )


def _unsettled_place(text: str) -> bool:
    return bool(PLACE_LINE.search(text)) and not _SETTLED.search(text)


# `None — though I1 comes close.`, `None, but see I1.`: after the "though" only a pointer at a
# finding the review raises elsewhere, which takes nothing back
_POINTER: Final = re.compile(
    rf"^\s*(?:see\s+|cf\.?\s+)?{FINDING_ID}\b[^.;!?`:]{{0,40}}[.!]?\s*$", re.IGNORECASE
)


def _points_at_a_finding(rest: str) -> bool:
    return _POINTER.match(rest) is not None and not names_a_fault(rest)


# A place with a line (`auth.py:31`, `a.py#L9`), and words that say its problem is not this
# change's (fixed, from an earlier round, older than the change).
PLACE_LINE: Final = re.compile(r"\b[\w./-]+\.\w{1,8}(?::\d+|#L\d+)")
_SETTLED: Final = re.compile(
    r"\b(?:fixed|resolved|addressed|pre-?exist\w*|predates?|not\s+introduced|out\s+of\s+scope|"
    r"round\s+\d|earlier\s+round|previous(?:ly)?|unchanged|already)\b",
    re.IGNORECASE,
)


def is_none_marker(text: str) -> bool:
    """`text` is only a short none marker: `None.`, `- N/A`, `No issues found.`, `Keine.`"""
    t = text.strip()
    # (`No issues found. (Minor: `a.py:12` compares the digest with `==` …)`: a finding in
    # the aside, not a none)
    aside = t[t.find("(") :] if "(" in t else ""
    if PLACE_LINE.search(aside) and names_a_fault(aside):
        return False
    if t in BARE_MARKERS:
        return True  # an empty list item for a section with nothing in it, as `—` is
    return bool(t) and len(t) < 120 and bool(_NONE.match(t))


# `-` alone under a severity heading: a small model's "none", the list it has nothing to put in
BARE_MARKERS: Final = frozenset({"-", "--", "*", "+"})
