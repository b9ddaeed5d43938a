"""A finding its own reviewer withdraws: "… so the early return is fine. **No issue.**"

Reviewers sometimes list what they checked as a finding and conclude, in its explanation, that
there is nothing wrong. A careful lead drops such an item; at the least it does not credit its
reviewer on another reviewer's problem at the same place, since the reviewer said there is
none (`score.evidence` keeps such a pair below a link).
"""

from __future__ import annotations

import re

from deepreview.markdown_fence import strip_code
from deepreview.model import Finding

# The explanation's last sentence (after a sentence end or at a line's start, bold or not) says
# the item is no problem. "This is currently not a bug (…), but …" goes on: a reservation, not
# a withdrawal; "- `load`: no issue.\n- `save`: leaks the handle" clears one part of several.
_WITHDRAWS = re.compile(
    r"(?:^|(?<=[.!:])\s)[*_]{0,2}(?:so\s+|thus\s+|hence\s+)?"
    r"(?:no\s+(?:real\s+)?(?:issue|bug|problem|defect)"
    r"|not\s+an?\s+(?:real\s+)?(?:issue|bug|problem|defect)"
    r"|no\s+(?:action|change|fix)\s+(?:is\s+)?(?:needed|required))"
    r"(?:\s+here)?[.!]?[*_]{0,2}\Z",
    re.IGNORECASE | re.MULTILINE,
)


def withdrawn(finding: Finding) -> bool:
    """The finding's explanation ends by calling it no issue (outside code)."""
    return bool(_WITHDRAWS.search(strip_code(finding.body, "").strip()))
