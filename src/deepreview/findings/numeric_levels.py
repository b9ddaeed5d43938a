"""Severity as a number on a scale at the head of an item: `**[5/5]**`, `[3/5]`, `(4/5)`,
`Severity 3 of 5 —`, `severity: 2/5`. A review that rates "from 1 (cosmetic) to 5 (must fix)"
marks each finding's level so; the number's share of the scale is the level: the top fifth
critical (5 and 4 of five, 8–10 of ten), down to two fifths important (3 and 2 of five), below
that a suggestion (1 of five).

Only at the head of an item, and only a bracketed, bold or labelled mark (a bare `4/5` before a
place too): a sentence that says "3/5 tests pass" is no level. Only scales of 3 to 10, read
higher is worse (the scale reviews explain; `P0`…`P3` are words, `levels.py`). Unlabelled, only
the rating scales of five and ten: `**[1/3]**`, `[2/4]` count the items (the first of three),
and read as levels they would rank a list by its order.
"""

from __future__ import annotations

import re
from typing import Final

# blanks, bounded: a line of thousands of blanks must not be tried at each split
_B: Final = r"[ \t]{0,3}"
_MARK: Final = r"(?P<n>\d{1,2})[ \t]{0,3}(?:/|of|out[ \t]{1,3}of)[ \t]{0,3}(?P<m>\d{1,2})"
_LABEL: Final = r"(?P<label>severity|priority|sev|level)[ \t]{0,3}[:=]?[ \t]{0,3}"
# the scales reviews rate on without saying "severity"
_RATING_SCALES: Final = frozenset({5, 10})
_SEP: Final = r"[ \t]{0,3}(?:[:—–·|]|-(?=[ \t]))?[ \t]{0,3}"
_LEADS: Final = (
    # `**[5/5]**`, `[5/5]`, `(4/5)`, `**4/5**`, `**Severity 4/5:**`
    re.compile(
        rf"^(?:\*\*|__)?{_B}(?P<o>[\[(])?{_B}(?:{_LABEL})?{_MARK}{_B}(?(o)[\])])"
        rf"{_B}(?::{_B})?(?:\*\*|__){_SEP}(?P<r>\S.*)$",
        re.I,
    ),
    re.compile(rf"^[\[(]{_B}(?:{_LABEL})?{_MARK}{_B}[\])]{_SEP}(?P<r>\S.*)$", re.I),
    # `Severity 3 of 5 — …`: the label makes a plain number a level
    re.compile(rf"^{_LABEL}{_MARK}{_SEP}(?P<r>\S.*)$", re.I),
    # `4/5 `a.py:3`: …`: a bare mark only right before a place
    re.compile(rf"^{_MARK}{_SEP}(?P<r>`?[^\s`*]+:\d+.*)$", re.I),
)


def scale_level(n: int, m: int) -> str | None:
    """`n` of `m` -> the level word of its share of the scale; None when no scale of 3–10."""
    if not 3 <= m <= 10 or not 1 <= n <= m:
        return None
    share = n / m
    return "critical" if share >= 0.8 else "important" if share >= 0.4 else "suggestion"


def numeric_lead(text: str) -> tuple[str, str] | None:
    """An item opening with a numeric level mark -> (its level word, the item without it)."""
    for rx in _LEADS:
        m = rx.match(text)
        if m is not None:
            scale = int(m["m"])
            if m.groupdict().get("label") is None and scale not in _RATING_SCALES:
                return None  # an item counter (`[1/3]`), not a rating
            word = scale_level(int(m["n"]), scale)
            return (word, m["r"]) if word is not None else None
    return None
