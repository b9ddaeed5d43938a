"""One failure told as its cause over a block and as its symptom at a line inside it.

From merge cases 51, 54, 77 and 79 (development cases; benchmarks/README.md, "Merging without a
lead", mg77): "Unauthenticated callers can crash the process" over the interceptor (19-32) and
"Index out of range when `authorization` is absent" at its line 24; "Panics when the source
finishes" at 21 and "the batching loop has no exit" over 19-28. One finding names the failure
(`Features.claims`: a crash, a leak, a duplicate), the other the code's fault and no failure
kind; one place lies inside the other's range; the reviewers grade it alike; and the two say
several words alike beyond the code names they give (the source, the channel, the batch). Two
findings that both name failure kinds are two tellings of failures (`claims_differ` decides);
two that name none are two remarks on the code; graded apart, they are two judgements.
"""

from __future__ import annotations

from deepreview.consolidate.features import Features, finding_words
from deepreview.consolidate.places_alike import NEAR_LINES

SAID_ALIKE_WORDS = 3


def _inside(x: Features, y: Features) -> bool:
    """A place of one lies strictly inside a place of the other, in one file, that other
    place a block (no longer than `NEAR_LINES`), not a section: a range over a whole migration
    holds every remark on its lines (`score_caps._a_section_wide`)."""
    for a in x.locations:
        for b in y.locations:
            if a.path != b.path or None in (a.start, a.end, b.start, b.end):
                continue
            a0, ae, b0, be = a.start or 0, a.end or 0, b.start or 0, b.end or 0
            if (a0, ae) != (b0, be) and (
                (b0 <= a0 and ae <= be and be - b0 < NEAR_LINES)
                or (a0 <= b0 and be <= ae and ae - a0 < NEAR_LINES)
            ):
                return True
    return False


def _names(f: Features) -> set[str]:
    spelled = dict(f.spellings)
    return {w for i in f.identifiers for w in finding_words(spelled.get(i, i)) | finding_words(i)}


def symptom_inside_cause(x: Features, y: Features) -> frozenset[str]:
    """The words both say beyond code names when one finding names a failure, the other none,
    graded alike, one place inside the other's; else nothing."""
    if x.severity is None or x.severity != y.severity or bool(x.claims) == bool(y.claims):
        return frozenset()
    if not _inside(x, y):
        return frozenset()
    said = (x.title_words | x.prose_words) & (y.title_words | y.prose_words)
    said -= _names(x) | _names(y)
    return frozenset(said) if len(said) >= SAID_ALIKE_WORDS else frozenset()
