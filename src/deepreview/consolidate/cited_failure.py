"""One finding following its failure to the other's line, both titles naming that failure.

"`Find(orderId)` yields null for an unknown id and line 27 writes through it" at line 26, and
"Unknown order id crashes the ship endpoint" at line 27: one reviewer placed the problem at its
cause and named the line where it shows, the other placed it there. A crash is how many
failures end (`claims.SYMPTOMS`), so two crashes a line apart are no claim on their own; a
crash one finding names at the very line the other is placed on is the same one told from its
two ends. Another crash at a line neither cites (a failed commit a line further on) stays
apart (benchmarks/README.md, "Two problems on one line, round two").
"""

from __future__ import annotations

from deepreview.consolidate.claims import sides_of_one
from deepreview.consolidate.features import Features


def _lines(cited: frozenset[str]) -> list[tuple[int, int]]:
    out = []
    for span in cited:
        first, _, last = span.partition("-")
        out.append((int(first), int(last or first)))
    return out


def _spans(f: Features) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in f.locations if s.start is not None and s.end is not None]


def _names_the_line_of(x: Features, y: Features) -> bool:
    """`x`'s words cite a line inside `y`'s own place and outside its own (bare "line 27", not a
    file reference to another place)."""
    elsewhere = {(m.start, m.end) for m in x.mentions}
    theirs, mine = _spans(y), _spans(x)
    for start, end in _lines(x.cited | x.title_cited):
        if (start, end) in elsewhere or any(a <= end and start <= b for a, b in mine):
            continue
        if any(a <= start and end <= b for a, b in theirs):
            return True
    return False


def failure_at_a_cited_line(x: Features, y: Features) -> bool:
    """Both titles name one failure (a crash too) or its two sides (the `None` and the crash it
    ends in: `claims.sides_of_one`), in one file, and one finding's words name the line the
    other is placed on."""
    if len(x.files) != 1 or x.files != y.files:
        return False
    if not (x.claims & y.claims or sides_of_one(x.claims, y.claims)):
        return False
    return _names_the_line_of(x, y) or _names_the_line_of(y, x)
