"""Is a parsed review a review at all?  A seat's text with no recognisable structure is not.

A seat that prints "I could not access the repository. Error: rate limit exceeded." or a page of
noise exits 0 and prints *something*; read as a review it has no findings, and a report that
counted it would say "no issues found".  A review is recognisable when it has at least one
section we know (summary, findings — also when every severity section says `None.` —, design,
testing, documentation, limitations, coverage, verdict), or a finding, or says in so many words
that it found nothing ("No issues found.").
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.blocks import FINDING_KINDS, build_blocks, fence_mask
from deepreview.findings.finding_line import is_strong_start
from deepreview.findings.unwrap import unwrap_review
from deepreview.model import AgentReview

UNPARSEABLE: Final = "unparseable review"

# "No issues found.", "No findings.", "Nothing to report", "LGTM", "Looks good to me": a genuine
# short review that found nothing.  Whole statements only: "no access" is not one of them.
_NOTHING_FOUND: Final = re.compile(
    r"\b(?:"
    r"no\s+(?:\w+\s+){0,2}(?:issues?|findings?|problems?|concerns?|bugs?|defects?)"
    r"(?:\s+(?:were|was))?\s+(?:found|identified|detected|spotted|raised|to\s+report)"
    r"|no\s+(?:other\s+|further\s+|additional\s+)?(?:issues?|findings?|problems?|concerns?)\s*[.!]"
    r"|nothing\s+(?:to\s+report|found|to\s+flag)"
    r"|lgtm"
    r"|looks\s+(?:good|fine)(?:\s+to\s+me)?"
    r")(?!\w)",
    re.IGNORECASE,
)


def says_nothing_found(text: str) -> bool:
    return bool(_NOTHING_FOUND.search(text))


def _findings_sections(raw: str) -> bool:
    """The text has a findings or severity section (`### Important Issues` + `None.`)."""
    lines = raw.replace("\r\n", "\n").split("\n")
    lines = unwrap_review(lines, is_strong_start) or lines
    return any(b.kind in FINDING_KINDS for b in build_blocks(lines, fence_mask(lines)))


def has_structure(review: AgentReview) -> bool:
    """A known section, a finding, a verdict line, or an explicit "nothing found"."""
    return bool(
        review.findings
        or review.executive_summary.strip()
        or review.verdict_line
        or review.design_observations
        or not review.testing.empty
        or not review.documentation.empty
        or review.limitations.strip()
        or review.coverage
        or says_nothing_found(review.preamble)
        or any(says_nothing_found(s.body) for s in review.other_sections)
        or _findings_sections(review.raw)
    )


def unparseable_reason(review: AgentReview) -> str | None:
    """`UNPARSEABLE` when the seat's text is not a review; None when it is one."""
    return None if has_structure(review) else UNPARSEABLE
