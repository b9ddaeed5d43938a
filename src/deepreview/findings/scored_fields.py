"""The level a `Severity:` (or `Priority:`) field's value gives: its level word (`High`,
`🟠 Major`, `Hoch`), else a score on a scale (`8/10`, `5 / 10`, `2 of 5`, `3 out of 5.`), read
as its share of the scale as a `[4/5]` mark at an item's head is (`numeric_levels.scale_level`).

The word comes first: `moderate (I am 9/10 sure)` is moderate, the score after it says how sure
the reviewer is. A score is the whole value, bar a closing stop or a bracketed aside (`7/10
(data loss on retry)`): `3/5 tests fail` is what happens, not a level. Only a severity is read
higher-is-worse: `Priority: 1 of 5` is as often the first priority as the least, so a priority's
score gives no level (the finding is unrated, and says so).
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.label_words import english_level
from deepreview.findings.levels import first_level_word
from deepreview.findings.numeric_levels import scale_level

_SCORE: Final = re.compile(
    r"^[*_`]{0,2}[ \t]{0,3}(?P<n>\d{1,2})[ \t]{0,3}(?:/|of|out[ \t]{1,3}of)[ \t]{0,3}"
    r"(?P<m>\d{1,2})[ \t]{0,3}[*_`]{0,2}[ \t]{0,3}\.?[ \t]{0,3}(?:\([^()\n]{0,200}\))?[ \t]*$",
    re.IGNORECASE,
)


def field_level(label: str, value: str) -> str | None:
    """The level word of a `label` field's value (`first_level_word`), else of its score when
    the field is a severity."""
    word = first_level_word(english_level(value))
    if word is not None or label != "severity":
        return word
    m = _SCORE.match(value.strip())
    return scale_level(int(m["n"]), int(m["m"])) if m is not None else None
