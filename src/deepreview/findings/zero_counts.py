"""A review that counts its findings by level, every count zero: a clean review.

`| Critical | 0 |` / `| Important | 0 |` rows of a findings table, or one line
`**Critical:** 0 · **Important:** 0 · **Suggestions:** 0`: the seat says, in numbers, that it
found nothing. Read as text it is neither a finding nor a "None.", and would be findings text
that could not be read (the verdict Unverified) or no review at all. Only a text made of
level-and-count pairs (and a table's header and rule) counts, and only when every count is 0: a
count of 1 with no finding we can read is findings we could not read.
"""

from __future__ import annotations

import re
from typing import Final

_LEVEL: Final = (
    r"(?:critical|important|high|medium|low|minor|major|moderate|severe|suggestions?|nits?|"
    r"nitpicks?|blockers?|blocking|warnings?|info|total)"
)
# A level and its count: `Critical | 0`, `**Important:** 0`, `Suggestions (0)`, `High = 0`.
_PAIR: Final = re.compile(
    rf"\b{_LEVEL}(?:\s+(?:issues?|findings?|severity))?[\s:=|()*_`—–-]{{0,8}}(\d+)\b(?:\s*\))?",
    re.IGNORECASE,
)
# What may stand beside the pairs: a table's header words and rule, separators, markup.
_FILLER: Final = re.compile(
    r"\b(?:severity|level|count|number|findings?|issues?)\b|[\s|:·•,;/*_`()#\-—–=]+",
    re.IGNORECASE,
)


def zero_counts(text: str) -> bool:
    """`text` is only level-and-count pairs (a count table, a line of counts), each count 0."""
    pairs = list(_PAIR.finditer(text))
    if len(pairs) < 2 or any(int(m.group(1)) != 0 for m in pairs):
        return False
    rest = _FILLER.sub("", _PAIR.sub("", text))
    return rest == ""
