"""Two findings each citing the other's place: one problem told from both of its ends.

"The standalone controllers are built untagged at `Makefile:99-104`, so the image lookup at
`limavm_controller.go:465` fails" at the Makefile, and "the missing-image error misleads in
the standalone controller, built untagged (`Makefile:99-100`)" at `limavm_controller.go:466`:
each reviewer placed it at one end and named the other end in its explanation. One citation is
a reviewer's reasoning (the code it calls, the test it read) and counts half a place
(`score._where`); a citation each way is the pair agreeing where the problem lies, as a careful
lead reads it, and counts as the place itself.
"""

from __future__ import annotations

from deepreview.consolidate.features import Features, Span

# Cited lines this close to a place still name it: one reviewer cites the line of a call, the
# other the lines around it (`traced.TRACE_SLACK`).
CITE_SLACK = 3


def _near(a: Span, b: Span) -> bool:
    if a.path != b.path or None in (a.start, a.end, b.start, b.end):
        return False
    assert a.start is not None and a.end is not None
    assert b.start is not None and b.end is not None
    return max(a.start, b.start) - min(a.end, b.end) <= CITE_SLACK


def _cites(x: Features, y: Features) -> bool:
    """`x`'s explanation names lines at (or beside) one of `y`'s own places."""
    return any(_near(m, loc) for m in x.mentions for loc in y.locations)


def either_cites(x: Features, y: Features) -> bool:
    """One finding's explanation names lines at (or beside) one of the other's own places."""
    return _cites(x, y) or _cites(y, x)


def cite_each_other(x: Features, y: Features) -> bool:
    """Each finding's explanation names the other's place, in files neither shares with the
    other's own places (two findings in one file have `where` for that)."""
    if x.files & y.files:
        return False
    return _cites(x, y) and _cites(y, x)
