"""Findings as a definition list (Pandoc, PHP Markdown Extra): a term on its own line (the
place, or a title), its definition on the next line after `: `, the definition's later lines
indented. Each definition is a list item holding its term: `- term — definition`; a bold lead
the definition opens with (`**Critical.**`, `**Major:**`) leads the item, so the level is read
as an item's.

Only a term right above a `: ` line (a blank line between, as Pandoc allows), outside code, in
a review with two definitions or more: one `: ` line in prose is a sentence's odd start.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_DEFINITION: Final = re.compile(r"^:[ \t]+(?P<d>\S.*)$")
_LEAD: Final = re.compile(r"^(?P<lead>\*\*[^*\n]{1,30}\*\*[.:]?)[ \t]+(?P<r>\S.*)$")
_NO_TERM: Final = re.compile(r"^(?:[ \t]|#|[-*+][ \t]|\d+[.)][ \t]|:|>|\|)")


def _term_above(lines: list[str], code: list[bool], i: int) -> int | None:
    for j in (i - 1, i - 2):
        if j < 0 or code[j]:
            return None
        if lines[j].strip():
            return j if not _NO_TERM.match(lines[j]) else None
        if j == i - 2:
            return None
    return None


def definitions_as_items(lines: list[str]) -> list[str]:
    """The review's lines with each term and its definition as one list item, one line for
    one; `lines` itself when it holds fewer than two definitions."""
    code = code_lines(lines)
    pairs = [
        (t, i)
        for i, line in enumerate(lines)
        if not code[i]
        and _DEFINITION.match(line)
        and (t := _term_above(lines, code, i)) is not None
    ]
    if len(pairs) < 2:
        return lines
    out = list(lines)
    for t, i in pairs:
        m = _DEFINITION.match(lines[i])
        assert m is not None  # (matched above)
        term, text = lines[t].strip(), m["d"]
        lead = _LEAD.match(text)
        out[t] = ""
        out[i] = (
            f"- {lead['lead']} {term} — {lead['r']}" if lead is not None else f"- {term} — {text}"
        )
    return out
