"""Faults told under a praise heading (`## Strengths`, `**Strengths**` in Design Observations,
`## What looks good`).

A seat lists what it likes and, among it, what it does not: an item marked with a red, orange
or yellow circle at a place (`- 🟡 `client.py:42` retries POST requests too …`), an item with a
level tag of its own (`- **[Important]** …`), or praise that goes on, after `but`/`however`, to
tell a fault at a place (`The backoff is capped, but `client.py:42` swallows the last error`).
Read as praise, such a fault left the report with the strengths and the review read clean. An item
led by a warning or a cross (`⚠️`, `❌`) or a caveat's label (`**Caveat:**`) is one too. Each
is a finding (the circle's or tag's level, else important); praise stays praise: green and blue
circles, a `but` that tells no fault (`but `a.py:3` could use a docstring`); such a mark with
no place is a concern (`praise_kind`), not a strength.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.item_lists import sentence_head
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.problem_words import names_a_fault
from deepreview.findings.recap_items import fault_after, list_items, own_level
from deepreview.model import Severity

# A mark that never leads praise, right after the item's marker: a red, orange or yellow
# circle, a warning or a cross (`⚠️`, `❌`), or a caveat's label (`**Caveat:**`, `Concern:`).
_FAULT_MARK: Final = r"(?:[🔴🟠🟡❌❗🚩✗✖]|⚠\ufe0f?)"
_CAVEAT: Final = (
    r"(?:caveat|concern|issue|problem|risk|warning|watch\s+out|gotcha|bug|downside|"
    r"drawback|however|but)\s*:"
)
_WARM: Final = re.compile(
    rf"^ {{0,3}}(?:[-*+]|\d{{1,9}}[.)])[ \t]+((?:\*\*|__)?(?:{_FAULT_MARK}|{_CAVEAT}))", re.I
)
_UNLEVELLED: Final = re.compile(
    rf"(?:\*\*|__)?(?:[❌❗🚩✗✖]|⚠\ufe0f?|{_CAVEAT})(?:\*\*|__)?[ \t]*", re.I
)
_COOL: Final = frozenset(("🟢", "🔵"))
_CONTRAST: Final = re.compile(r"[,;]?\s+(?:but|however|yet),?\s+", re.IGNORECASE)
_MARKER: Final = re.compile(rf"^ {{0,3}}{LIST_MARKER}[ \t]+")


def strength_faults(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], list[str], list[bool]]:
    """The faults a praise list tells (see the module doc), as drafts, and the section's lines
    without the items that were only the fault (an item praising before its `but` stays)."""
    drafts: list[Draft] = []
    gone: set[int] = set()
    for start, whole in list_items(lines, fenced):
        places = [loc for loc in locations_in(whole, prefixes) if loc.start is not None]
        if not places:
            continue
        warm = _WARM.match(lines[start])
        line = lines[start]
        if warm and _UNLEVELLED.match(line, warm.start(1)):
            # `- ⚠️ `a.py:42` retries …`, `- **Caveat:** …`: the mark is no level and no title
            line = line[: warm.start(1)] + _UNLEVELLED.sub("", line[warm.start(1) :], count=1)
        head = sentence_head(line, prefixes)
        if warm or (head.severity is not None and head.level_word not in _COOL):
            if not head.locations:
                head.locations.extend(places)
            head.severity = head.severity or own_level(whole) or Severity.IMPORTANT
            body = "\n".join(ln.strip() for ln in whole.split("\n")[1:]).strip()
            drafts.append(make_draft(head, None, body=body))
            gone.update(range(start, start + whole.count("\n") + 1))
            continue
        text = fault_after(whole)
        if not text:
            # `- `a.py:42` has a tidy backoff, but it retries POST requests too …, a bug`: the
            # place before the contrast, the fault after it
            m = _CONTRAST.search(whole)
            text = _MARKER.sub("", whole, count=1) if m and names_a_fault(whole[m.end() :]) else ""
        if not text or not names_a_fault(text):
            continue  # `Tidy tests, but `a.py:3` could use a docstring`: praise and a wish
        title = " ".join(text.split()).rstrip(" .")
        fault = FindingHead(id=None, title=title, style="plain")
        fault.locations.extend(loc for loc in locations_in(text, prefixes) if loc.start)
        fault.severity = own_level(text) or Severity.IMPORTANT
        drafts.append(make_draft(fault, None, body=""))
    keep = [k for k in range(len(lines)) if k not in gone]
    return drafts, [lines[k] for k in keep], [fenced[k] for k in keep]


def praise_kind(text: str) -> str:
    """`concern` for a strength the seat marked as a fault (`🟡 Naming is a bit inconsistent`,
    `⚠️ …`, `**Caveat:** …`), else `strength`."""
    return "concern" if _WARM.match(f"- {text}") else "strength"
