"""An item under a `### Resolved` sub-heading whose own line says it is not resolved
(`— not resolved`, `— partially fixed; … still leaks`) is this round's problem, not a closed
item. `closed_items.reopens` tells such a line; `findings.parse_findings_block` must consult it
before closing the items under the sub-heading (pending: findings.py is being split)."""

from __future__ import annotations

import pytest

from deepreview.findings import parse_review
from deepreview.findings.closed_items import reopens

_REVIEW = (
    "## Critical Issues\n\nNone.\n\n## Important Issues\n\n### Resolved\n\n"
    "**I1. Password logged on failure** — `mail/send.py:70`\nNow redacted; verified.\n\n"
    "**I3. Bounce handler swallows errors — not resolved** — `mail/bounce.py:12`\n"
    "The `except` was narrowed but a failed parse is still logged and dropped.\n\n"
    "**I4. Temp file leaked — partially fixed** — `mail/queue.py:40`\n"
    "The error path at `mail/queue.py:52` still leaks it.\n\n## Suggestions\n\nNone.\n"
)


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("**I3. Bounce handler swallows errors — not resolved** — `b.py:12`", True),
        ("- **I2** Handle leak — partially fixed; `a.py:33` still returns early.", True),
        ("**I5. Cache key — regressed** — `c.py:4`", True),
        ("**I1. Password logged on failure** — `mail/send.py:70`", False),
        ("- **I1** Header order — fixed in `export.py:14`.", False),
    ],
)
def test_reopens_tells_an_item_that_says_it_is_not_closed(line: str, opens: bool) -> None:
    assert reopens(line) is opens


def test_an_item_under_resolved_that_is_not_resolved_is_a_finding() -> None:
    review = parse_review(_REVIEW, seat="alpha")
    assert [f.id for f in review.findings] == ["I3", "I4"], review.unparsed
