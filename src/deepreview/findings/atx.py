"""An ATX heading's level marks and text (`### Title ##` -> `###`, `Title`), read in time linear
in the line.

The former regexes `^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$` tried the closing
sequence from every character of a lazy title, each try scanning the rest of a blank run:
quadratic or worse (54 s on `### **`, 5,000 tabs and `x y` in a seat's review). Same result:
the title is the shortest that leaves only blanks, or blanks, `#`s and blanks, after it."""

from __future__ import annotations

import re
from typing import Final

_OPENING: Final = re.compile(r" {0,3}(#{1,6})[ \t]++")


def atx_heading(line: str, *, titled: bool = False) -> tuple[str, str] | None:
    """(the `#` marks, the title) of the ATX heading `line`, or None; `titled`: only a heading
    whose title starts with a non-blank character (no empty title)."""
    m = _OPENING.match(line)
    if m is None:
        return None
    rest = line[m.end() :]
    if rest.endswith("\n"):  # `$` matches before a final line break
        rest = rest[:-1]
    if "\n" in rest or (titled and (not rest or rest[0].isspace())):
        return None
    text = rest.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and bare[-1:] in (" ", "\t"):
        text = bare.rstrip(" \t")
    return m.group(1), text
