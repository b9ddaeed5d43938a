"""A heading's level tag written in the review's language (`### 1. Injeção de SQL (Crítico)`,
`### Cache nie geleert [Hoch]`, `### (Mineur) Nom peu clair`): the English tag of the same rank
(`(Critical)`, `[High]`, `(Minor)`), so the heading reads as an English one does. Only a
bracketed word at the heading's end or start that is a level word of `label_words`
(`(Médio)` medium, `(Baixo)` low); any other bracketed word stays.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.label_words import english_level
from deepreview.findings.markup_code import code_lines

_HEADING: Final = re.compile(r"^(?P<h>#{1,6}[ \t]+)(?P<t>.*)$")
_END: Final = re.compile(r"(?P<o>[(\[])(?P<w>[^\W\d_]+)(?P<c>[)\]])(?P<e>[*_]*)$")
_START: Final = re.compile(r"^(?P<n>(?:\d+[.)][ \t]+)?)(?P<o>[(\[])(?P<w>[^\W\d_]+)(?P<c>[)\]])")


def _english(m: re.Match[str]) -> str | None:
    word = english_level(m["w"])
    return None if word == m["w"] else m["o"] + word.capitalize() + m["c"]


def _title(text: str) -> str:
    """A heading's text without its closing `#`s and blanks (in Python: a pattern for them
    scans a long run of blanks once from each blank)."""
    title = text.rstrip(" \t")
    bare = title.rstrip("#")
    return bare.rstrip(" \t") if bare != title and bare[-1:] in (" ", "\t") else title


def heading_tags_in_english(lines: list[str]) -> list[str]:
    """The review's lines with each heading's level tag in English, one line for one; `lines`
    itself when no heading has one in another language."""
    code = code_lines(lines)
    out = list(lines)
    for i, line in enumerate(lines):
        h = _HEADING.match(line) if not code[i] else None
        title = _title(h["t"]) if h is not None else ""
        if h is None or not title:
            continue
        end = _END.search(title)
        said = _english(end) if end is not None else None
        if end is not None and said is not None:
            title = title[: end.start()] + said + end["e"]
        start = _START.match(title)
        said = _english(start) if start is not None else None
        if start is not None and said is not None:
            title = start["n"] + said + title[start.end() :]
        if title != _title(h["t"]):
            out[i] = h["h"] + title
    return out if out != lines else lines
