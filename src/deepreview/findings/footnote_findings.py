"""Findings told in Markdown footnotes: the prose says what is wrong and marks it (`… holds a
lock for the whole backfill[^1], …`), the footnote gives the place and the level
(`[^1]: `db/0042.sql` line 5 — blocking. Add the column nullable, …`).

A careful reader takes each footnote that names a place and a problem as one finding: its place
the footnote's, its level the footnote's words (`blocking`, `should fix before merge`, `nit`, a
`(high)` tag), else unrated with a warning as any finding with no level; its title what the
prose says up to the footnote's mark (the whole sentence when that is only a word or two), the
footnote's other words its text. A footnote that only cites (`see RFC 9110`, a bare URL, `see
`docs/api.md` line 4``) stays a note: it names no problem. The footnotes read are blanked, line
for line, so no section reader reads their text a second time.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, parse_tail
from deepreview.findings.levels import tag_level, title_level
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.sentences import SENTENCE_END

_DEFINITION: Final = re.compile(r"^ {0,3}\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*(?P<text>.*)$")
# a line that opens something of its own, so no lazy continuation of a footnote
_OPENS: Final = re.compile(r"^ {0,3}(?:#|[-*+][ \t]|\d+[.)][ \t]|>|```|~~~|\|)")
# the words a citation opens with: the footnote points elsewhere, it tells no problem
_CITES: Final = re.compile(
    r"^(?:see|cf\.?|per|source|from|via|compare|according\s+to|as\s+in|quoted\s+from|"
    r"https?://)\b",
    re.IGNORECASE,
)
# where the level's words end in the footnote's text: `blocking. Add …`, `should fix; convert …`
_SEGMENT_END: Final = re.compile(r"[.;:,—–()\[\]]|[ \t]-[ \t]")
_EMPHASIS: Final = re.compile(r"\*\*|__")
# where a sentence parts its clauses (`…[^2], so a slow consumer charges twice, and the log
# prints the payload[^3]`): the mark's clause is the last one before it
_CLAUSE: Final = re.compile(
    r"(?:[,;][ \t]+(?:and|but|while|whereas|so|plus|then)|;)[ \t]+", re.IGNORECASE
)
_FEW_WORDS: Final = 3


def footnote_findings(
    lines: list[str], mask: list[bool], prefixes: tuple[str, ...] = ()
) -> tuple[list[Draft], list[str]]:
    """The findings the footnotes of `lines` tell, and `lines` with those footnotes blanked
    (`lines` itself when there is none)."""
    spans = _definitions(lines, mask)
    if not spans:
        return [], lines
    inside = {k for _, i, j in spans for k in range(i, j)}
    prose = _paragraphs([ln for k, ln in enumerate(lines) if k not in inside and not mask[k]])
    drafts: list[Draft] = []
    out = list(lines)
    for label, i, j in spans:
        first = _DEFINITION.match(lines[i])
        assert first is not None  # (`_definitions` opened the span with it)
        text = " ".join([first["text"], *(ln.strip() for ln in lines[i + 1 : j])])
        draft = _finding(label, " ".join(text.split()), prose, prefixes)
        if draft is None:
            continue
        drafts.append(draft)
        for k in range(i, j):
            out[k] = ""
    return drafts, (out if drafts else lines)


def _definitions(lines: list[str], mask: list[bool]) -> list[tuple[str, int, int]]:
    """(label, first line, end) of each footnote definition: its first line, the indented
    lines after it, and lines that run on from it with no blank line between."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(lines):
        m = None if mask[i] else _DEFINITION.match(lines[i])
        if m is None:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not mask[j]:
            line = lines[j]
            if _DEFINITION.match(line) or (not line.strip() and not _indented_after(lines, j)):
                break
            if line.strip() and not line[:1].isspace() and _OPENS.match(line):
                break  # (a heading or a list after the footnote: no lazy continuation)
            j += 1
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
        out.append((m["label"], i, j))
        i = j
    return out


def _indented_after(lines: list[str], j: int) -> bool:
    """The blank line `j` is followed by an indented line: the footnote goes on after it."""
    k = j
    while k < len(lines) and not lines[k].strip():
        k += 1
    return k < len(lines) and lines[k][:1].isspace()


def _paragraphs(lines: list[str]) -> list[str]:
    return [" ".join(p.split()) for p in "\n".join(lines).split("\n\n") if p.strip()]


def _finding(label: str, text: str, prose: list[str], prefixes: tuple[str, ...]) -> Draft | None:
    head = FindingHead(id=None, title="", style="plain")
    parse_tail(head, _EMPHASIS.sub("", text), prefixes)
    if not head.locations:
        return None  # (`see RFC 9110`: a note)
    words = head.leftover.strip(" \t—–-:;,.")
    if head.severity is None:
        words = _level_lead(head, words)
    told, sentence = _told(label, prose)
    if head.severity is None and (
        not words or _CITES.match(words) or not names_a_fault(f"{told} {words}")
    ):
        return None  # a citation, or words that name no problem
    if not told:
        told = SENTENCE_END.split(words, maxsplit=1)[0]
        words = words[len(told) :].strip()
    head.title = told.rstrip(".") or str(head.locations[0])
    body = "\n\n".join(p for p in (sentence if sentence != told else "", words) if p)
    head.leftover = ""
    return make_draft(head, None, body=body, prefixes=prefixes)


def _level_lead(head: FindingHead, words: str) -> str:
    """`words` without the level they open with (`blocking. Add …`, `should fix before merge;
    convert …`, `High — …`), which becomes the head's level."""
    end = _SEGMENT_END.search(words)
    lead = words[: end.start()] if end else words
    rated = title_level(lead.strip().lower()) if lead.strip() else None
    if rated is None:
        return words
    head.severity = rated[0]
    head.level_word = next(
        (w for w in re.split(r"[^a-z0-9-]+", lead.lower()) if tag_level(w) is rated[0]), None
    )
    return words[len(lead) :].strip(" \t—–-:;,.")


def _told(label: str, prose: list[str]) -> tuple[str, str]:
    """What the prose says up to the mark of footnote `label`, and the whole sentence holding
    the mark (both without marks); ("", "") when no prose marks it."""
    mark = f"[^{label}]"
    for para in prose:
        at = para.find(mark)
        if at < 0:
            continue
        starts = [m.end() for m in SENTENCE_END.finditer(para, 0, at)]
        start = starts[-1] if starts else 0
        ends = SENTENCE_END.search(para, at)
        sentence = _unmarked(para[start : ends.start() if ends else len(para)])
        before = para[start:at]
        cut = before.rfind("[^")
        if cut >= 0:
            close = before.find("]", cut)
            before = before[close + 1 :] if close >= 0 else before
        clause = _unmarked(before).strip(" \t,;:—–-")
        parts = _CLAUSE.split(clause)
        if len(parts[-1].split()) >= _FEW_WORDS:
            clause = parts[-1]
        if len(clause.split()) < _FEW_WORDS:
            clause = sentence.rstrip(".")
        return clause[:1].upper() + clause[1:], sentence
    return "", ""


def _unmarked(text: str) -> str:
    return " ".join(re.sub(r"\[\^[^\]\s]{1,40}\]", "", text).split())


__all__ = ["footnote_findings"]
