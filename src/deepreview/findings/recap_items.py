"""Items of a recap list (`## Action items`, `## Next steps`, `## Recommended actions`, `## To do
before merge`: `section_titles.is_recap`) that name a problem no finding holds.

Such a list mostly tells the findings again in the words of what to do (`1. Fix the header
order in `export.py:14` (I1).`): those items stay the recap (`repeats.summary_repeats` drops an
item a finding holds: its ID, title or places). But an item may name a problem at a place that
no finding names (`2. `export.py:30` opens the file without closing it — the handle leaks; do
this before merge.`): that is a finding the seat wrote only there, and a review whose only
findings stand in such a list has found something.

An item is read when it names a place with a line and a problem (a problem or fault word its
sentence does not deny) — at a finding's place, a kind of fault that finding never names (a leak
beside I1 about the header order: `repeats`) — names no finding ID (`(I1)`: that finding again)
and does not say its problem is fixed or pre-existing. An item that names an ID in one clause
and a problem at a place of its own in another (`move the header up (I1), and close the handle
at `a.py:30`, which leaks`) is read from that other clause. Its level is the list's own words: a
level tag of the item (`[Critical]`, `P1`, a stressed `**critical**`), else `before merge` /
`blocking` / `must` in the item or the list's title (important; not for an item left to a
follow-up PR), else a suggestion (what to do next).

An `### Acknowledged limitations` list is read the same way (`limitation_faults`): an item that
tells a fault in the change at a place is a finding; what the seat did not run or see stays a
limitation.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.item_lists import sentence_head
from deepreview.findings.levels import stressed_level, tag_level
from deepreview.findings.list_marker import ID_LED_ITEM, LIST_MARKER
from deepreview.findings.problem_words import names_a_fault
from deepreview.model import Severity

_ITEM: Final = re.compile(rf"^ {{0,3}}{LIST_MARKER}[ \t]+\S")
_AN_ID: Final = re.compile(r"\b[CIS]-?\d{1,4}\b")
_SETTLED: Final = re.compile(
    r"\b(?:(?:is|are|was|were|been|now)\s+(?:now\s+)?(?:fixed|resolved|addressed)|"
    r"pre-?existing|not\s+introduced|out\s+of\s+scope)\b",
    re.IGNORECASE,
)
# Left for later (`fine as a follow-up PR`): still a problem of the change, at most a suggestion.
_LATER: Final = re.compile(r"\bfollow-?up\s+(?:pr|issue|ticket|change|commit)\b", re.I)
_TAG: Final = re.compile(r"[\[(]\s*(?:\*\*)?(\w+)(?:\*\*)?\s*[\])]|\b(P[0-3])\b")
_BEFORE_MERGE: Final = re.compile(
    r"\b(?:before\s+(?:merg(?:e|ing)|landing|release|shipping)|prior\s+to\s+merg(?:e|ing)|"
    r"blocking|blockers?|must|required)\b",
    re.IGNORECASE,
)


def recap_problems(
    title: str,
    lines: list[str],
    fenced: list[bool],
    prefixes: tuple[str, ...],
    told: frozenset[str] = frozenset(),
) -> list[Draft]:
    """The recap list's items that name a problem at a place, as drafts at the list's level.
    `told`: the IDs of the findings read (`I1`); an item led by another ID (`- **I2** `a.py:7`
    — …` after C1 and I1) is a finding the seat wrote only there, read with its ID."""
    out: list[Draft] = []
    for start, whole in list_items(lines, fenced):
        own = ID_LED_ITEM.match(whole)
        new_id = own is not None and f"{own[1]}{own[2]}" not in told
        text = _unnamed_clauses(whole) if _AN_ID.search(whole) and not new_id else whole
        if not text or _SETTLED.search(text) or not names_a_fault(text):
            continue
        places = [loc for loc in locations_in(text, prefixes) if loc.start is not None]
        if not places:
            continue
        head = (
            sentence_head(lines[start], prefixes)
            if text is whole
            else FindingHead(id=None, title=" ".join(text.split()).rstrip(" ."), style="plain")
        )
        if not head.locations:
            head.locations.extend(places)
        if head.id is not None and not new_id:
            continue  # an ID of its own: the finding told again
        level = own_level(text) or (
            Severity.IMPORTANT
            if (_BEFORE_MERGE.search(whole) or _BEFORE_MERGE.search(title))
            and not _LATER.search(text)
            else Severity.SUGGESTION
        )
        if new_id and own is not None:
            level = Severity.from_letter(own[1])  # `I2`: the seat's own level
        head.severity = head.severity or level
        body = "\n".join(ln.strip() for ln in text.split("\n")[1:]).strip()
        out.append(make_draft(head, None, body=body if text is whole else ""))
    return out


# The clauses of an item: `move the header up (I1), and close the handle at `a.py:30`, which …`
_ITEM_CLAUSES: Final = re.compile(r"(?<=[.;])\s+|,?\s+(?:and\s+)?also\s+|,\s+and\s+|\s+[—–]\s+")
_MARKER: Final = re.compile(rf"^\s*{LIST_MARKER}\s+(?:[\w ]{{1,20}}:\s+)?")


def _unnamed_clauses(text: str) -> str:
    """The item's clause that names no finding's ID, when one of its other clauses does and it
    names a place of its own (a new problem told beside a finding again); else ''."""
    clauses = _ITEM_CLAUSES.split(_MARKER.sub("", text, count=1))
    if len(clauses) < 2:
        return ""
    for clause in clauses:
        if not _AN_ID.search(clause) and _PLACE_IN.search(clause):
            return clause.strip()
    return ""


_PLACE_IN: Final = re.compile(r"[\w./-]+\.\w+:\d+")


# What a limitation says: what the seat did not do or could not see (`I did not run the tests`,
# `Not tested on Windows`, `could not verify whether `a.py:12` …`).
_OWN_LIMIT: Final = re.compile(
    r"\b(?:i|we|my|our)\b|\b(?:not|never|un)\s*(?:tested|run|ran|verified|checked|reviewed|"
    r"covered|built|executed|exercised)\b|\b(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|"
    r"cannot|can['’]t|unable|no\s+access|without\s+access|out\s+of\s+scope|may|might|whether)\b",
    re.IGNORECASE,
)


# A limitation the change knows of: a quoted `TODO` comment, a known or deferred issue, one
# by design, a finding's ID (`That gap is I2`).
_KNOWN: Final = re.compile(
    r"[\"“”]|\b(?:todo|fixme|known|deferred|by\s+design|documented|trade-?offs?|intentional\w*|"
    r"accepted|[CIS]-?\d{1,4})\b",
    re.IGNORECASE,
)
# The item opens with its place: `- `a.py:12` drops …`, `- a.py:12: drops …`.
_PLACE_LED: Final = re.compile(rf"^ {{0,3}}{LIST_MARKER}[ \t]+`?[^\s`*\[\]]+:\d+")


def limitation_faults(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], list[str], list[bool]]:
    """Items of a `### Acknowledged limitations` list led by a place that tell a fault in the
    change there (`- `a.py:12` drops the last row`): findings (their own level, else
    important), and the section's lines without them. A limitation stays one: what the seat did
    not run or see, a doubt (`may`, `whether`), a titled item, an item with no fault. An item
    that tells a limit and then, after `but`/`however`, a fault at a place that leads the rest
    (`I did not run the tests, but `a.py:30` truncates …`) gives that fault and stays one."""
    drafts: list[Draft] = []
    gone: set[int] = set()
    for start, whole in list_items(lines, fenced):
        text = whole
        if not _PLACE_LED.match(lines[start]) or _OWN_LIMIT.search(text):
            # `I did not run the tests, but `a.py:30` truncates …`: the fault after the limit
            text = fault_after(whole)
        if not text or _OWN_LIMIT.search(text) or _KNOWN.search(text):
            continue  # (a titled item, `**Windows rename race**`: a limitation the seat accepts)
        if _SETTLED.search(text) or _LATER.search(text) or not names_a_fault(text):
            continue
        head = (
            sentence_head(lines[start], prefixes)
            if text is whole
            else FindingHead(id=None, title=" ".join(text.split()).rstrip(" ."), style="plain")
        )
        places = [loc for loc in locations_in(text, prefixes) if loc.start is not None]
        if not places:
            continue
        if not head.locations:
            head.locations.extend(places)
        head.severity = head.severity or own_level(text) or Severity.IMPORTANT
        if text is not whole:
            drafts.append(make_draft(head, None, body=""))
            continue  # (the limitation before the contrast stays one)
        body = "\n".join(ln.strip() for ln in text.split("\n")[1:]).strip()
        drafts.append(make_draft(head, None, body=body))
        gone.update(range(start, start + text.count("\n") + 1))
    keep = [k for k in range(len(lines)) if k not in gone]
    return drafts, [lines[k] for k in keep], [fenced[k] for k in keep]


_CONTRAST: Final = re.compile(r"[,;]?\s+(?:but|however|yet),?\s+(?=`?[^\s`*\[\]]+:\d+)", re.I)


def fault_after(text: str) -> str:
    """What follows `but`/`however` in an item (a limitation, a strength) when a place leads
    it; else ''."""
    m = _CONTRAST.search(text)
    return text[m.end() :].strip() if m else ""


def list_items(lines: list[str], fenced: list[bool]) -> list[tuple[int, str]]:
    """(first line, whole text) of each top-level item of the section's lists."""
    out: list[tuple[int, list[str]]] = []
    for i, (line, code) in enumerate(zip(lines, fenced, strict=True)):
        if code:
            continue
        if _ITEM.match(line):
            out.append((i, [line]))
        elif out and line.strip() and (line[:1].isspace() or lines[i - 1].strip()):
            out[-1][1].append(line)  # its text wrapped or indented under it
        elif line.strip():
            out.append((-1, []))  # a paragraph: the list above has ended
    return [(i, "\n".join(text)) for i, text in out if i >= 0]


def own_level(text: str) -> Severity | None:
    """The level an item gives itself: a tag (`[Critical]`, `P1`) or a stressed level word."""
    for m in _TAG.finditer(text):
        level = tag_level(m.group(1) or m.group(2))
        if level is not None:
            return level
    word = stressed_level(text)
    return tag_level(word) if word else None
