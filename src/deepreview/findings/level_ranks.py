"""What a level word means on one review's scale, known only once all its findings are read.

`High` is the top of a High/Medium/Low scale, but the level below Critical in a review that
also says critical; 🟡 is the middle of a 🔴/🟡/🟢 traffic light, but the level below 🟠 in one
that uses 🔴/🟠/🟡. Each draft is read alone (`findings.make_draft`); these passes then rank
the review's drafts as a whole.
"""

from __future__ import annotations

from deepreview.findings.finding_draft import Draft
from deepreview.findings.levels import ORANGE, YELLOW
from deepreview.model import Severity


def rank_high(drafts: list[Draft], *, critical_section: bool) -> None:
    """`High` is the level below Critical in a review that also says critical (a tag, a label,
    a C-ID, or a Critical section: `critical_section`); alone, it is the top of its scale."""
    top = critical_section or any(d.severity is Severity.CRITICAL and not d.high for d in drafts)
    if not top:
        return
    for d in drafts:
        if d.high and d.severity is Severity.CRITICAL:
            d.severity = Severity.IMPORTANT


def rank_circles(drafts: list[Draft]) -> None:
    """🟡 is the level below 🟠 in a review that uses both (🔴/🟠/🟡), the middle one of a
    🔴/🟡/🟢 traffic light otherwise."""
    if not any(d.head.level_word == ORANGE for d in drafts):
        return
    for d in drafts:
        if d.head.level_word == YELLOW and d.severity is Severity.IMPORTANT:
            d.severity = Severity.SUGGESTION
