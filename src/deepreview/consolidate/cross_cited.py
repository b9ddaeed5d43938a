"""Two findings each citing the other's place: one problem told from both of its ends.

"The standalone controllers are built untagged at `Makefile:99-104`, so the image lookup at
`limavm_controller.go:465` fails" at the Makefile, and "the missing-image error misleads in
the standalone controller, built untagged (`Makefile:99-100`)" at `limavm_controller.go:466`:
each reviewer placed it at one end and named the other end in its explanation. One citation is
a reviewer's reasoning (the code it calls, the test it read) and counts half a place
(`places_alike.place_score`); a citation each way is the pair agreeing where the problem lies,
as a careful lead reads it, and counts as the place itself.
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


def _own_lines_cited(f: Features) -> list[tuple[int, int]]:
    """The line ranges `f`'s prose cites bare ("the downloader at line 94", "lines 48-49"),
    not those of a file reference (`a.go:94`, a mention of another place)."""
    elsewhere = {(m.start, m.end) for m in f.mentions if m.start is not None}
    out = []
    for cited in f.cited:
        first, _, last = cited.partition("-")
        span = (int(first), int(last or first))
        if span not in elsewhere:
            out.append(span)
    return out


def _cites_lines_of(x: Features, place: Span) -> Span | None:
    assert place.start is not None and place.end is not None
    for start, end in _own_lines_cited(x):
        if max(start, place.start) - min(end, place.end) <= CITE_SLACK:
            return Span(place.path, start, end)
    return None


def lines_cited_each_way(x: Features, y: Features) -> tuple[Span, Span] | None:
    """(the line of `y`'s place that `x` cites, `y`'s place) when the two are placed in one
    file only, apart, and each explanation cites the other's lines in words: "passes the host
    arch to the downloader at line 94" at lines 48-49, "lines 48-49 read that target, but the
    empty assignments at line 94 …" at lines 92-94. One problem told from both of its ends in
    one file, as `cite_each_other` reads it across two files. One way only is the reviewer
    walking through the code; graded apart, the two read one stretch of code for two problems
    ("a failed re-assert goes quiet", a suggestion, and "re-assert turns a failure into
    success", important, each citing the other's lines)."""
    if len(x.files) != 1 or x.files != y.files or x.severity != y.severity:
        return None
    mine, theirs = x.locations[0], y.locations[0]
    if None in (mine.start, mine.end, theirs.start, theirs.end) or _near(mine, theirs):
        return None
    there, back = _cites_lines_of(x, theirs), _cites_lines_of(y, mine)
    return (there, theirs) if there is not None and back is not None else None
