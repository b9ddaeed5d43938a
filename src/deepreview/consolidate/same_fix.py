"""Two findings proposing the same fix: what a careful lead reads as one problem.

Reviewers name a problem each their own way and at their own line ("`Settled` reasons are bare
string literals" at the reconciler, "Hardcoded status reason strings across packages" at the
reason table), yet would fix it alike ("declare the reasons as constants next to the failure
reasons and use them in the reconciler and the wait helper", in other words). The fix is the
reviewer's reading of the problem made concrete: the same change proposed twice is evidence
of the same problem, added to what the place and the words already say, never alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from deepreview.consolidate.features import Features

# Fixes this alike (Dice of the words of the fix alone, weighted by rarity) propose one change;
# on the corpus only pairs of one problem reach it among those below a link.
SAME_FIX = 0.4
SAME_FIX_BONUS = 0.1


def _wdice(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    if not a or not b:
        return 0.0
    shared = sum(weight.get(t, 1.0) for t in sorted(a & b))
    total = sum(weight.get(t, 1.0) for t in sorted(a)) + sum(weight.get(t, 1.0) for t in sorted(b))
    return 2 * shared / total


def same_fix(x: Features, y: Features, idf: Mapping[str, float]) -> bool:
    """Both findings give a fix, and their words are `SAME_FIX` alike."""
    return _wdice(x.fix_words, y.fix_words, idf) >= SAME_FIX
