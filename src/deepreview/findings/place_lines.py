"""A bold title line that ends on a dash, its place opening the next line:

    **Discount applied twice for bundled items** —
    https://github.com/acme/shop/blob/4f1c2ab/src/cart/total.py#L12-L18
    The bundle loop applies it, then the outer loop applies it again.

A model wraps a long first line so; Markdown renders the two lines as one paragraph, but the
parser reads a finding's first line, which here named no place. The place (a URL or a code
span that names a place) moves up to the title line, the rest of its line stays where it was
(lines stay in place). A title ending on no dash, or a next line that does not open with a
place, is left as written.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import locations_in

_DANGLING: Final = re.compile(
    r"^[ \t]{0,3}(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?(?P<b>\*\*|__)[^*_\n]{1,200}?(?P=b)"
    r"[ \t]+[—–-][ \t]*$"
)
_PLACE_FIRST: Final = re.compile(r"^[ \t]*(?P<p>https?://[^\s)>]+|`[^`\n]+`)[ \t.,:;]*")


def join_place_lines(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with each dangling title's place moved up onto it; None when none moved."""
    out = list(lines)
    changed = False
    for i in range(len(lines) - 1):
        if fenced[i] or fenced[i + 1] or not _DANGLING.match(lines[i]):
            continue
        m = _PLACE_FIRST.match(lines[i + 1])
        if m is None or not locations_in(m["p"]):
            continue
        out[i] = f"{lines[i].rstrip()} {m['p']}"
        out[i + 1] = lines[i + 1][m.end() :]
        changed = True
    return out if changed else None
