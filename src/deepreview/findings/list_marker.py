"""A Markdown list item at a line's margin: its marker (`-`, `*`, `+`, `1.`, `2)`) and a blank,
indented at most three spaces (four would be code, or a nested item's)."""

from __future__ import annotations

import re
from typing import Final

LIST_MARKER: Final = r"(?:[-*+]|\d{1,9}[.)])"
MARGIN_ITEM: Final = re.compile(rf"^ {{0,3}}{LIST_MARKER}[ \t]")
# an item led by a finding's ID (`- C1 `a.py:3` …`, `2. **I-2:** …`, `- [S3] …`): the letter and
# the number, the match ending past the ID's emphasis or bracket
ID_LED_ITEM: Final = re.compile(
    rf"^ {{0,3}}{LIST_MARKER}[ \t]+[*_\[]*([CIS])-?(\d{{1,4}})\b[*_\]]*"
)
