"""Notes anchored on a quoted line of code rather than on a line number.

`notes.py` credits a reviewer whose note cites lines near a finding's. A reviewer also points
at a place by quoting it: its design concern says the `ipcRenderer.on('settings-read', (event,
settings) => ...)` listener in `General.vue` is never removed (citing a line nine lines off, or
none), its Unresolved Feedback that `api_app.md` still has the typo `Valide values:`. When
another reviewer's finding quotes that very line in its code block, both saw the same place.

A code note credits its reviewer on a finding when all of these hold:
- the note names the finding's file (with or without a line);
- it quotes a piece of code, not a bare name: a code span with a space or punctuation other
  than `.`/`_`/`-`, of at least `_MIN_CODE` characters (an ellipsis at its end dropped), that
  is part of one line of the code the finding quotes;
- it names a fault (`notes._FAULTS`) and is no approval of the place;
- it tells the same problem: a failure kind both name (`claims.claims_in`), or, naming no
  other failure, two words of four letters or more of the finding's title outside code. A
  shared file or name is not enough.

Notes come from the Testing and Documentation Assessments, design *concerns* and an Unresolved
Feedback section (a review comment the author left unapplied is a problem there); never from
strengths, Acknowledged Limitations (they quote the code's comments on known limits) or the
Coverage Summary ("Reviewed, no issues" is the opposite of a sighting).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from deepreview.consolidate.claims import claims_in, conflict
from deepreview.consolidate.features import PathResolver, fenced_code, strip_fences, words
from deepreview.markdown_fence import without_code_spans
from deepreview.model import AgentReview, Finding

_MIN_CODE = 10  # a quoted fragment shorter than this may be in any line of the file
_SPAN = re.compile(r"`([^`\n]+)`")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# a path in a code span, a link's text or plain prose; `:12`, `#L12` after it is dropped
_PATH = re.compile(r"(?<![\w/.@+-])((?:[\w.@+-]+/)*[\w@+-][\w.@+-]*\.[A-Za-z][A-Za-z0-9]{0,9})\b")
_NAME_ONLY = re.compile(r"[\w.-]+\(?\)?")
_UNRESOLVED = re.compile(r"\bunresolved\b|\bunaddressed\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*\)?\s*;?$")


@dataclass(frozen=True)
class CodeNote:
    """A paragraph or item of a review that quotes code of a file it names."""

    seat: str
    section: str  # "Design Observations"
    paths: tuple[str, ...]  # every file the text names, as written
    code: tuple[str, ...]  # the code fragments it quotes, normalised (`_norm`)
    text: str  # the paragraph or item, on one line


def _norm(code: str) -> str:
    return " ".join(code.split())


def _fragments(unit: str) -> tuple[str, ...]:
    """Code spans that are a piece of a line, not a name: `foo(a, b)`, `Valide values:`."""
    out: list[str] = []
    for m in _SPAN.finditer(unit):
        code = _norm(_ELLIPSIS.sub("", m.group(1)))
        if (
            len(code) >= _MIN_CODE
            and not _NAME_ONLY.fullmatch(code)
            and not _PATH.fullmatch(code)
            and not _URL.match(code)
        ):
            out.append(code)
    return tuple(out)


# A list item's opening: each item is a unit of its own, as a paragraph is.
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def text_units(text: str) -> Iterator[str]:
    """Paragraphs and list items, code blocks blanked: the text a note or citation belongs to
    (`notes` reads its citations in the same units)."""
    unit: list[str] = []
    for line in strip_fences(text).splitlines():
        if not line.strip() or LIST_ITEM.match(line):
            if unit:
                yield "\n".join(unit)
            unit = [line] if line.strip() else []
        else:
            unit.append(line)
    if unit:
        yield "\n".join(unit)


def _sections(review: AgentReview) -> Iterator[tuple[str, str]]:
    t, d = review.testing, review.documentation
    yield from (("Testing Assessment", s) for s in (t.intro, *t.items))
    yield from (("Documentation Assessment", s) for s in (d.intro, *d.items))
    yield from (
        ("Design Observations", o.text) for o in review.design_observations if o.kind == "concern"
    )
    yield from ((s.title, s.body) for s in review.other_sections if _UNRESOLVED.search(s.title))


def code_notes_of(seat: str, review: AgentReview, faults: re.Pattern[str]) -> tuple[CodeNote, ...]:
    """Every paragraph or item outside the review's findings that quotes code of a file it
    names and says something `faults` matches outside its code."""
    out: list[CodeNote] = []
    for section, text in _sections(review):
        for unit in text_units(text):
            if unit.lstrip().startswith("|"):
                continue  # a verdict table, not a remark
            code = _fragments(unit)
            if not code or not faults.search(without_code_spans(unit)):
                continue
            paths = tuple(dict.fromkeys(m.group(1) for m in _PATH.finditer(unit)))
            if paths:
                out.append(CodeNote(seat, section, paths, code, " ".join(unit.split())))
    return tuple(out)


def quotes_its_code(note: CodeNote, finding: Finding, resolver: PathResolver) -> bool:
    """The note names the finding's file, quotes a piece of a line the finding quotes, and
    tells the same problem (module docstring)."""
    files = {resolver.resolve(loc.path) for loc in finding.locations}
    if not files & {resolver.resolve(p) for p in note.paths}:
        return False
    lines = [_norm(line) for line in fenced_code(finding.body).splitlines()]
    if not any(c in line for c in note.code for line in lines if line):
        return False
    said, faulted = claims_in(note.text), claims_in(f"{finding.title}\n{finding.body}")
    if said & faulted:
        return True
    if conflict(said, faulted):
        return False
    # two title words: one ("panel") is what any remark about that code may share
    title = {w for w in words(without_code_spans(finding.title)) if len(w) >= 4}
    return len(title & set(words(without_code_spans(note.text)))) >= 2
