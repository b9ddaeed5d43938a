"""A counted paragraph with no place that closes a review's counted findings:

    First, the retry loop never stops … at `upload/client.py:40` …
    Second, a zero chunk size makes the loop spin at `upload/chunks.py:12` …
    Finally, there is no test for a failed upload.

The reviewer counts its findings (`First,` … `Finally,`), and every other counted paragraph
is one: the last, which names a fault (`no test`, `never`, `is missing`) but no place, is one
more, with no place (the whole change), never the closing words of the review. Only then: an
ordinary closing word (`Finally, the code is clean.`) names no fault, and where the counted
paragraphs are not all findings (`First, I read the tests.`) the counting is the reviewer's
prose, not a list of findings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.findings import FindingsResult
from deepreview.findings.head import FindingHead
from deepreview.findings.problem_words import names_a_fault, says_undenied
from deepreview.findings.prose_problems import asks_for_changes

# `First, …`, `Secondly, …`, `Finally, …`: the paragraph's place in the review's count
ORDINAL: Final = re.compile(
    r"^(?:first|second|third|fourth|fifth|next|also|finally|lastly|additionally)(?:ly)?,[ \t]+"
    r"(?=\S)",
    re.IGNORECASE,
)
# A fault with no place told plainly, beside the problem words: a missing test or check
_MISSING: Final = re.compile(
    r"\b(?:no|missing|lacks?\s+(?:a|any))\s+(?:\w+\s+){0,2}?(?:tests?|checks?|validation|"
    r"handling|timeouts?|limits?)\b|\b(?:never|not)\s+(?:tested|checked|validated|handled)\b",
    re.IGNORECASE,
)


def without_ordinal(line: str) -> str:
    m = ORDINAL.match(line)
    return line if m is None else line[m.end() :][:1].upper() + line[m.end() + 1 :]


def counted_fault(
    lines: list[str],
    items: list[str],
    prefixes: tuple[str, ...],
    drafts: list[Draft],
    res: FindingsResult,
) -> tuple[list[Draft], FindingsResult]:
    """`drafts` and `res` of the paragraphs read as place-led items (`items`, one line for
    one of `lines`), with the counted paragraph right after the last of them that names a
    fault and no place (see the module doc) one more finding, the list then ending after it;
    as they are otherwise."""
    paras = _paragraphs(lines)
    led = [k for k, (start, _end) in enumerate(paras) if items[start] != lines[start]]
    if not led or led[-1] + 1 >= len(paras) or len(drafts) != len(led):
        return drafts, res
    counted = [k for k, (start, _end) in enumerate(paras) if ORDINAL.match(lines[start])]
    last = led[-1] + 1
    others = [k for k in counted if k != last]
    if last not in counted or len(others) < 2 or not set(others) <= set(led):
        return drafts, res
    start, end = paras[last]
    text = " ".join(line.strip() for line in lines[start:end])
    if not _a_fault(text) or asks_for_changes(text):
        return drafts, res
    title, _, body = without_ordinal(text).partition(". ")
    head = FindingHead(id=None, title=title.strip().rstrip("."), style="placed")
    draft = make_draft(head, None, body=body.strip(), prefixes=prefixes)
    return [*drafts, draft], replace(res, drafts=[*drafts, draft], closing=max(res.closing, end))


def _a_fault(text: str) -> bool:
    return names_a_fault(text) or says_undenied(_MISSING, text)


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: lines parted by blank ones."""
    paras: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if paras and paras[-1][1] == i:
            paras[-1] = (paras[-1][0], i + 1)
        else:
            paras.append((i, i + 1))
    return paras
