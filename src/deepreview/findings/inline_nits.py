"""A nit told inline after a verdict word: `LGTM! One nit: `calc.py:4` — `div` could use a
type hint.`

The whole review is one line of prose, so no section or list holds the finding, and "LGTM"
would make it a review that found nothing.  The nit is a suggestion at its place: the line is
split into its lead-in (`LGTM!`) and a list item tagged `[nit]`, a shape the findings reader
knows.  Only when the label (`nit`, `nitpick`, `minor`, `suggestion`) is followed at once by a
place with a line: "one suggestion: consider renaming it" names no place and stays prose.
"""

from __future__ import annotations

import re
from typing import Final

_INLINE_NIT: Final = re.compile(
    r"^(?P<lead>\s*(?:\S.*?[.!:;,]\s+)?)"
    r"(?:(?:one|a|just\s+one|only\s+one|single|small|tiny|minor)\s+)*"
    r"(?P<label>nit(?:pick)?|minor|suggestion)s?\s*[:—–-]\s*"
    r"(?P<rest>`?[\w./-]+\.\w{1,10}:\d+(?:[-–]\d+)?`?.*)$",
    re.IGNORECASE,
)


def split_inline_nits(lines: list[str], mask: list[bool]) -> list[str] | None:
    """The lines with each inline nit made a tagged list item, or None when there is none."""
    out: list[str] = []
    changed = False
    for line, fenced in zip(lines, mask, strict=True):
        m = (
            None
            if fenced or line.lstrip().startswith(("#", "-", "*", "|", ">"))
            else (_INLINE_NIT.match(line))
        )
        if m is None:
            out.append(line)
            continue
        changed = True
        tag = "minor" if m.group("label").lower() == "minor" else "nit"
        if m.group("lead").strip():
            out.extend([m.group("lead").rstrip(), ""])
        out.append(f"- [{tag}] {m.group('rest').strip()}")
    return out if changed else None
