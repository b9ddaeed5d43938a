"""Tables after a section's first finding (`findings.parse_findings_block` asks this).

A seat may list some findings and tabulate the rest in one section (`- **I1** …` then
`| ID | Level | Place | Finding |`). A table before the first finding is read with the
section's leading text; one after it was the last finding's text, or the closing words kept
as unparsed text: its findings gone with no warning. Here a table at the left margin after
the first finding is read as findings when its header says so (`table_findings`, each row at
its own level over the section's); one whose header names no finding but whose rows tell
faults is kept as unread findings text, with a warning, never dropped. A table indented under
an item is that item's own text, and a table of files found fine adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deepreview.findings.head import FindingHead
from deepreview.findings.none_statements import says_none
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.report_header import split_row
from deepreview.findings.table_findings import table_findings
from deepreview.findings.table_sep import is_table_sep
from deepreview.model import Severity


@dataclass
class LaterTables:
    rows: list[tuple[FindingHead, str, str]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # every line of a table read or kept here
    unread: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def later_tables(
    lines: list[str],
    fenced: list[bool],
    held: list[bool],
    first: int,
    section: Severity | None,
    prefixes: tuple[str, ...],
) -> LaterTables:
    """The tables at the margin after line `first` (a section's first finding)."""
    out = LaterTables()
    # (an indented or quoted table belongs to the item above it: only margin tables are looked at)
    closed = [
        k <= first or fenced[k] or held[k] or lines[k][:1].isspace() for k in range(len(lines))
    ]
    rows, used = table_findings(lines, closed, section, prefixes)
    out.rows = [r for r in rows if not says_none(r[0].title)]
    out.used = set(used)
    for start, end in _tables(lines, closed):
        if start in out.used:
            continue
        text = "\n".join(lines[start:end])
        told = [r for r in lines[start + 2 : end] if _tells_a_fault(r)]
        if told:
            # a table we cannot read as findings that tells faults: kept and told, not dropped
            out.used.update(range(start, end))
            out.unread.append(text)
            out.warnings.append(
                f"a table after the findings was not read as findings; kept as findings "
                f"text: {told[0].strip()[:120]}"
            )
    return out


def _tables(lines: list[str], closed: list[bool]) -> list[tuple[int, int]]:
    """(first line, end) of each table whose lines are open."""
    out: list[tuple[int, int]] = []
    i = 0
    while i + 1 < len(lines):
        if closed[i] or not lines[i].startswith("|") or not is_table_sep(lines[i + 1]):
            i += 1
            continue
        j = i + 2
        while j < len(lines) and not closed[j] and lines[j].startswith("|"):
            j += 1
        out.append((i, j))
        i = j
    return out


def _tells_a_fault(row: str) -> bool:
    cells = [c.strip() for c in split_row(row) if c.strip()]
    return not any(says_none(c) for c in cells) and names_a_fault(" ".join(cells))
