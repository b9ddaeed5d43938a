"""A verdict that names the level of what it still asks for, then the list of those:

    Verdict: approve with nits

    1. `web/slug.ts:12` — the pattern is rebuilt on every call; hoist it.
    2. `web/slug.ts:30` — `toLowerCase()` could take a locale.

Reviews that only approve (praise, the verdict, the nits) have no section heading, so the list
was prose. The verdict is kept as it is; the blank line between it and the list becomes a
heading of the level it names, so the list is read as any list under `### Nits`. Only a verdict
that approves (`approve`, `LGTM`, `ship it`, `accept`) *with* a lesser level (`nits`, `minor
suggestions`, `minor comments`), and only a list that starts right after one blank line; a
verdict with no list after it gives no findings.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.list_marker import MARGIN_ITEM

_VERDICT_NITS: Final = re.compile(
    r"^[ \t]*(?:[*_]{1,2})?(?:(?:final\s+|overall\s+)?verdict|recommendation|decision)?"
    r"(?:[*_]{1,2})?[ \t]*:?[ \t]*(?:[*_]{1,2})?[ \t]*"
    r"(?:approved?|lgtm|ship\s+it|accept(?:ed)?)[ \t,]+with[ \t]+"
    r"(?:(?:a[ \t]+few|some|a[ \t]+couple[ \t]+of|minor|small|optional|tiny)[ \t]+)*"
    r"(?:nits?|nitpicks?|suggestions?|comments?)\b[^\n]{0,20}$",
    re.IGNORECASE,
)
# deeper than any heading a review writes itself, so the level's section ends at the next one
_HEADING: Final = "###### Nits"


def open_verdict_nits(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with a `Nits` heading between each nits verdict and its list; None when the
    review has no such verdict."""
    out = list(lines)
    changed = False
    for i in range(len(lines) - 2):
        if fenced[i] or not _VERDICT_NITS.match(lines[i]):
            continue
        if lines[i + 1].strip() or fenced[i + 2] or not MARGIN_ITEM.match(lines[i + 2]):
            continue
        out[i + 1] = _HEADING
        changed = True
    return out if changed else None
