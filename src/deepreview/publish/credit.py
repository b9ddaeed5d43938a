"""Who found a finding, in the one wording every published comment uses.

A finding the lead added is credited `lead` in the report (`consolidate.merge.LEAD`); on its
own that word read as a reviewer's name ("found by lead") beside a summary whose only names were
the seats' ("by Alpha"), and a reader could not tell who "lead" was. Published, the lead is "the
lead (claude)", and the summary's entry says who found each finding as its inline comment does.
"""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.consolidate.merge import LEAD
from deepreview.model import Report
from deepreview.publish.safe import inline_text


def lead_name(report: Report) -> str:
    """The agent that led the review (`claude`), when a lead judged it; "" otherwise."""
    lead = report.lead
    if lead is None or lead.status != "ok" or lead.seat in ("", "none"):
        return ""
    return lead.seat


def finders(reviewers: Sequence[str], lead: str = "") -> str:
    """`Alpha, Beta`, `the lead (claude)`: a finding's reviewers as published, neutralised."""
    names = []
    for name in reviewers:
        if name == LEAD:
            names.append(f"the lead ({inline_text(lead)})" if lead else "the lead")
        else:
            names.append(inline_text(name))
    return ", ".join(names)


def found_by(reviewers: Sequence[str], lead: str = "") -> str:
    """`found by Alpha`; "" when the finding credits no one (a report older than credits)."""
    return f"found by {finders(reviewers, lead)}" if reviewers else ""


__all__ = ["finders", "found_by", "lead_name"]
