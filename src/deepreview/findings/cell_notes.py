"""A findings table with a row per file and that file's notes in one cell, split by `<br>`.

    | File | Notes |
    |------|-------|
    | `auth/session.py` | L27 🔴 id from `random.random()`<br>L64 🟡 could be a `timedelta` |
    | `auth/login.py` | L102 🟠 failed logins are not rate limited |
    | `auth/templates/login.html` | ✅ no issues |

A Markdown cell holds no list, so a model that groups by file writes its notes one after the
other with `<br>` between them, each led by its line and its level (a circle, or a level word
in brackets or parentheses). Each note is a row of its own here, its line and level in columns
of their own (`Line`, `Severity`) so that the table reader reads it as any findings table. A
part that is a pass mark (`✅ no issues`) is its row's level, which the reader takes as no
finding. Only when every part of every row is a note or a pass mark: a cell listing what the
change does (`adds the cache<br>drops the flag`) is no list of findings, and the table stays.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.levels import CIRCLES, first_level_word

_BREAK: Final = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_LEVEL: Final = "|".join(map(re.escape, CIRCLES))
# `L27 🔴 text`, `Line 27 (high): text`, `27–30 [major] — text`
_NOTE: Final = re.compile(
    rf"^(?:L|lines?[ \t]*)?(?P<start>\d{{1,6}})(?:[ \t]*[-–][ \t]*L?(?P<end>\d{{1,6}}))?"
    rf"[ \t]*[:—–-]?[ \t]*(?P<level>{_LEVEL}|\([^()\n]{{1,20}}\)|\[[^\[\]\n]{{1,20}}\])"
    r"[ \t]*[:—–-]?[ \t]*(?P<text>\S.*)$",
    re.IGNORECASE,
)
_PASS: Final = re.compile(r"^(?:✅|✔️?|☑️?|👍)[ \t]*[\w .,'-]{0,40}$")
_PLACE_NAMES: Final = frozenset(("file", "files", "path", "location", "where"))


def _level(token: str) -> bool:
    return first_level_word(token.strip("()[] ")) is not None


def noted_rows(header: list[str], rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The table with each note of its notes cells a row (header and rows), or as it is."""
    names = [re.sub(r"[*_`]", "", c).strip().lower() for c in header]
    if len(header) != 2 or names[0] not in _PLACE_NAMES:
        return header, rows
    out: list[list[str]] = []
    for row in rows:
        if len(row) != 2:
            return header, rows
        for part in _BREAK.split(row[1]):
            p = part.strip()
            note = _NOTE.match(p)
            if note is not None and _level(note["level"]):
                lines = note["start"] + (f"-{note['end']}" if note["end"] else "")
                out.append([row[0], note["text"], lines, note["level"].strip("()[] ")])
            elif _PASS.match(p):
                out.append([row[0], p, "", p])
            else:
                return header, rows
    if not any(r[2] for r in out):
        return header, rows
    return [header[0], header[1], "Line", "Severity"], out
