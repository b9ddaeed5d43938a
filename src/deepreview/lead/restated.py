"""A lead's added finding that only restates a finding the report keeps.

A lead asked to add "what everyone missed" often lists again a problem a seat raised (its own
words for `shout(None)` crashing, at the same line). Added as is, the report counts that problem
twice: two Important findings, in the header, the list, the index and the PR comment. Whether
the added finding is that finding is told as the consolidation tells two seats' findings apart
(`consolidate.score.evidence`: place, shared names, title and explanation words), against every
member the lead's decisions keep: a pair that would link two seats' findings, whose explanations
say the same, is one problem — unless the added finding names the cluster it is told apart from.

One that names an error the kept finding's seats never name (`UnicodeDecodeError` where they
say `AttributeError`) is another failure at that place and is kept. An added finding graver than
the one it restates is kept: that is the lead's judgment of the
problem, not a repetition. One credited to a seat whose findings text the tool could not read is
that seat's claim and is kept too.

What it restates is named by the member it matched, where the lead's decisions put it: a member
its split moved out (`K3` → `K3.2`) is in that part, not in what is left of `K3`; a member the
lead dropped, or whose part it dropped, is no finding of the report to restate. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import AddedFinding, Decision, is_member_key, part_id
from deepreview.consolidate.evidence import SAID_PROSE
from deepreview.consolidate.features import Features, extract
from deepreview.consolidate.merge import key_order
from deepreview.consolidate.partition import LINK_THRESHOLD
from deepreview.consolidate.paths import PathResolver
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.model import SEVERITIES, Finding

_RANK = {s: n for n, s in enumerate(SEVERITIES)}  # critical first
# an exception or error type as findings name one (`IndexError`, `FileNotFoundError`,
# `NullPointerException`): the failure itself, told in the language's own word
_ERROR = re.compile(r"\b[A-Z][A-Za-z0-9]*(?:Error|Exception)\b")


def _errors(finding: Finding | AddedFinding) -> frozenset[str]:
    return frozenset(_ERROR.findall(f"{finding.title}\n{finding.body}"))


@dataclass(frozen=True)
class Restated:
    """The kept finding an added one restates: the cluster (or split part) holding the member it
    matched, and that member's key."""

    cluster: str
    member: str


def _home(cluster: str, member: str, decisions: Sequence[Decision]) -> str:
    """The cluster or split part `member` of `cluster` is in once the lead's splits applied."""
    home = cluster
    splits = sorted(
        (d for d in decisions if d.action == "split"), key=lambda d: key_order(d.cluster_id)
    )
    for d in splits:
        if d.cluster_id == home and member in (d.split_member_ids or ()):
            home = part_id(home)
    return home


def restatements(
    added: Sequence[AddedFinding], clusters: Sequence[Cluster], decisions: Sequence[Decision]
) -> dict[int, Restated]:
    """Index in `added` -> the kept finding it restates."""
    dropped = {
        d.cluster_id for d in decisions if d.action == "drop" and not is_member_key(d.cluster_id)
    }
    gone = {d.cluster_id for d in decisions if d.action == "drop" and is_member_key(d.cluster_id)}
    kept = [
        (home, c.id, m)
        for c in clusters
        for m in c.members
        if (home := _home(c.id, m.key, decisions)) not in dropped
        and m.key not in gone
        and m.model_backed
    ]
    if not kept or not added:
        return {}
    known = {loc.path for _, _, m in kept for loc in m.finding.locations}
    known |= {loc.path for a in added for loc in a.locations}
    resolver = PathResolver(known)
    members = [(home, seen, m, extract(m.seat, m.finding, resolver)) for home, seen, m in kept]
    leads: list[Features] = [
        extract("lead", Finding(f"L{n}", a.severity, a.title, a.locations, body=a.body), resolver)
        for n, a in enumerate(added, start=1)
    ]
    idf = rarity([*(f for _, _, _, f in members), *leads])
    decided = {d.cluster_id: d.severity for d in decisions if d.severity is not None}
    out: dict[int, Restated] = {}
    for n, (a, features) in enumerate(zip(added, leads, strict=True)):
        if a.seat is not None:
            continue
        ev, cid, seen, member = max(
            ((evidence(features, f, idf=idf), home, seen, m) for home, seen, m, f in members),
            key=lambda t: t[0].score,
        )
        graver = _RANK[a.severity] < _RANK[decided.get(cid) or member.finding.severity]
        # its explanation must say what the member's says: a place and a name in common are
        # also what another problem on the same line has ("`shout` grows some strings")
        said = ev.prose >= SAID_PROSE
        # naming the cluster ("unlike the K1 crash"), as the lead saw it or its split's part,
        # tells it apart from that one
        text = f"{a.title}\n{a.body}\n{a.fix}"
        apart = any(re.search(rf"(?<![\w.]){re.escape(k)}(?![\w.])", text) for k in {cid, seen})
        # each names the error it raises, and no error of the one is the other's
        mine = _errors(a)
        theirs = frozenset().union(*(_errors(m.finding) for h, _, m, _ in members if h == cid))
        other = bool(mine and theirs and not mine & theirs)
        if ev.score >= LINK_THRESHOLD and said and not graver and not apart and not other:
            out[n] = Restated(cid, member.key)
    return out


def not_added(
    added: Sequence[AddedFinding],
    clusters: Sequence[Cluster],
    decisions: Sequence[Decision],
    misplaced: Callable[[AddedFinding], str | None] | None = None,
) -> tuple[dict[int, str], dict[int, Restated]]:
    """The added findings that are not added, by index in `added`: the lead's own that
    `misplaced` says point at no place in the code (why: the lead says it verified each in the
    code, so such a place was made up; a seat's is a suspected false positive, and nobody
    checks the lead's — one it read in a seat's unread text keeps that seat's place, tagged),
    and of the others those that restate a kept finding."""
    made_up = {
        n: why
        for n, a in enumerate(added)
        if a.seat is None and misplaced and (why := misplaced(a))
    }
    again = restatements(added, clusters, decisions)
    return made_up, {n: what for n, what in again.items() if n not in made_up}


__all__ = ["Restated", "not_added", "restatements"]
