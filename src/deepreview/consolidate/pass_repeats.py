"""A seat's later pass repeating its own earlier finding.

Pass 2's prompt asks for new findings only, but models often raise a pass-1 finding again in
other words, at a line inside the same place, and graded anew ("`mul` returns 0 for a negative
multiplier" at `calc.py:13-17`, then "Negative multiplier silently yields zero product" at
`calc.py:15`). The same two texts from two seats are one cluster (`cluster.py`); from one seat's
two passes they must be one finding as well. The test is the one clustering uses, a pair score
of at least `LINK_THRESHOLD`; each earlier finding takes at most one repeat (as a cluster holds
at most one finding of a seat). Findings of one pass are never compared here: within a pass a
seat's two findings are two findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.partition import LINK_THRESHOLD
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.model import Finding


def repeats(
    later: Sequence[Finding],
    earlier: Sequence[Finding],
    *,
    seat: str,
    known_files: Iterable[str] = (),
) -> dict[int, int]:
    """{index in `later`: index in `earlier` it repeats}, for the later findings that repeat
    one; the strongest pairs are matched first (ties: earlier positions first)."""
    if not later or not earlier:
        return {}
    changed = tuple(known_files)
    known = set(changed)
    for f in (*earlier, *later):
        known.update(loc.path for loc in f.locations if "/" in loc.path)
    resolver = PathResolver(known, authoritative=changed)
    old = [extract(seat, f, resolver) for f in earlier]
    new = [extract(seat, f, resolver) for f in later]
    idf = rarity((*old, *new))
    scored = sorted(
        (-s, i, j)
        for i, x in enumerate(new)
        for j, y in enumerate(old)
        if (s := evidence(x, y, idf=idf).score) >= LINK_THRESHOLD
    )
    out: dict[int, int] = {}
    for _, i, j in scored:
        if i not in out and j not in out.values():
            out[i] = j
    return out
