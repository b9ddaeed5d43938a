"""Findings exported as CSV or TSV in a code block (```` ```csv ````, a header row naming the
columns, one finding a row, quoted fields holding commas): the pipe table it stands for, which
`table_findings` reads as any findings table.

Only a block that is such a table: labelled `csv` or `tsv` (or unlabelled), every line one
record of the header's width (three columns or more), the header naming a level column
(`severity`, `level`, `priority`) and a place column (`file`, `path`, `location`). Data of the
change quoted in a block (a fixture's rows) names no level and stays code. The block's lines
are kept in number: its opening fence carries the header, the header line the rule under it.
"""

from __future__ import annotations

import csv
import re
from typing import Final

_OPEN: Final = re.compile(r"^[ \t]{0,3}(?P<f>`{3,}|~{3,})[ \t]*(?P<lang>[^`\s]*)[ \t]*$")
_LEVEL: Final = frozenset(("severity", "level", "priority", "sev", "impact"))
_PLACE: Final = frozenset(("file", "path", "location", "filename", "file:line", "place"))


def _records(body: list[str], tab: bool) -> list[list[str]] | None:
    rows = [next(csv.reader([x], delimiter="\t" if tab else ","), []) for x in body]
    width = len(rows[0]) if rows else 0
    if width < 3 or len(rows) < 2 or any(len(r) != width for r in rows):
        return None
    head = {c.strip().lower() for c in rows[0]}
    return rows if head & _LEVEL and head & _PLACE else None


def _pipes(cells: list[str]) -> str:
    return "| " + " | ".join(c.strip().replace("|", "\\|") for c in cells) + " |"


def _as_table(block: list[str]) -> list[str] | None:
    """The block's lines (fences included) as a pipe table, None when it is no such table."""
    m = _OPEN.match(block[0])
    body = block[1:-1]
    lang = m["lang"].lower() if m is not None else "?"
    if lang not in ("csv", "tsv", "") or not body:
        return None
    tab = lang == "tsv" or (not lang and "\t" in body[0])
    rows = _records(body, tab)
    if rows is None:
        return None
    rule = "| " + " | ".join("---" for _ in rows[0]) + " |"
    return [_pipes(rows[0]), rule, *(_pipes(r) for r in rows[1:]), ""]


def csv_blocks_as_pipes(lines: list[str]) -> list[str]:
    """The review's lines with each CSV/TSV findings block as a pipe table; `lines` itself when
    it has none."""
    out: list[str] | None = None
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        end = _close(lines, i, m["f"]) if m is not None else None
        if end is None:
            i += 1
            continue
        table = _as_table(lines[i : end + 1])
        if table is not None:
            out = out if out is not None else list(lines)
            out[i : end + 1] = table
        i = end + 1
    return out if out is not None else lines


def _close(lines: list[str], start: int, fence: str) -> int | None:
    for j in range(start + 1, len(lines)):
        if lines[j].strip() == fence:
            return j
    return None
