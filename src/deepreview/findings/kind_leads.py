"""Points led by the kind of problem they tell, in a review with no findings section.

    **Bug:** `a.py:2` — `dict(p)` raises `TypeError` for a list.
    - **Security:** the token is logged at INFO level (`a.py:9`).
    **Performance:** Fine for the sizes involved.          (all is well: prose)

A kind word (`Bug`, `Security`, `Performance`, …) says what is wrong, not how badly: such a
point that names a place with a line is a finding with no level (important, unrated), the kind
its classification; one that says all is well ("No concerns", "Fine", "Looks good") stays prose.
A level beside the kind (`**Bug (high):**`) is the finding's level.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.clean_topics import ALL_WELL
from deepreview.findings.finding_draft import Draft, make_draft
from deepreview.findings.finding_line import bullet_head
from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.levels import tag_level
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.none_statements import says_none
from deepreview.findings.sentences import sentences

# (kinds that name a problem on their own; `Style` / `Correctness` are topics a review walks)
_KIND_LEAD: Final = re.compile(
    rf"^(?P<ind> {{0,3}})(?P<mark>{LIST_MARKER}[ \t]+)?\*\*(?P<k>bugs?|security|"
    r"performance|regression|race|crash|data[ -]loss|memory[ -]leak|leak)"
    # its level beside the kind: `**Bug (high):**`
    r"(?:[ \t]*\((?P<lvl>[^()*\n]{1,20})\))?"
    r"[ \t]*(?::\*\*|\*\*[ \t]*[:—–-])[ \t]*(?P<r>\S.*)$",
    re.IGNORECASE,
)
# A heading finding's title led by its kind (`### 🐛 Bug: list input crashes`): the kind is
# its classification, the emoji before it decoration
_KIND_TITLE: Final = re.compile(
    r"^(?:[^\w\s`*_\[(]{1,3}[ \t]*)?(?P<k>bugs?|security|performance|regression|race|crash|"
    r"data[ -]loss|memory[ -]leak|leak)[ \t]*:[ \t]+(?P<t>\S.*)$",
    re.IGNORECASE,
)


def kind_titled(head: FindingHead) -> None:
    """`🐛 Bug: list input crashes` as the head's title: the title after the kind, the kind
    its classification (when it has none)."""
    m = _KIND_TITLE.match(head.title)
    if m is None:
        return
    head.title = m["t"].strip()
    head.classification = head.classification or _kind(m["k"])


def kind_and_title(head: FindingHead) -> str:
    """The head's title with the kind `kind_titled` took from it before it (`bug: stale
    docstring`): a title with its kind names a problem, no topic a review walks."""
    kinds = {"bug", "security", "performance", "regression", "race", "crash", "data loss"}
    if head.classification in kinds | {"memory leak", "leak"}:
        return f"{head.classification}: {head.title}"
    return head.title


def _kind(word: str) -> str:
    return word.lower().replace("-", " ").rstrip("s")


_FINE: Final = re.compile(
    r"^(?:fine|good|ok(?:ay)?|none|n/?a|nothing\b|lgtm|not\s+a\s+concern|no\s+(?:\w+\s+)?"
    r"(?:concerns?|issues?|problems?|impact|risks?|regressions?|bugs?|changes?)\b)",
    re.IGNORECASE,
)
# `… keys (`a.py:2`).` / `(line 2)`: a closing place is no part of the title
_CLOSING_PLACE: Final = re.compile(r"[ \t]*\((?:`[^`]+`|lines?\s+\d+)[^()]*\)[ \t]*\.?$")


def kind_lead_drafts(
    lines: list[str], fenced: list[bool], prefixes: tuple[str, ...]
) -> tuple[list[Draft], set[int]]:
    """The findings kind leads tell in `lines`, and the indexes of the lines they take."""
    drafts: list[Draft] = []
    taken: set[int] = set()
    i = 0
    while i < len(lines):
        m = None if fenced[i] else _KIND_LEAD.match(lines[i])
        if m is None:
            i += 1
            continue
        end = _point_end(lines, fenced, i, bool(m["mark"]))
        more = " ".join(ln.strip() for ln in lines[i + 1 : end])
        head = _head(m["r"], prefixes)
        if head is not None and m["lvl"] and tag_level(m["lvl"].strip()) is not None:
            head.severity, head.level_word = tag_level(m["lvl"].strip()), m["lvl"].strip().lower()
        if head is not None:
            head.classification = _kind(m["k"]) or None
            drafts.append(make_draft(head, None, body=more.strip(), prefixes=prefixes))
            taken.update(range(i, end))
        i = end
    return drafts, taken


def _head(text: str, prefixes: tuple[str, ...]) -> FindingHead | None:
    """The finding a kind lead's text tells, or None when it says all is well or names no
    place with a line."""
    said = re.sub(r"[*_]", "", text).strip()
    if says_none(said) or _FINE.match(said) or ALL_WELL.match(said):
        return None
    head = bullet_head(text, prefixes, plain=True)
    if head is not None and head.style == "placed":
        head.title = head.title.rstrip(".").rstrip()
    else:
        head = FindingHead(id=None, title="", style="lead")
        head.locations = locations_in(text, prefixes)
        first = sentences(text)[0]
        head.title = _CLOSING_PLACE.sub("", first).rstrip(" .")
    if not head.title or not any(loc.start is not None for loc in head.locations):
        return None
    return head


def _point_end(lines: list[str], fenced: list[bool], i: int, item: bool) -> int:
    """The end of the point that opens at line `i`: its paragraph, or its list item (the lines
    indented under it)."""
    j = i + 1
    while j < len(lines) and lines[j].strip():
        if not fenced[j] and _KIND_LEAD.match(lines[j]):
            break
        if item and not lines[j].startswith((" ", "\t")):
            break
        j += 1
    return j
