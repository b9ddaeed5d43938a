"""One failure told at two places a few lines apart: what a careful lead joins by its claim.

Reviewers point at different lines of one problem: the assignment that can be empty and the
command that then wipes `/` five lines below, the writer and the reader of one unlocked map
eight lines apart, the loop that never exits and the `go` statement that starts it. Neither
the lines nor the words meet, so the pair scores low. What they share is the failure they
name (`claims.py`): a leak both times, a race both times. A careful lead reads that claim as
the evidence and the nearness of the lines as its support: never the place alone (two
problems often sit a few lines apart), never the claim alone (two leaks in one file can be two
handles), and never when the reviewers grade it two levels apart, classify it as different
natures (a security hole, a bug) or see different failures.
"""

from __future__ import annotations

from deepreview.consolidate.claim_pairs import claims_differ
from deepreview.consolidate.features import Features
from deepreview.consolidate.spans import meet_on_a_line

# Lines between two findings' places that still read as one block of code (a function's
# head and its loop, a variable and its use): `score.NEAR_LINES`, the nearness `where` scores.
CLAIM_NEAR_LINES = 15
# What the shared claim at such a distance adds: with the `where` such a pair already scores
# (0.3 x 0.6 x (1 - gap/16)) it reaches a link (cluster.LINK_THRESHOLD, 0.3) up to eleven
# lines apart; further apart it needs one more thing in common (a word, a name).
SAME_FAILURE_NEARBY = 0.25


def lines_apart(x: Features, y: Features) -> int | None:
    """The fewest lines between a place of one and a place of the other in one file, when
    they do not overlap; None when they overlap or share no file with lines."""
    best: int | None = None
    for a in x.locations:
        for b in y.locations:
            if a.path != b.path or None in (a.start, a.end, b.start, b.end):
                continue
            assert a.start is not None and a.end is not None
            assert b.start is not None and b.end is not None
            gap = max(a.start, b.start) - min(a.end, b.end)
            if gap <= 0:
                return None
            best = gap if best is None else min(best, gap)
    return best


def same_failure_nearby(x: Features, y: Features) -> frozenset[str]:
    """The failures both titles name when the two findings are about code, in one file a few
    lines apart (`CLAIM_NEAR_LINES`, not overlapping: there `score._stance` weighs the claim),
    graded at most one level apart, and no title names a failure the other does not:
    "`rm -rf $TARGET/*` deletes from `/` when `DEPLOY_DIR` is unset" at line 9 and "no guard on
    an empty environment" at line 4. Else nothing. Both titles: a failure one text mentions on
    the way is no claim at this distance ("Script lacks strict mode", whose explanation adds
    that unset variables expand to empty strings, three lines above "no guard on an empty
    environment")."""
    if not (x.kind == y.kind == "code") or claims_differ(x, y) or meet_on_a_line(x, y):
        return frozenset()
    if x.severity is not None and y.severity is not None and abs(x.severity - y.severity) > 1:
        return frozenset()
    if x.nature and y.nature and x.nature != y.nature:
        # classified apart: "Command injection through the folder argument" (security) at the
        # shell call, "Unescaped name in the insert statement" (regression) a line below
        return frozenset()
    gap = lines_apart(x, y)
    if gap is None or gap > CLAIM_NEAR_LINES:
        return frozenset()
    return x.claims & y.claims
