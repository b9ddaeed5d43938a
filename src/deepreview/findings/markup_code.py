"""Which lines of a review written in another markup are code, for the passes that rewrite that
markup as Markdown before the review is read (`foreign_markup`): a Markdown fence (a seat mixes
them), and the lines an `open`/`close` pair of that markup's own encloses (`#+BEGIN_SRC`). A
line of tildes is a fence only where `tildes` says so: in reStructuredText it underlines a
title."""

from __future__ import annotations

import re
from typing import Final

_FENCE: Final = re.compile(r"^[ \t]{0,3}(?P<f>`{3,}|~{3,})")


def code_lines(lines: list[str], *, tildes: bool = True) -> list[bool]:
    """True for each line inside a fenced block (fence lines included); an unclosed fence runs
    to the end, as a reader of the text would see it."""
    mask = [False] * len(lines)
    opened: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if opened is not None:
            mask[i] = True
            closing = m is not None and m["f"][0] == opened[0] and len(m["f"]) >= len(opened)
            if closing and m is not None and not line[m.end() :].strip():
                opened = None
            continue
        if m is not None and (tildes or m["f"][0] == "`"):
            opened = m["f"]
            mask[i] = True
    return mask
