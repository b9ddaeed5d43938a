"""Aider's edit blocks as a finding's fix: a line naming only a file, then a code block holding
`<<<<<<< SEARCH` … `=======` … `>>>>>>> REPLACE`. The file line is the fix's label
(`Fix: `src/dates.py``), so the block under it is the finding's Fix, not its text.

Only a block with both markers: a file line over a plain excerpt of code, or conflict markers
quoted in a finding (`<<<<<<< HEAD`), stay the finding's text.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_FILE_LINE: Final = re.compile(r"^[ \t]*[`*]*(?P<p>[\w.-]*[\w-]/?[\w./-]*\.\w{1,10})[`*]*:?[ \t]*$")
_SEARCH: Final = re.compile(r"^[ \t]*<{5,9}[ \t]*SEARCH[ \t]*$")
_REPLACE: Final = re.compile(r"^[ \t]*>{5,9}[ \t]*REPLACE[ \t]*$")


def _edit_block(lines: list[str], code: list[bool], start: int) -> bool:
    """The code block opening at `start` holds a SEARCH and a REPLACE marker."""
    body: list[str] = []
    for j in range(start + 1, len(lines)):
        if not code[j] or re.match(r"^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]*$", lines[j]):
            break
        body.append(lines[j])
    return any(_SEARCH.match(x) for x in body) and any(_REPLACE.match(x) for x in body)


def edit_blocks_as_fixes(lines: list[str]) -> list[str]:
    """The review's lines with each edit block's file line as its fix's label; `lines` itself
    when it has none."""
    code = code_lines(lines)
    out: list[str] | None = None
    for i in range(len(lines) - 1):
        m = _FILE_LINE.match(lines[i]) if not code[i] and code[i + 1] else None
        if m is not None and _edit_block(lines, code, i + 1):
            out = out if out is not None else list(lines)
            out[i] = f"Fix: `{m['p']}`"
    return out if out is not None else lines
