"""A list item shaped like the finding just above it is the next finding, place or no place.

    - **`sub` ignores its second argument** — `calc.py:5`. It returns `a` alone.
    - **`shout` has no docstring**: callers cannot tell what it does.

Under a plain Findings heading a bold-titled item with no place and no level is not taken as a
finding on its own (it may be a field of the item above, `- **Fix:** …`); read as the first
item's text it lost a finding and put its words into another's. Beside a finding with the same
marker at the same margin, a bold title that is a phrase (three words or more, or code; two
when the item names a fault) and no field's label is a sibling finding. So is a numbered one
after a bulleted finding in one section (`1. **`shout` crashes on `None`** — …` after
`- **…**`): the seat changed list shapes midway, and read as the bullet's text it lost a
finding.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.problem_words import names_a_fault

_BOLD_ITEM: Final = re.compile(
    r"^(?P<indent>[ \t]{0,3})(?P<marker>[-*+]|\d{1,9}[.)])[ \t]+\*\*(?P<title>[^*\n]+?)\*\*"
)
# the labels of a finding's own fields, written as items under or beside it
FIELD_LABEL: Final = re.compile(
    r"^(?:impact|fix|fixes|problem|issue|description|details?|why|risk|recommendation|"
    r"suggestion|suggested\s+fix|severity|priority|location|file|files|lines?|evidence|"
    r"rationale|example|note|notes|context|category|type|status|confidence|reason|effect|"
    r"consequence|solution|remediation|mitigation|steps|repro(?:duction)?|tests?|"
    r"classification|scope|verdict|action|proposed\s+fix|root\s+cause|how\s+to\s+fix)\b",
    re.IGNORECASE,
)


def bold_sibling(finding_line: str, line: str, *, numbered_after: bool = False) -> bool:
    """`line` is a list item like the finding's at `finding_line` (see the module doc); with
    `numbered_after`, a numbered one after a bulleted finding (`1. **Title**` after `- **…**`)."""
    a, b = _BOLD_ITEM.match(finding_line), _BOLD_ITEM.match(line)
    if a is None or b is None or a.group("indent") != b.group("indent"):
        return False
    digits = (a.group("marker")[0].isdigit(), b.group("marker")[0].isdigit())
    if digits != ((False, True) if numbered_after else (digits[0], digits[0])):
        return False
    if not any(digits) and a.group("marker") != b.group("marker"):
        return False
    title = b.group("title").strip().rstrip(":").strip()
    if FIELD_LABEL.match(title.strip("`")):
        return False
    words = len(title.split())
    # (two words only when the item names a fault: `**Missing docs**: the README …`, not an
    # `**Edge case**` note)
    return "`" in title or words >= 3 or (words == 2 and names_a_fault(line))
