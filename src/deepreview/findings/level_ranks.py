"""What a level word means on one review's scale, known only once all its findings are read.

`High` is the top of a High/Medium/Low scale, but the level below Critical in a review that
also says critical; 🟡 is the middle of a 🔴/🟡/🟢 traffic light, but the level below 🟠 in one
that uses 🔴/🟠/🟡. Each draft is read alone (`findings.make_draft`); these passes then rank
the review's drafts as a whole.
"""

from __future__ import annotations

import re

from deepreview.findings.finding_draft import Draft
from deepreview.findings.levels import CIRCLES, ORANGE, YELLOW
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


# a cool circle before a plain title (`### 🟢 Magic number`): no level alone, it may be praise
_WARM = frozenset(("🔴", ORANGE, YELLOW))
_COOL_LEAD = re.compile(r"^(?P<c>[🟢🔵])\ufe0f?[ \t]+(?=\S)")


def rank_cool_titles(drafts: list[Draft]) -> None:
    """In a review whose findings are led by a red, orange or yellow circle (`### 🔴 Title`), a
    finding with no level of its own whose title opens with a green or blue circle (`### 🟢
    Magic number`) is at that circle's level, as the list's next step down; the circle leaves
    its title. Alone, a cool circle says nothing (it may lead praise)."""
    if not any(d.head.level_word in _WARM for d in drafts):
        return
    for d in drafts:
        m = _COOL_LEAD.match(d.head.title)
        if m is None or not d.head.unrated:
            continue
        d.head.title = d.head.title[m.end() :]
        d.head.severity, d.head.level_word, d.head.unrated = CIRCLES[m["c"]], m["c"], False
        d.severity = CIRCLES[m["c"]]
