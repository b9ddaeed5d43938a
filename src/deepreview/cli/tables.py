"""The tables `list`, `stats` and `doctor` print, fitted to the terminal: a table that does not
fit its width is never cut to `…` (a seat's name, a verdict or a date lost), it is drawn lighter
and wrapped at spaces, and when even that cannot hold every word each row becomes a block of
`Header: value` lines."""

from __future__ import annotations

import os

from rich import box
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


def out_console(piped_width: int) -> Console:
    """The terminal's width (or $COLUMNS, which rich reads); output to a pipe or a file, which
    nobody reads at a width, gets `piped_width` columns, so each row stays on one line."""
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        return Console(width=piped_width)
    return console


def print_table(console: Console, table: Table) -> None:
    """`table` as built when it fits; else boxed with its cells wrapped at spaces; else with no
    box lines or padding; else, when a column's words are wider than the terminal leaves it,
    one block per row (a row's cells under its headers), so every character is still shown."""
    if _natural_width(console, table) <= console.width:
        console.print(table)
        return
    # boxed: a line between two columns and at both edges
    if _fix_widths(console, table, lines=len(table.columns) + 1):
        console.print(table)
        return
    table.box = box.SIMPLE_HEAD
    table.padding = (0, 0)  # the blank column between cells parts them
    table.pad_edge = False
    table.show_edge = False
    # a column with no value in any row (`list`'s Round when no review is a round) says nothing
    table.columns = [c for c in table.columns if any(_as_text(v).plain.strip() for v in c.cells)]
    if _fix_widths(console, table, lines=len(table.columns) - 1):
        console.print(table)
        return
    _print_blocks(console, table)


def _fix_widths(console: Console, table: Table, *, lines: int) -> bool:
    """Set each column's width for the terminal: its longest word at least, the room left
    shared by what each column would need to hold its cells unwrapped. False (nothing set)
    when the words alone do not fit. Set here because rich's own narrowing may leave a column
    less than its longest word, which it then cuts with "…"."""
    unbounded = console.options.update_width(1_000_000)
    measured = []
    for col in table.columns:
        cells = [Measurement.get(console, unbounded, c) for c in (col.header, *col.cells)]
        least = max(col.min_width or 0, *(m.minimum for m in cells))
        measured.append(Measurement(least, max(least, *(m.maximum for m in cells))))
    _, right, _, left = table.padding
    room = console.width - lines - (left + right) * len(measured)
    widths = [m.minimum for m in measured]
    if sum(widths) > room:
        return False
    # the room left goes first to the columns that need least to be unwrapped (a date, a
    # verdict), an equal share at a time, so the long ones (notes, reviewers) wrap instead
    wants = {i: m.maximum - m.minimum for i, m in enumerate(measured)}
    spare = room - sum(widths)
    for left_over, i in enumerate(sorted(wants, key=wants.__getitem__)):
        given = min(wants[i], spare // (len(wants) - left_over))
        widths[i] += given
        spare -= given
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width + left + right  # rich's column width holds its padding
        column.overflow = "fold"
    return True


def _natural_width(console: Console, table: Table) -> int:
    # measured as if the terminal were unbounded: rich clamps a measurement to the width given
    unbounded = console.options.update_width(1_000_000)
    return Measurement.get(console, unbounded, table).maximum


def _print_blocks(console: Console, table: Table) -> None:
    if table.title:
        console.print(_as_text(table.title), highlight=False)
    headers = [_plain(col.header) for col in table.columns]
    label_width = max((len(h) for h in headers), default=0)
    cells = [list(col.cells) for col in table.columns]
    for row in range(table.row_count):
        console.print()  # a blank line before each row's block
        for header, column in zip(headers, cells, strict=True):
            value = _as_text(column[row])
            if not value.plain.strip():
                continue
            line = Text(f"{header}:".ljust(label_width + 2))
            line.append_text(value)
            console.print(line, overflow="fold", highlight=False)


def _as_text(cell: RenderableType) -> Text:
    """A cell as the table would draw it: a str cell is rich markup, as `Table.add_row` reads it."""
    if isinstance(cell, Text):
        return cell
    return Text.from_markup(cell) if isinstance(cell, str) else Text(str(cell))


def _plain(header: RenderableType) -> str:
    return _as_text(header).plain
