"""A seat's own verdict line set against its own findings.

A model sometimes writes "**Verdict:** Approve — ready to merge" above a critical issue: the
template's verdict filled in before (or regardless of) what it then found. The report's verdict
is ours, computed from the findings, so nothing is approved by it; but a maintainer reading that
seat's review in the appendix meets two answers, and a panel that keeps the seat should know
its verdict lines are not to be relied on. The retro says so (`verdict_contradiction`).

Only an outright approval contradicts a critical issue: "Approve after fixing C1", "Approve
with changes" and "Merge after fixes" ask for the fix first, which is what a critical issue
means; an approval beside important issues or suggestions is a judgement the seat may make.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.finding_draft import one_line
from deepreview.model import AgentReview, Severity

# An approval at the start of the line ("Approve", "LGTM", "Merge", "Merge as-is", "Ready to merge",
# "Ship it"), markup and bullets before it allowed.
_APPROVES: Final = re.compile(
    r"^[\W_]*(?:approved?|lgtm|merge(?:\s+as[- ]is)?|ready\s+(?:to|for)\s+merg\w*|"
    r"safe\s+to\s+merge|ship\s+it|looks\s+good(?:\s+to\s+merge)?)\b",
    re.IGNORECASE,
)
# ... unless the same line makes it conditional or asks for something first.
_CONDITIONAL: Final = re.compile(
    r"\b(?:after|once|until|when|if|unless|pending|provided|conditional\w*|with|but|except|"
    r"however|not|block\w*|fix\w*|address\w*|change[sd]?|resolv\w*|must|should|needs?|first|"
    r"[CI]-?\d+)\b",
    re.IGNORECASE,
)
_QUOTE_MAX = 100


def approves_outright(verdict_line: str | None) -> bool:
    """The seat's verdict line approves the change with no condition attached."""
    if verdict_line is None:
        return False
    text = verdict_line.replace("*", "").replace("_", " ")
    m = _APPROVES.match(text)
    return m is not None and _CONDITIONAL.search(text, m.end()) is None


def verdict_contradiction(review: AgentReview, name: str) -> str | None:
    """The retro's sentence when `review`'s own verdict approves outright and it raised a
    critical issue; None when they agree (or it gave no verdict line)."""
    critical = [f for f in review.findings if f.severity is Severity.CRITICAL]
    if not critical or not approves_outright(review.verdict_line):
        return None
    assert review.verdict_line is not None  # approves_outright
    said = one_line(review.verdict_line.replace("**", ""), _QUOTE_MAX)
    n = len(critical)
    ids = ", ".join(f"{name} {f.id}" for f in critical)
    issues = "critical issue" if n == 1 else "critical issues"
    return (
        f"{name}'s own verdict (“{said}”) approves the change although it raised {n} {issues} "
        f"({ids}); the report goes by its findings."
    )
