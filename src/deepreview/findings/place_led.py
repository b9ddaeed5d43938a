"""A finding's first line that puts its place right after the ID: `- **I1** `a.py:3` — the
loop never ends.`, `I2. `a.py:9`: name is vague`. The place is no title: the words after it are.
"""

from __future__ import annotations

import re

from deepreview.findings.head import FindingHead, locations_in
from deepreview.findings.location_join import split_locations
from deepreview.findings.locations import parse_location, same_file_lines
from deepreview.markdown_fence import code_spans
from deepreview.model import Location

# A blank-led cut starts only where a blank run starts: from inside a run the same cut is
# found by the run's first blank, and trying every blank of a long run is quadratic.
# (a middle dot parts fields as a dash does: `- **High** · `a.py:42` · Title: text`)
SPLIT = re.compile(r"(?<![ \t])[ \t]+(?:[—–·]|--?)[ \t]+|:[ \t]+")


def place_led(head: FindingHead, prefixes: tuple[str, ...]) -> None:
    """`- **I1** `a.py:3` — the loop never ends.`, `I2. `a.py:9`: name is vague`: after the ID
    the place, then the finding's words. The place joins the locations and the words' first
    sentence is the title; the words stay the body's opening too, as they were, since how they
    end tells a review that stopped mid-sentence (`unfinished.py`)."""
    if head.title.startswith("**"):
        return
    after = head.leftover.lstrip(":—–- \t")
    parts = SPLIT.split(head.title, maxsplit=1)
    if after and (found := _just_places(head.title, prefixes)):
        title = after
    elif len(parts) == 2 and parts[1].strip() and (found := _just_places(parts[0], prefixes)):
        title = parts[1]
    else:
        return
    head.locations[:0] = [loc for loc in found if loc not in head.locations]
    if named_title(head, title):
        return
    first, _, more = title.partition(". ")
    head.title = first.strip().rstrip(".").rstrip()
    if title is not after and more.strip():
        head.leftover = f"{more.strip()} {head.leftover}".strip()  # (the title's other sentences)


# A short name and a colon opening the words after the place (`Crash on lists: …`): up to six
# words, no code or sentence end in them
_NAMED = re.compile(r"^(?P<t>[A-Z][^\s:`.!?]*(?:[ \t]+[^\s:`.!?]+){0,5}):[ \t]+(?P<r>\S.*)$")
# labels, not names: `Note: …`, `Fix: …`, `Why: …`
_NOT_TITLES = frozenset(
    ("note", "fix", "why", "problem", "issue", "impact", "details", "description", "reason",
     "context", "evidence", "suggestion", "recommendation", "example", "nit", "todo")
)  # fmt: skip


def named_title(head: FindingHead, words: str) -> bool:
    """`- `a.py:2` — Crash on lists: `dict(p)` raises …`: the short name before the colon of
    the words after the place is the title, its text the body's opening (True when so)."""
    named = _NAMED.match(words)
    if named is None or named["t"].strip().lower() in _NOT_TITLES:
        return False
    head.title = named["t"].strip()
    head.leftover = f"{named['r'].strip()} {head.leftover}".strip()
    return True


def _just_places(text: str, prefixes: tuple[str, ...]) -> list[Location]:
    """The places `text` names when it names nothing else (a code span's path may hold a
    blank: `` `my dir/a.py:2` ``); else []."""
    if not text.strip().startswith("`") and not all_locations(text, prefixes):
        return []
    found = locations_in(text, prefixes)
    rest, pos = [], 0
    for start, end in code_spans(text):
        if locations_in(text[start:end], prefixes):
            rest.append(text[pos:start])
            pos = end
    rest.append(text[pos:])
    return found if found and not " ".join(rest).strip(" .,;:—–-") else []


def all_locations(text: str, prefixes: tuple[str, ...]) -> bool:
    """Every item names a place: a location, or more lines of the file before (`a.go:1, 9`)."""
    items = [x for x in split_locations(text.strip()) if x]
    anchor: Location | None = None
    for item in items:
        loc = parse_location(item, prefixes)
        if loc is None and (anchor is None or same_file_lines(anchor, item.strip("`")) is None):
            return False
        anchor = loc or anchor
    return bool(items)
