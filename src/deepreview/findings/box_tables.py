"""A table drawn as a terminal draws it: box characters (`┌──┬──┐`, `│ a │ b │`, `├──┼──┤`) or
ASCII (`+----+----+`, `| a  | b  |`), a row's text wrapped over several lines, rows parted by
rules. It is the pipe table it draws: one Markdown row per drawn row (the lines of a wrapped row
joined cell by cell), the header the rows above the first rule under the top.

A drawn row spans the lines between two rules; in a table with no rules between its rows, a
line whose first cell is empty continues the row above. The table's lines are kept in number
(blank lines after it), so every line below stays where it was.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_RULE: Final = re.compile(
    r"^[ \t]*[┌├└╭╰╔╠╚┏┣┗┍┝┕+][─━═\-=┬┼┴╤╪╧┯┿┷╦╬╩┳╋┻+ ]*[┐┤┘╮╯╗╣╝┓┫┛┑┥┙+][ \t]*$"
)
_ROW: Final = re.compile(r"^[ \t]*[│┃║|].*[│┃║|][ \t]*$")
_BAR: Final = re.compile(r"[│┃║]|(?<!\\)\|")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _BAR.split(line.strip())[1:-1]]


def _rows(run: list[str]) -> list[list[list[str]]]:
    """The run's drawn rows, each the cell lists of its lines."""
    rows: list[list[list[str]]] = []
    parted = sum(1 for x in run[1:-1] if _RULE.match(x)) > 1
    current: list[list[str]] = []
    for line in run:
        if _RULE.match(line):
            if current:
                rows.append(current)
            current = []
            continue
        cells = _cells(line)
        if not parted and current and rows and not cells[0]:
            current.append(cells)  # a wrapped row's next line (no rules to part the rows)
            continue
        if not parted and current:
            rows.append(current)
            current = []
        current.append(cells)
    if current:
        rows.append(current)
    return rows


def _joined(row: list[list[str]]) -> list[str]:
    width = max(len(cells) for cells in row)
    return [" ".join(c[k] for c in row if k < len(c) and c[k]) for k in range(width)]


def _as_pipes(run: list[str]) -> list[str] | None:
    if not _RULE.match(run[0]) or sum(1 for x in run if _ROW.match(x)) < 2:
        return None
    rows = [_joined(r) for r in _rows(run)]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    table = [f"| {' | '.join(r + [''] * (width - len(r)))} |" for r in rows]
    table.insert(1, "|" + "---|" * width)
    return table + [""] * (len(run) - len(table)) if len(table) <= len(run) else None


def box_tables_as_pipes(lines: list[str]) -> list[str]:
    """The review's lines with each drawn table as a pipe table; `lines` itself when it draws
    none."""
    ends, rows_on = _runs(lines)
    out: list[str] = []
    i = 0
    changed = False
    while i < len(lines):
        j = ends[i]
        # fewer than two rows from here to the run's end: no later start in it draws a table
        if rows_on[i] - rows_on[j] < 2:
            out.extend(lines[i : max(j, i + 1)])
            i = max(j, i + 1)
            continue
        table = _as_pipes(lines[i:j]) if j - i >= 3 else None
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(table)
        changed = True
        i = j
    return out if changed else lines


def _runs(lines: list[str]) -> tuple[list[int], list[int]]:
    """For each line, where the run of drawn-table lines from it ends (itself when it is none),
    and how many row lines there are from it to the text's end; found in one pass from the end:
    scanning on from every line that starts no table made a static seat's thousands of `|` rows
    cost millions of matches."""
    code = code_lines(lines)
    ends = [0] * (len(lines) + 1)
    rows_on = [0] * (len(lines) + 1)
    ends[len(lines)] = len(lines)
    for k in range(len(lines) - 1, -1, -1):
        row = not code[k] and bool(_ROW.match(lines[k]))
        drawn = row or (not code[k] and bool(_RULE.match(lines[k])))
        ends[k] = ends[k + 1] if drawn else k
        rows_on[k] = rows_on[k + 1] + row
    return ends, rows_on
