"""The words a phrase pattern cannot match without, so a search that cannot succeed is skipped.

`claims.claims_in` searches every finding's text with each of ~90 failure kinds' patterns, and
almost none of them match: a search is a walk of the regex engine over every position, while
"is `leak` in the lowered text" is one scan in C. `needed` reads a pattern's parse tree for a set
of literal strings of which every match must contain one (a run of literal characters that a
match always holds, or one per alternative of a branch); a text holding none of them cannot
match, and the search is skipped. Anything the reading does not follow (a character class, an
optional part, a back-reference) gives no set, and that pattern is always searched. The test is
exact only on ASCII text, where case-insensitive matching is equality of lower case; other text
is always searched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# The regex parser is CPython's own, not a public API: a Python without it gives no sets, and
# every pattern is searched as before (slower, the same results).
try:
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - CPython 3.11 and later have both
    _c = _parser = None


def needed(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case ASCII strings of which every match of `pattern` contains one, or None when
    the pattern's form gives no such set."""
    if _parser is None:
        return None
    found = _in_sequence(_parser.parse(pattern, flags))
    if found is None or not all(s.isascii() for s in found):
        return None
    return frozenset(s.lower() for s in found)


def _in_sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    # The best of the sequence's necessary sets: the one whose shortest string is longest.
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        one = _in_item(op, av)
        if one is not None:
            options.append(one)
    if run:
        options.append(frozenset({"".join(run)}))
    return max(options, key=lambda s: min(map(len, s)), default=None)


def _in_item(op: Any, av: Any) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _in_sequence(av[-1])
    if op is _c.ATOMIC_GROUP:
        return _in_sequence(av)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _in_sequence(body) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            one = _in_sequence(alternative)
            if one is None:
                return None
            union |= one
        return frozenset(union)
    return None
