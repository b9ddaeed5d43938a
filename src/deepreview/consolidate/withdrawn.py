"""A finding its own reviewer withdraws: "… so the early return is fine. **No issue.**"

Reviewers sometimes list what they checked as a finding and conclude, in its explanation, that
there is nothing wrong. A careful lead drops such an item; at the least it does not credit its
reviewer on another reviewer's problem at the same place, since the reviewer said there is
none (`score.evidence` keeps such a pair below a link).
"""

from __future__ import annotations

import re

from deepreview.model import Finding

# A sentence of its own (after a sentence end or at a line's start, bold or not) that says the
# item is no problem. "This is currently not a bug (…), but …" is a sentence that goes on:
# a reservation, not a withdrawal.
_WITHDRAWS = re.compile(
    r"(?:^|(?<=[.!:])\s)[*_]{0,2}(?:so\s+|thus\s+|hence\s+)?"
    r"(?:no\s+(?:real\s+)?(?:issue|bug|problem|defect)"
    r"|not\s+an?\s+(?:real\s+)?(?:issue|bug|problem|defect)"
    r"|no\s+(?:action|change|fix)\s+(?:is\s+)?(?:needed|required))"
    r"(?:\s+here)?[.!]?[*_]{0,2}[ \t]*(?=$|\n)",
    re.IGNORECASE | re.MULTILINE,
)
_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)


def withdrawn(finding: Finding) -> bool:
    """The finding's explanation ends a sentence by calling it no issue (outside code)."""
    return bool(_WITHDRAWS.search(_FENCE.sub("", finding.body)))
