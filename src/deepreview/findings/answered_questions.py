"""Findings told inside the answers to a checklist's questions:

    **1. Does the change do what it says?**
    Mostly. The PR says expired tokens are refused, but `auth/tokens.py:71` compares `exp` in
    milliseconds, so no token ever expires. This has to be fixed before merging.

    **2. Are there tests for the new behaviour?**
    None for an expired token; please add one in `tests/test_tokens.py`.

A review that answers a template's questions (two or more bold lines that end on a question
mark, each with its answer under it) tells its problems in the answers. An answer that names a
problem, or asks for something (a fix, `please add a case`), at a place no finding read holds
is one finding: its first sentence with a place or a problem the title (after a one-word reply:
`Mostly.`, `Partly.`), the rest its text, its level the one its words give ("has to be fixed
before merging": critical), else important. An answer that
finds nothing (`Yes.`, "`tests/a.py:20` covers it") holds none; one with a problem we read
already (a `Minor:` nit inside it) is left to that finding. The seat's own questions to the
author (`## Questions`) are no such answers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from deepreview.findings.blocks import Block
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.levels import LEVEL_WORDS
from deepreview.findings.prose_levels import said_level
from deepreview.findings.prose_problems import names_a_placed_problem, prose_passages, tells_or_asks
from deepreview.findings.section_titles import Kind
from deepreview.findings.sentences import SENTENCE_END
from deepreview.model import Location

# A bold question of its own line, maybe numbered: `**1. Is it tested?**`, `**Tests?**`
_QUESTION: Final = re.compile(r"^(?:\*\*|__)(?:\d{1,2}[.)][ \t]*)?[^*_\n]{2,160}\?(?:\*\*|__)$")
# A reply of a word or two before the answer's sentences: `Mostly.`, `Not quite.`, `Partly —`
_REPLY: Final = re.compile(r"^(?:[A-Za-z]+[ \t]+)?[A-Za-z]+[.!—–][ \t]+(?=\S)")

# An answer asks for a change (`please add a case`, `should be renamed`): what it asks is missing
# or wrong, whatever its words (`Nothing covers an empty log`)
_ASKS: Final = re.compile(
    r"\bplease\b|\b(?:should|must|needs?\s+to|has\s+to|have\s+to)\s+(?:be\s+)?"
    r"(?:add|fix|change|rename|use|check|handle|cover|test|remove|validate|guard|document)\w*",
    re.IGNORECASE,
)


def _tells_or_asks(text: str) -> bool:
    return tells_or_asks(text) or _ASKS.search(text) is not None


def answered_problems(
    blocks: list[Block],
    held: Collection[tuple[str, int | None]],
    prefixes: tuple[str, ...] = (),
    quoted: Collection[str] = (),
) -> list[Draft]:
    """The findings the answers to a checklist's questions tell at places no finding read
    holds (`held`: each finding's places as (path, start line)); [] when the review is no such
    checklist."""
    # (`## Questions for the author`: the seat asks there, and what follows is no answer)
    answering = [b for b in blocks if "question" not in b.title.lower()]
    answers = _answers(prose_passages(answering, quoted, kinds=(Kind.PREAMBLE, Kind.OTHER)))
    if len(answers) < 2:
        return []
    drafts: list[Draft] = []
    held_files = {path for path, _line in held}
    for answer in answers:
        text = " ".join(answer.split())
        if not names_a_placed_problem(text, prefixes, tells=_tells_or_asks):
            continue
        places = list(dict.fromkeys(locations_in(text, prefixes)))
        lined = [loc for loc in places if loc.start is not None]
        if (
            any((loc.path, loc.start) in held for loc in lined)
            if lined
            else any(loc.path in held_files for loc in places)
        ):
            continue  # (told as a finding we read: `Minor: `a.py:30` names …`)
        drafts.append(_draft(text, lined or places[:1], prefixes))
    return drafts


def _answers(passages: list[str]) -> list[str]:
    """The answer under each bold question (its paragraph's other lines, or the paragraph after
    a question standing alone)."""
    out: list[str] = []
    after_question = False
    for p in passages:
        first, _, rest = p.partition("\n")
        if _QUESTION.match(first.strip()):
            if rest.strip():
                out.append(rest)
            after_question = not rest.strip()
        elif after_question:
            out.append(p)
            after_question = False
    return out


def _draft(text: str, places: list[Location], prefixes: tuple[str, ...]) -> Draft:
    """The answer as a finding: its first sentence with a place or a problem the title (after a
    one-word reply), the others its text; its level the one its words say, else none given."""
    reply = _REPLY.match(text)
    told = SENTENCE_END.split(text[reply.end() :] if reply is not None else text)
    k = next((i for i, s in enumerate(told) if locations_in(s, prefixes) or _tells_or_asks(s)), 0)
    head = FindingHead(id=None, title=told[k], style="plain", locations=places)
    word = said_level(text)
    if word is not None and word in LEVEL_WORDS:
        head.severity, head.level_word = LEVEL_WORDS[word], word
    body = " ".join(told[:k] + told[k + 1 :])
    return make_draft(head, None, body=body, prefixes=prefixes)
