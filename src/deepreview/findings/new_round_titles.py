"""A re-review's section of what it finds now: `### New in this round`, `## New since the last
review`, `### New this pass`, `## New`. Its items are this review's findings, as under
`## Findings`, while the items a re-review lists as fixed or still open from before stay in
sections about earlier rounds (`section_titles.about_earlier_rounds`).

Only a title that opens with `new` and says nothing but which round: `New tests`, `New
endpoints`, `New in this version` or `What's new` (what the change added) stay ordinary
sections.
"""

from __future__ import annotations

import re
from typing import Final

_ROUND: Final = r"(?:round|pass|review|revision|iteration|push)"
_NEW_ROUND: Final = re.compile(
    rf"^new(?:\s+(?:findings?|issues?|problems?|concerns?|comments?))?"
    rf"(?:\s+(?:in|for|this|since|after|on|of|from)(?:\s+(?:this|the|my|your|last|latest|"
    rf"previous|prior|current|second|third|next))*\s+{_ROUND}s?)?$"
)


def new_round_title(normalized: str) -> bool:
    """`normalized` (`section_titles.normalize_title`) is a re-review's `New in this round`."""
    words = " ".join(re.findall(r"[a-z]+", normalized))
    return _NEW_ROUND.match(words) is not None
