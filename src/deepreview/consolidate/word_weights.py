"""How much two findings' words and names say alike: Dice coefficients, weighted by rarity.

Split out of `deepreview.consolidate.score`, which weighs these against the other evidence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from deepreview.consolidate.features import Features


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def wdice(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    """Dice coefficient with each element weighted by its rarity among all findings (IDF)."""
    if not a or not b:
        return 0.0
    # sets iterate in hash order; summing floats in sorted order keeps results bit-identical
    shared = sum(weight.get(t, 1.0) for t in sorted(a & b))
    if not shared:
        return 0.0
    total = _mass(a, weight) + _mass(b, weight)
    return 2 * shared / total


# The weights last read and each word set's mass under them: a finding's words are weighed once
# per pair it is in, against one clustering's weights (`rarity`'s, never changed once made).
_MASSES: tuple[Mapping[str, float] | None, dict[frozenset[str], float]] = (None, {})


def _mass(words: frozenset[str], weight: Mapping[str, float]) -> float:
    global _MASSES
    last, masses = _MASSES
    if last is not weight:
        masses = {}
        _MASSES = (weight, masses)
    mass = masses.get(words)
    if mass is None:
        mass = masses[words] = sum(weight.get(t, 1.0) for t in sorted(words))
    return mass


def rarity(features: Iterable[Features]) -> dict[str, float]:
    """IDF weights of identifiers and words: names every finding of a PR mentions (the function
    the change is about) say less about *which* problem a finding describes than rare ones."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for f in features:
        n += 1
        for t in f.identifiers | f.title_words | f.prose_words:
            df[t] += 1
    return {t: math.log(1 + n / c) for t, c in df.items()}
