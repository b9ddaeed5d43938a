"""A lead's added finding that only restates a finding the report keeps.

A lead asked to add "what everyone missed" often lists again a problem a seat raised (its own
words for `shout(None)` crashing, at the same line). Added as is, the report counts that problem
twice: two Important findings, in the header, the list, the index and the PR comment. Whether
the added finding is that finding is told as the consolidation tells two seats' findings apart
(`consolidate.score.evidence`: place, shared names, title and explanation words), against every
member the lead's decisions keep: a pair that would link two seats' findings, whose explanations
say the same, is one problem — unless the added finding names the cluster it is told apart from.

An added finding graver than the one it restates is kept: that is the lead's judgment of the
problem, not a repetition. One credited to a seat whose findings text the tool could not read is
that seat's claim and is kept too. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from deepreview.consolidate.cluster import LINK_THRESHOLD, Cluster
from deepreview.consolidate.decisions import AddedFinding, Decision, is_member_key
from deepreview.consolidate.features import Features, extract
from deepreview.consolidate.paths import PathResolver
from deepreview.consolidate.score import SAID_PROSE, evidence, rarity
from deepreview.model import SEVERITIES, Finding

_RANK = {s: n for n, s in enumerate(SEVERITIES)}  # critical first


def restatements(
    added: Sequence[AddedFinding], clusters: Sequence[Cluster], decisions: Sequence[Decision]
) -> dict[int, str]:
    """Index in `added` -> the cluster ID of the kept finding it restates."""
    dropped = {
        d.cluster_id for d in decisions if d.action == "drop" and not is_member_key(d.cluster_id)
    }
    gone = {d.cluster_id for d in decisions if d.action == "drop" and is_member_key(d.cluster_id)}
    kept = [
        (c.id, m)
        for c in clusters
        if c.id not in dropped
        for m in c.members
        if m.key not in gone and m.model_backed
    ]
    if not kept or not added:
        return {}
    known = {loc.path for _, m in kept for loc in m.finding.locations}
    known |= {loc.path for a in added for loc in a.locations}
    resolver = PathResolver(known)
    members = [(cid, m, extract(m.seat, m.finding, resolver)) for cid, m in kept]
    leads: list[Features] = [
        extract("lead", Finding(f"L{n}", a.severity, a.title, a.locations, body=a.body), resolver)
        for n, a in enumerate(added, start=1)
    ]
    idf = rarity([*(f for _, _, f in members), *leads])
    decided = {d.cluster_id: d.severity for d in decisions if d.severity is not None}
    out: dict[int, str] = {}
    for n, (a, features) in enumerate(zip(added, leads, strict=True)):
        if a.seat is not None:
            continue
        ev, cid, member = max(
            ((evidence(features, f, idf=idf), cid, m) for cid, m, f in members),
            key=lambda t: t[0].score,
        )
        graver = _RANK[a.severity] < _RANK[decided.get(cid) or member.finding.severity]
        # its explanation must say what the member's says: a place and a name in common are
        # also what another problem on the same line has ("`shout` grows some strings")
        said = ev.prose >= SAID_PROSE
        # naming the cluster ("unlike the K1 crash") tells it apart from that one
        apart = re.search(rf"(?<![\w.]){cid}(?![\w.])", f"{a.title}\n{a.body}\n{a.fix}")
        if ev.score >= LINK_THRESHOLD and said and not graver and apart is None:
            out[n] = cid
    return out


__all__ = ["restatements"]
