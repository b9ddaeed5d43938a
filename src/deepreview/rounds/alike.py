"""A prior finding raised again in other words: this round's finding that the consolidation
would merge with it were both raised in one round (the same file, near or at its lines, saying
enough of the same — `consolidate.score.evidence` at the link threshold), when no title or
fingerprint matched (`rounds.matching`). Without it one problem is reported twice in round 2:
carried as the prior finding and again as a seat's "new" one (trial47a #9)."""

from __future__ import annotations

from collections.abc import Sequence

from deepreview.consolidate.cluster import LINK_THRESHOLD
from deepreview.consolidate.features import PathResolver, extract
from deepreview.consolidate.places import key_path
from deepreview.consolidate.score import evidence, rarity
from deepreview.model import Finding
from deepreview.rounds.matching import graded


def alike_raising(
    p: Finding, findings: Sequence[Finding], taken: set[str], all_prior: Sequence[Finding]
) -> Finding | None:
    """The finding of this round, not `taken` by another prior finding, of `p`'s severity
    class (as a lead or a seat graded either: `graded`) and file, that scores best (at least
    `LINK_THRESHOLD`) as `p`'s pair; None when none does. `all_prior`: the previous round's
    findings, which weigh how rare a word is with this round's (the function every finding
    names says little)."""
    path = key_path(p)
    candidates = [
        f
        for f in findings
        if f.id not in taken
        and graded(f) & graded(p)
        and path
        and any(loc.path == path for loc in f.locations)
    ]
    if not candidates:
        return None
    known = {loc.path for f in (*all_prior, *findings) for loc in f.locations}
    resolver = PathResolver(known)
    before = extract("previous", p, resolver)
    now = {f.id: extract("this", f, resolver) for f in candidates}
    idf = rarity(
        [extract("previous", q, resolver) for q in all_prior]
        + [extract("this", f, resolver) for f in findings]
    )
    scored = [(evidence(before, now[f.id], idf=idf).score, -i, f) for i, f in enumerate(candidates)]
    best, _, f = max(scored, key=lambda t: (t[0], t[1]))
    return f if best >= LINK_THRESHOLD else None
