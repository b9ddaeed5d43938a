"""Where two findings' line ranges stand to each other: the same lines, one line, beside."""

from __future__ import annotations

from collections.abc import Iterator

from deepreview.consolidate.features import Features
from deepreview.consolidate.kinds import TEST_PATH

SAME_PLACE_LINES = 3  # "the same line(s)": one range inside the other, neither longer than this
ADJACENT_LINES = 2  # "beside": short ranges this few lines apart (42 beside 40)


def meet_in_a_test(x: Features, y: Features) -> bool:
    """Some location of one overlaps one of the other's in a test file."""
    return any(
        a.path == b.path
        and TEST_PATH.search(a.path) is not None
        and a.start is not None
        and b.start is not None
        and max(a.start, b.start) <= min(a.end or a.start, b.end or b.start)
        for a in x.locations
        for b in y.locations
    )


# "The same lines": the shared part of two ranges is at least this share of the lines the two
# cover together (43-50 and 43-46: 4 of 8). A finding spanning a whole section (78-111) meets
# every finding inside it without pointing at their lines.
SAME_LINES_SHARE = 0.5


def same_lines(x: Features, y: Features) -> bool:
    """Some location of one and one of the other cover mostly the same lines of a file."""
    for a in x.locations:
        for b in y.locations:
            if a.path != b.path or a.start is None or b.start is None:
                continue
            assert a.end is not None and b.end is not None  # a Span with a start has an end
            shared = min(a.end, b.end) - max(a.start, b.start) + 1
            joint = max(a.end, b.end) - min(a.start, b.start) + 1
            if shared > 0 and shared >= SAME_LINES_SHARE * joint:
                return True
    return False


def one_line(x: Features, y: Features) -> bool:
    """The two findings meet on single lines only: no multi-line range of one overlaps the
    other's by more than a line."""
    return all(min(ae, be) - max(a0, b0) < 1 for a0, ae, b0, be in _line_pairs(x, y))


def places(x: Features, y: Features) -> tuple[bool, bool]:
    """(both point at the same short line range, one names only a file the other has lines in)."""
    same, file_and_line = False, False
    for a in x.locations:
        for b in y.locations:
            if a.path != b.path:
                continue
            if a.start is None or b.start is None or a.end is None or b.end is None:
                file_and_line |= (a.start is None) != (b.start is None)
                continue
            inside = (a.start <= b.start and b.end <= a.end) or (
                b.start <= a.start and a.end <= b.end
            )
            short = max(a.end - a.start, b.end - b.start) < SAME_PLACE_LINES
            same |= inside and short
    return same, file_and_line


def pinpoint_inside(x: Features, y: Features) -> bool:
    """A short range of one (under `SAME_PLACE_LINES` lines) lies inside a range of the other:
    one reviewer points at the line, the other at the block around it (3 inside 2-5)."""
    for a0, ae, b0, be in _line_pairs(x, y):
        if (b0 <= a0 and ae <= be and ae - a0 < SAME_PLACE_LINES) or (
            a0 <= b0 and be <= ae and be - b0 < SAME_PLACE_LINES
        ):
            return True
    return False


def meet_on_a_line(x: Features, y: Features) -> bool:
    """Some location of one overlaps one of the other's (a quoted line is then that line)."""
    return any(
        a.path == b.path
        and None not in (a.start, a.end, b.start, b.end)
        and max(a.start or 0, b.start or 0) <= min(a.end or 0, b.end or 0)
        for a in x.locations
        for b in y.locations
    )


def lines_beside(x: Features, y: Features) -> bool:
    """Some short line range of one lies a line or two from one of the other's, not meeting it
    (`ADJACENT_LINES`)."""
    return any(
        0 < max(a0, b0) - min(ae, be) <= ADJACENT_LINES and max(ae - a0, be - b0) < SAME_PLACE_LINES
        for a0, ae, b0, be in _line_pairs(x, y)
    )


# "A few lines apart": short ranges this near are one spot of a function for what a title claims
# there (`claim_pairs.failure_told_by_one`): the division and the `return` two lines on.
FEW_LINES = 5


def few_lines_apart(x: Features, y: Features) -> bool:
    """Some short line range of one lies within `FEW_LINES` of one of the other's, not
    meeting it."""
    return any(
        0 < max(a0, b0) - min(ae, be) <= FEW_LINES and max(ae - a0, be - b0) < SAME_PLACE_LINES
        for a0, ae, b0, be in _line_pairs(x, y)
    )


def _line_pairs(x: Features, y: Features) -> Iterator[tuple[int, int, int, int]]:
    """(start, end) of one finding's place and of the other's, for every pair of places in
    one file that both have lines."""
    for a in x.locations:
        for b in y.locations:
            if a.path != b.path or a.start is None or b.start is None:
                continue
            assert a.end is not None and b.end is not None  # a Span with a start has an end
            yield a.start, a.end, b.start, b.end
