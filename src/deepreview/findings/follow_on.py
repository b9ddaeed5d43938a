"""A rated item with no place of its own, right under a placed item of one commit's notes:

    **a1c9e0f — parse `--since` as a duration**

    - blocking: in `parse` (cli/args.ts, lines 40–52) a bare number is read as milliseconds …
    - non-blocking: the regex could accept `h`/`d` suffixes too.

A review told commit by commit keeps each commit's notes under a heading naming the commit (its
hash); a note written on the next line, at the same margin, led by its own level and naming no
place says more about the same code ("the regex"), so its place is the note's above. Only
there: in a list of findings under any other heading (`**Issues:**`) an item with no place is a
point of its own, with none. Not when a blank line parts them, when the follow-on tells lines
or a file of its own (`lines 20-22 in that file` is `relative_places`'), or when the item above
has no place with a line.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

from deepreview.findings.blocks import BOLD_LINE
from deepreview.findings.file_groups import heading_level
from deepreview.findings.finding_draft import Draft
from deepreview.findings.head import FindingHead
from deepreview.findings.list_marker import LIST_MARKER
from deepreview.findings.locations import LINE_WORD

_ITEM: Final = re.compile(rf"^(?P<m>[ \t]*){LIST_MARKER}[ \t]+\S")
# lines, a file or a place of its own, told in any way
_OWN_PLACE: Final = re.compile(
    rf"(?:{LINE_WORD})\d|[\w-]\.[A-Za-z]{{1,8}}\b|\b(?:that|this|same|other)\s+file\b",
    re.IGNORECASE,
)
# a commit's short or full hash: hex with both a digit and a letter (`a1c9e0f`, not `1234567`)
_HASH: Final = re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b")


def follow_on_places(made: list[tuple[int, FindingHead, Draft]], lines: list[str]) -> None:
    """Give each follow-on item (see the module) the place of the item above it: `made` holds
    the line each draft opens at, its head and the draft, in the order written."""
    for (above, up, prev), (at, head, draft) in pairwise(made):
        if head.locations or not head.level_word or not up.level_word:
            continue
        placed = [loc for loc in prev.head.locations if loc.start is not None]
        first, second = _ITEM.match(lines[above]), _ITEM.match(lines[at])
        if not placed or first is None or second is None or first["m"] != second["m"]:
            continue
        if not _under_a_commit(lines, above) or any(not ln.strip() for ln in lines[above + 1 : at]):
            continue  # (a blank line between: separate points)
        if _OWN_PLACE.search(f"{head.title}\n{draft.body}"):
            continue
        head.locations = placed[:1]


def _under_a_commit(lines: list[str], at: int) -> bool:
    """The nearest heading or bold line above line `at` names a commit by its hash."""
    for line in reversed(lines[:at]):
        if heading_level(line) is not None or BOLD_LINE.match(line):
            return _HASH.search(line) is not None
    return False
