"""What a pair's score rests on: something the two findings say alike, or only where they are.

A score is one number; the clustering also needs to know why, where it weighs resemblance
rather than a link. Three reviewers agreeing on an issue tie a fourth finding that resembles
each of them (`partition.AGREED_BY`), but a terse remark over the same block ("the unpacking
prints no progress" over the lines three seats say let member names climb out of the folder)
resembles each only by its place, plus a common word: four small scores of place are not four
sightings of one problem. One of its pairs must rest on more: a code name, a failure named by
both, a cited or quoted line, a title or explanation worded alike, a gap, value or construct both
name, or the same grade (the reviewers judged it as grave: "Archive paths reach libzs garbled",
high, over the block where three seats' high "the `CString` is freed before the call" sits, is
their problem seen from its symptom; a low "no cache headers" over the block of three seats'
traversal is not).
"""

from __future__ import annotations

from deepreview.consolidate.evidence import SAID_PROSE, SAID_TITLE, Evidence
from deepreview.consolidate.features import Features


def said_alike(x: Features, y: Features, ev: Evidence) -> bool:
    """Whether the pair rests on more than the two places (`ev` is their evidence)."""
    return bool(
        ev.identifiers
        or ev.claims
        or ev.cited
        or ev.untested
        or ev.named
        or ev.traced
        or ev.values
        or x.excerpt & y.excerpt
        or ev.title >= SAID_TITLE
        or ev.prose >= SAID_PROSE
        or (x.severity is not None and x.severity == y.severity)
    )
