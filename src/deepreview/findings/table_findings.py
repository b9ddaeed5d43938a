"""Findings written as a Markdown table (`| ID | Severity | Location | Finding |`).

Some agents tabulate their findings instead of writing one paragraph each.  A table counts as a
findings table when its header names a finding column (finding/issue/title/summary/what) or a
text column (description/problem/details/explanation/why/notes …), and either a severity column
or the section gives the severity; every data row is one finding. Beside a title column the text
columns are the finding's body (a `Fix: …` sentence in them its fix); without one the first
text cell's first sentence is the title.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.cell_notes import noted_rows
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.ids import ID_NUMBER
from deepreview.findings.levels import CIRCLES, LEVEL_WORDS, first_level_word
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.report_header import split_row
from deepreview.findings.table_sep import is_table_sep
from deepreview.findings.table_text import first_sentence, split_fix
from deepreview.model import Location, Severity

_COLUMNS = {
    "id": ("id", "#", "no", "no."),
    "severity": ("severity", "sev", "level", "priority"),
    "location": (
        "location",
        "locations",
        "file",
        "files",
        "where",
        "path",
        "file:line",
        "place",
        "places",
    ),
    "line": ("line", "lines", "line(s)", "line no", "line no.", "ln"),
    "title": ("finding", "issue", "title", "summary", "what"),
    # `| Type | Where | What |`: a finding's kind (Bug, Security), or a level (Nit)
    "kind": ("type", "kind", "category"),
    "fix": ("fix", "recommendation", "suggested fix", "remedy"),
}
# Columns of a finding's text: its body beside a title column, else its title and body.
# `Description` and `Problem` made a findings table on their own before the others were read;
# a table whose only text column is one of the others needs a severity or location column too.
_TEXT = ("description", "problem")
_MORE_TEXT = (
    "details", "detail", "explanation", "why", "notes", "note", "rationale", "reason",
    "impact", "comment", "comments", "risk", "problem description",
)  # fmt: skip
_ID = re.compile(rf"^\**(?P<id>[CIS])-?(?P<n>{ID_NUMBER})\**$")


def _columns(header: list[str]) -> tuple[dict[str, int], list[int]]:
    """The named columns, and the text columns in order (`_TEXT`, `_MORE_TEXT`)."""
    cols: dict[str, int] = {}
    text: list[int] = []
    for i, cell in enumerate(header):
        # (`Sev.`, `Priority:`: the header's closing stop is no part of its name)
        name = re.sub(r"[*_`]", "", cell).strip().rstrip(".:").strip().lower()
        if name in _TEXT or name in _MORE_TEXT:
            text.append(i)
            continue
        for key, names in _COLUMNS.items():
            if key not in cols and name in names:
                cols[key] = i
    return cols, text


def _titled(header: list[str], cols: dict[str, int], text: list[int]) -> bool:
    """The table names its findings: a title column, else a text column to take one from."""
    if "title" in cols:
        return True
    names = [re.sub(r"[*_`]", "", header[i]).strip().lower() for i in text]
    return any(n in _TEXT for n in names) or (
        bool(text) and ("severity" in cols or "location" in cols)
    )


# Outside a findings section, a table that tracks items (`| Issue | Severity | Status |`) is
# about earlier rounds or other reviews, not this review's findings.
_TRACKING = frozenset(("status", "verdict", "state", "resolved", "round", "outcome", "prior"))


def table_findings(
    lines: list[str],
    fenced: list[bool],
    section: Severity | None,
    prefixes: tuple[str, ...],
    *,
    loose: bool = False,
    placed: bool = False,
) -> tuple[list[tuple[FindingHead, str, str]], list[int]]:
    """(head, body, fix) per table row, and the indexes of the lines the tables used.

    `loose`: the table is outside any findings section (a review that only tabulates its
    findings under `## Review`); it needs its own severity column and no status column.
    `placed`: also a file or line column (a summary's table rated by area is no findings)."""
    out: list[tuple[FindingHead, str, str]] = []
    used: list[int] = []
    i = 0
    while i + 1 < len(lines):
        if fenced[i] or not lines[i].lstrip().startswith("|") or not is_table_sep(lines[i + 1]):
            i += 1
            continue
        header = split_row(lines[i])
        j = i + 2
        rows: list[list[str]] = []
        while j < len(lines) and not fenced[j] and lines[j].lstrip().startswith("|"):
            rows.append(split_row(lines[j]))
            j += 1
        header, rows = noted_rows(header, _dittos_filled(rows))  # `L27 🔴 …<br>L64 🟡 …`
        cols, text = _columns(header)
        if "severity" not in cols and (circles := _circle_column(header, rows)) is not None:
            cols["severity"] = circles  # `|    | Where | What |` over 🔴 / 🟢 cells
        tracking = loose and any(
            re.sub(r"[^a-z ]", "", c.lower()).strip() in _TRACKING for c in header
        )
        # (a kind column makes a findings table only inside a findings section: elsewhere
        # `| Type | Description |` lists anything, options or fields)
        rated = "severity" in cols or section is not None or ("kind" in cols and not loose)
        unplaced = placed and "location" not in cols and "line" not in cols
        if _titled(header, cols, text) and rated and not tracking and not unplaced:
            used.extend(range(i, j))
            out.extend(h for h in (_row(r, cols, text, section, prefixes) for r in rows) if h)
        i = j
    return out, used


def _row(
    row: list[str],
    cols: dict[str, int],
    text: list[int],
    section: Severity | None,
    prefixes: tuple[str, ...],
) -> tuple[FindingHead, str, str] | None:
    def cell(key: str) -> str:
        k = cols.get(key)
        return row[k].strip() if k is not None and k < len(row) else ""

    cells = [row[k].strip() for k in text if k < len(row) and row[k].strip()]
    title = cell("title").strip("* ")
    if not title and cells:
        title, rest = first_sentence(cells[0])
        cells = [rest, *cells[1:]] if rest else cells[1:]
    if not title:
        return None
    body, fix = split_fix("\n\n".join(cells))
    idm = _ID.match(cell("id"))
    word = first_level_word(
        _SHORT_LEVEL.sub(lambda m: _SHORT.get(m[1].lower(), m[0]), cell("severity"))
    )
    if (
        word is None
        and _NO_FINDING.match(cell("severity"))
        and not names_a_fault(f"{title}\n{body}")
    ):
        # `| ✅ OK | a.py | 1 | `safe_load` is used |`: a spot checked and found right (a row
        # that tells a fault, `| Fine | … | lock missing …`, is a finding still)
        return None
    severity = LEVEL_WORDS[word] if word else None
    if severity is None and idm:
        severity = Severity.from_letter(idm.group("id"))
    head = FindingHead(
        id=f"{idm.group('id')}{int(idm.group('n'))}" if idm else None,
        title=title,
        style="table",
        severity=severity if cols.get("severity") is not None else None,
        level_word=word if cols.get("severity") is not None else None,
    )
    if severity is not None and head.severity is None and section is None:
        head.severity = severity
    kind = cell("kind").strip("*_` ")
    kind_level = first_level_word(kind) if kind else None
    if kind_level is not None:
        # `Nit`, `Minor`: a level written as the kind
        if head.severity is None:
            head.severity, head.level_word = LEVEL_WORDS[kind_level], kind_level
    elif kind:
        # `Bug`, `Security`: what kind of finding, not how severe (no severity given)
        head.classification = kind.lower()
    head.locations = locations_in(cell("location"), prefixes) if cell("location") else []
    lines = _LINES_CELL.match(cell("line").strip("` "))
    if lines and len(head.locations) == 1 and head.locations[0].start is None:
        # `| app/pager.py | 4 |`: the line has a column of its own
        start, end = int(lines["start"]), int(lines["end"]) if lines["end"] else None
        head.locations = [Location(head.locations[0].path, start, end if end != start else None)]
    if not head.locations:
        head.locations = locations_in(title, prefixes)
    return head, body, cell("fix") or fix


# A Severity cell that says the row is no finding: a pass mark, `OK`, `N/A`, `None`, `Verified`,
# `Strength` (rows of checked spots beside the findings). Any other word keeps its row a finding.
_NO_FINDING = re.compile(
    r"^[*_`\s]*+(?:(?:✅|✔️?|☑️?|👍)[*_`\s]*+(?:\w[\w /-]*+)?|"
    r"(?:ok(?:ay)?|n/?a|none|no issues?|not an issue|pass(?:ed)?|verified|fine|good|correct|"
    r"strengths?|positive|praise|looks good)\b[\w /-]*+)[*_`\s.]*+$",
    re.IGNORECASE,
)
# A level cut short in a narrow column: `Hi`, `Med`, `Lo`, `Crit` (only as a whole cell's word)
# (a severity column's cell alone: `Hi`, `Med.`, and the one letters `H` / `M` / `L` / `C` a
# terse table writes)
_SHORT: Final = {
    "hi": "high", "med": "medium", "lo": "low", "crit": "critical",
    "h": "high", "m": "medium", "l": "low", "c": "critical",
}  # fmt: skip
_SHORT_LEVEL: Final = re.compile(r"^([A-Za-z]{1,4})\.?(?=\W*$)")


# A cell that only repeats the cell above: a ditto mark (`〃`, `"`, `''`, `″`) or the word
# `same` / `ditto` / `same as above` (a merged cell written out row by row).
_DITTO: Final = re.compile(
    r"^[*_`\s]*+(?:〃|\"|''|″|ditto|same(?: as above)?|(?:as )?above)[*_`\s.]*+$", re.IGNORECASE
)


def _dittos_filled(rows: list[list[str]]) -> list[list[str]]:
    """The rows with each ditto cell replaced by the cell above it (a first row's ditto
    stays: there is nothing above to repeat)."""
    out: list[list[str]] = []
    for row in rows:
        above = out[-1] if out else []
        out.append(
            [above[k] if k < len(above) and _DITTO.match(c) else c for k, c in enumerate(row)]
        )
    return out


def _circle_column(header: list[str], rows: list[list[str]]) -> int | None:
    """The column with no name whose every row gives a coloured circle (`🔴`, `🟢`): the
    severity, told only by its colours. None when there is no such column."""
    for k, name in enumerate(header):
        if name.strip(" *_`"):
            continue
        cells = [r[k].strip(" *_`") for r in rows if k < len(r)]
        if cells and len(cells) == len(rows) and all(c[:1] in CIRCLES for c in cells):
            return k
    return None


_LINES_CELL = re.compile(r"^L?(?P<start>\d{1,6})(?:[ \t]*[-–][ \t]*L?(?P<end>\d{1,6}))?$")
