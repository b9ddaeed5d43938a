"""A Testing or Documentation section whose items each rate themselves: findings.

    ## 1. Correctness
    1. **Retry count off by one** (`pay/retry.py:77`) — … Severity: medium.

    ## 2. Tests
    1. **No test for the 409 response** (`tests/test_retry.py`) — … Severity: medium.

A review sorted by area puts its test gaps under `## Tests` beside `## Correctness`; an
assessment of the tests does not give its items a level. Where every item of the section names
a place and closes with (or leads with) its own level, each is a finding at that level; a
section with an unrated item, or an item with no place, stays the assessment it was. So does
one whose items are sorted as the report's Testing Assessment sorts them (`**Required:** …`,
`Optional: …`): those say which tests the reviewer asks for, not how grave a defect is.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.finding_draft import Draft
from deepreview.findings.findings import parse_findings_block
from deepreview.findings.list_marker import LIST_MARKER, MARGIN_ITEM

# An item led by the assessment's own sorting of the tests it wants: `- **Optional:** …`,
# `1. Required: …`, `* *Recommended* — …`
_WANTED: Final = re.compile(
    rf"^[ \t]*{LIST_MARKER}[ \t]+(?:\*\*|__|\*|_)?[ \t]*"
    r"(?:required|optional|recommended|nice[ \t]+to[ \t]+have)\b",
    re.IGNORECASE,
)


def rated_gaps(lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]) -> list[Draft]:
    """The section's items as findings when each names a place and its own level, else []."""
    items = sum(1 for i, line in enumerate(lines) if not fenced[i] and MARGIN_ITEM.match(line))
    if not items:
        return []
    if any(not fenced[i] and _WANTED.match(line) for i, line in enumerate(lines)):
        return []
    res = parse_findings_block(lines, fenced, None, prefixes)
    if res.unread or len(res.drafts) != items:
        return []
    if not all(d.head.severity is not None and d.head.locations for d in res.drafts):
        return []
    return res.drafts
