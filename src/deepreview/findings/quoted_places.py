"""Review comments copied under the place they sit at, quoted: GitHub's layout pasted whole.

    > **worker/retry.py** line 34
    > `delay = base * 2 ** attempt`

    **issue (blocking):** nothing caps the delay …

A blockquote that is a file's line alone (`> **a.py** line 34`, `> `a.py:34``, `> a.py (line
34)`), maybe with the code at it quoted below, over a comment opened by a Conventional Comments
label (`conventional.py`): the place is that comment's. Left so, the comment has no place of
its own and takes the next quote's, below it. Rewritten line for line: the quote goes blank
and the place leads the comment after its label (`**issue (blocking):** `worker/retry.py:34` —
nothing caps …`), as the convention writes a placed comment. A quote over anything else (a
quoted line of the change, a quoted remark) stays as written.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.conventional import conventional_label
from deepreview.findings.file_names import is_known_file, known_extension

_QUOTED_PLACE: Final = re.compile(
    r"^ {0,3}>[ \t]*(?:\*\*|__|`)?(?P<path>[^\s*`:()]+)(?:\*\*|__|`)?"
    r"(?:[ \t]*,?[ \t]*\(?(?:line|l\.?)[ \t]*(?P<line>\d+)\)?"
    r"|:(?P<at>\d+)(?:\*\*|__|`)?)[ \t]*$",
    re.IGNORECASE,
)
_QUOTE: Final = re.compile(r"^ {0,3}>")


def open_quoted_places(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each quoted place over a labelled comment made that comment's lead;
    None when the review has none."""
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        m = None if fenced[i] else _QUOTED_PLACE.match(lines[i])
        if m is None or not _a_file(m["path"]):
            i += 1
            continue
        k = i + 1
        while k < len(lines) and not fenced[k] and _QUOTE.match(lines[k]):
            k += 1  # (the code at the place, quoted)
        j = k
        while j < len(lines) and not lines[j].strip():
            j += 1
        label = conventional_label(lines[j]) if j < len(lines) and not fenced[j] else None
        if label is None or not label[2]:
            i = k
            continue
        for q in range(i, k):
            out[q] = ""
        lead = len(lines[j]) - len(label[2])
        out[j] = f"{lines[j][:lead]}`{m['path']}:{m['line'] or m['at']}` — {label[2]}"
        changed = True
        i = j + 1
    return out if changed else None


def _a_file(path: str) -> bool:
    return known_extension(path.rsplit("/", 1)[-1]) or is_known_file(path)
