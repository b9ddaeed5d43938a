"""A list of places under a findings heading: each item a finding with no level.

    ## Findings

    - `app/cache.py:40` — the TTL is read once at import, so changing it needs a restart.
    - `app/cache.py:72` — keys include the user id twice.

A seat that writes only where it looked and what it saw, with no fault word and no rated item
beside, still writes its findings: that is what the heading says the list is. Before, the list
was "text in a findings section" and the seat, with nothing else, failed as an unparseable
review. Each item is read as a finding at the section's level, else important, listed as
unrated (the report says the level was guessed). Narrowly: the item leads with a place with a
line; every item of its list leads with a place too (a list of places, not prose with one place
in it); no words stand before the list in its section (a lead-in, `No blocking issues. Minor:`,
says what the list is, and its own readers judge it); and the item does not tell what the
change does there (`adds the retry budget`: a walkthrough of the diff, which stays unread as
before). An item that says the spot is fine or praises it is set aside with a warning, as
beside a rated item (`rated_siblings`). A praise heading's list never gets here: that section
is no findings section.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.head import FindingHead
from deepreview.findings.rated_siblings import (
    item_indent,
    list_item_head,
    list_siblings,
    placed_unrated,
)


def in_a_list_of_places(
    lines: list[str], fenced: list[bool], i: int, head: FindingHead, prefixes: tuple[str, ...]
) -> bool:
    """Item `i` (read as `head`) leads with a place with a line and has no level of its own,
    and every other item of its list leads with a place."""
    ind = item_indent(lines[i])
    if ind is None or not placed_unrated(head):
        return False
    if _WALKTHROUGH.match(head.title):
        return False
    items = list_siblings(lines, fenced, i, ind)
    # words before the list (`No blocking issues. Minor:`, `Two problems:`) say what it is:
    # the readers of a lead-in judge it
    if any(ln.strip() for ln in lines[: min([i, *items])]):
        return False
    return all(_placed(lines[k], prefixes) for k in items)


# `- `jobs/budget.py:31` — adds the retry budget.`: what the change does at the place, a
# walkthrough of the diff and no remark on it
_WALKTHROUGH: Final = re.compile(
    r"^[\W_]*(?:adds?|added|moves?|moved|renames?|renamed|introduces?|introduced|extracts?|"
    r"extracted|removes?|removed|deletes?|deleted|replaces?|replaced|updates?|updated|"
    r"refactors?|refactored|implements?|implemented|creates?|created|switch(?:es)?|switched|"
    r"converts?|converted|splits?|wires?|wired|registers?|registered|bumps?|bumped|new)\b",
    re.IGNORECASE,
)


def _placed(line: str, prefixes: tuple[str, ...]) -> bool:
    head = list_item_head(line, prefixes)
    return head is not None and head.style == "placed" and bool(head.locations)
