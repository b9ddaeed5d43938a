"""Group the seats' findings into clusters, one cluster per underlying problem.

Every cross-seat pair of findings that shares an anchor (a file, an identifier, a title word, a
quoted code line) is scored in [0, 1] as a weighted sum of independent kinds of evidence:

* where: the best overlap or proximity of the findings' own locations in the same file (prose
  mentions of `file:line` count half), or, when line numbers disagree, the share of identical
  quoted code lines — whichever is stronger;
* what: shared backticked identifiers, similar titles, similar prose (identifiers and words are
  weighted by rarity, so the function every finding of a PR names says little), the same cited
  line numbers;
* the reviewers' classifications: agreeing counts a little for, contradicting (one says *gap*,
  the other *regression*) counts against, since it is a claim about which code is at fault;
  labels that name no culprit (*enhancement*, *correctness*) contradict nothing, nor do *gap*
  and *regression* at the same lines (both blame the change's code there);
* two findings about tests on overlapping lines of one test file: a little for (what that
  test leaves out, in two reviewers' words);
* two findings near each other, not at the same lines, whose titles share no word and whose
  explanations little: capped below a link (`apart.claims_apart`): the place and the names
  they both mention are not one claim;
* the failure each names (`claims.py`: injection, race, nil, leak, wrong result, division by
  zero): a failure one title names and the other's text names too is something they say
  alike, however else they are worded ("SQL injection" and "SQL built by string formatting");
  two titles naming different failures are capped below a link and below what a cluster's
  pairs must average, whatever line and names they share ("`Clear` leaves a nil map" and
  "`Set` races with `Clear`");
* the reviewers' grading (`stance.stance_bonus`), read as a careful lead reads it: grades two levels
  apart (critical and suggestion) or a defect beside a nit (*bug* and *design*) count against,
  and a pair that shares nothing but a name and its line is then capped below a link ("`div`
  crashes on zero" and "`div` returns a float"), as is one graded one level apart that shares
  only one line, its quote and one name ("`div` can overflow" and "`div` has no guard for a zero
  divisor"); the same grade and nature at the same line(s),
  or a finding naming only a file beside one at a line of it with a title word in common,
  count for ("Hard-coded API key committed" and "Credential leaked in repository").

Clustering (`partition.Partition`) maximises the total evidence over the pairs inside clusters,
with at most one finding per seat per cluster and every member tied to its cluster by strong
enough pairs, so a finding that overlaps two findings of another seat goes to the cluster whose
members together support it most.

Everything is order-independent: seats are ranked by name, findings by their position in the
seat's review, and every tie is broken by that rank. Candidate pairs come from inverted indexes
(file, identifier, title word, quoted line), so the cost grows with the number of related pairs,
not with the square of the number of findings.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TYPE_CHECKING

from deepreview.consolidate.across_files import ACROSS_FILES, lone_claims
from deepreview.consolidate.code_sites import called_at, defined_at
from deepreview.consolidate.evidence import Evidence, describe
from deepreview.consolidate.features import Features, PathResolver, extract
from deepreview.consolidate.named_sites import names_at
from deepreview.consolidate.named_values import code_values, values_named
from deepreview.consolidate.pair_grounds import said_alike
from deepreview.consolidate.partition import Partition
from deepreview.consolidate.score import evidence
from deepreview.consolidate.word_weights import rarity
from deepreview.model import AgentReview, Finding, Location

if TYPE_CHECKING:
    from deepreview.consolidate.inputs import SeatReview

_BUCKET_CAP = 60  # anchors shared by more findings than this say little; they seed no pairs


@dataclass(frozen=True)
class Member:
    seat: str
    finding: Finding
    model_backed: bool = True  # False: an analyzer's finding (see SeatReview.model_backed)
    # places the finding's explanation or fix names beside its own (repo paths, with lines)
    cited: tuple[Location, ...] = ()

    @property
    def key(self) -> str:
        """`seat:ID`, how decisions name a member (`gemini:C3`)."""
        return f"{self.seat}:{self.finding.id}"


@dataclass(frozen=True)
class Link:
    """Why `joiner` belongs with `anchor` (member keys, `codex:I1`)."""

    joiner: str
    anchor: str
    evidence: str  # "same file `a.go`, lines 446-469 overlap lines 443-468; shared identifiers ..."
    score: float


@dataclass(frozen=True)
class Cluster:
    id: str  # K1..Kn
    members: tuple[Member, ...]  # canonical order: seat name, then position in the seat's review
    reasons: tuple[str, ...] = ()  # why each member after the first belongs here
    links: tuple[Link, ...] = ()  # the same, structured

    @property
    def seats(self) -> tuple[str, ...]:
        return tuple(m.seat for m in self.members)

    def member(self, key: str) -> Member | None:
        return next((m for m in self.members if m.key == key), None)


@dataclass(frozen=True)
class _Item:
    index: int  # canonical rank
    member: Member
    features: Features


def _items(
    seat_reviews: Sequence[SeatReview],
    changed_files: Iterable[str],
    renamed: Mapping[str, str] | None = None,
    present: Collection[str] | None = None,
    sources: Mapping[str, str] | None = None,
) -> tuple[list[_Item], PathResolver]:
    reviews = sorted(
        ((sr.reviewer.seat, sr.review) for sr in seat_reviews if sr.review is not None),
        key=lambda pair: pair[0],
    )
    analyzers = {sr.reviewer.seat for sr in seat_reviews if not sr.model_backed}
    changed = tuple(changed_files)
    known: set[str] = set(changed)
    for _, review in reviews:
        assert review is not None
        known.update(c.path for c in review.coverage if "/" in c.path)
        for f in review.findings:
            known.update(loc.path for loc in f.locations if "/" in loc.path)
    # `src/app/x.py`, not in the tree, is the changed `app/x.py` (`PathResolver`'s `present`)
    resolver = PathResolver(known, authoritative=changed, present=present)
    # for scoring, a rename's old path (`rename from`, as a seat reading the diff names it) is
    # the file at its new path: the same line there is the same place (trial 57b #2); the
    # members keep the place as the seat wrote it, which the report tags as renamed
    scoring = (
        PathResolver(known, authoritative=changed, aliases=renamed, present=present)
        if renamed
        else resolver
    )
    code = {path: text.splitlines() for path, text in (sources or {}).items()}
    # with the code at hand, a value both findings name counts only where the code holds it
    held = code_values(sources.values()) if sources else None
    # a finding with no place of its own, in a one-file change, may name its line in words
    sole = changed[0] if len(changed) == 1 else None
    items: list[_Item] = []
    for seat, review in reviews:
        assert review is not None
        for f in review.findings:
            files = () if f.locations else _covered_by(review, f.id)
            # members carry repo paths (`limavm_lifecycle.go` → `pkg/.../limavm_lifecycle.go`)
            resolved = tuple(
                Location(resolver.resolve(loc.path), loc.start, loc.end) for loc in f.locations
            )
            features = _with_code_sites(extract(seat, f, scoring, files, sole), code)
            named = values_named(f"{f.title}\n{f.body}\n{f.fix}")
            features = replace(features, values=named if held is None else named & held)
            cited = tuple(
                Location(m.path, m.start, None if m.end == m.start else m.end)
                for m in features.mentions
                if m.start is not None
            )
            member = Member(seat, replace(f, locations=resolved), seat not in analyzers, cited)
            items.append(_Item(len(items), member, features))
    lone = lone_claims([(i.member.seat, i.features.claims) for i in items])
    items = [
        replace(i, features=replace(i.features, lone_claims=c))
        for i, c in zip(items, lone, strict=True)
    ]
    return items, resolver


def _with_code_sites(features: Features, code: Mapping[str, list[str]]) -> Features:
    """`features` with the functions its lines are in and call (`code_sites`), read from
    `code` (repo path -> lines) where it has the file."""
    defined: set[str] = set()
    calls: set[str] = set()
    names: set[str] = set()
    for s in features.locations:
        lines = code.get(s.path)
        if lines is None or s.start is None or s.end is None:
            continue
        defined |= defined_at(lines, s.start, s.end)
        calls |= called_at(lines, s.start, s.end)
        names |= names_at(lines, s.start, s.end)
    if not (defined or calls or names):
        return features
    return replace(
        features,
        defined_in=frozenset(defined),
        calls=frozenset(calls),
        code_names=frozenset(names),
    )


def _covered_by(review: AgentReview, finding_id: str) -> tuple[str, ...]:
    """The files whose row of the review's own Coverage Summary names `finding_id` (`app/auth.py
    | I1`): where a finding that gives no place of its own is, by its reviewer's word, so that
    it can meet the same finding a peer placed at a line there (trial 56b)."""
    if not re.search(r"[A-Za-z]", finding_id):
        return ()  # a bare "1" in a row is a count, not a finding
    named = re.compile(rf"(?<![\w-]){re.escape(finding_id)}(?![\w-])")
    return tuple(dict.fromkeys(c.path for c in review.coverage if named.search(c.status)))


def _anchors(f: Features) -> set[str]:
    out = {"f:" + s.path for s in (*f.locations, *f.mentions)}
    out.update("i:" + i for i in f.identifiers if "." not in i)
    out.update("t:" + w for w in f.title_words)
    out.update("x:" + line for line in f.excerpt)
    # a function one finding is in and the other's lines call, in another file and named by
    # neither (`nearby.definition_and_call`): the code puts them side by side
    out.update("d:" + name for name in f.defined_in | f.calls)
    # a failure made in one file and shown in another, named once by each seat (`across_files`)
    out.update("c:" + claim for claim in f.lone_claims & ACROSS_FILES)
    return out


def _candidate_pairs(items: list[_Item]) -> set[tuple[int, int]]:
    buckets: dict[str, list[int]] = defaultdict(list)
    for item in items:
        for anchor in _anchors(item.features):
            buckets[anchor].append(item.index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > _BUCKET_CAP:
            continue
        # one seat's findings never pair: only across seats (a linter seat's 8,000 findings
        # made ~1,800 same-seat combinations a bucket, each built and thrown away)
        by_seat: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_seat[items[i].member.seat].append(i)
        for ours, theirs in combinations(by_seat.values(), 2):
            pairs.update((a, b) if a < b else (b, a) for a in ours for b in theirs)
    return pairs


def cluster_findings(
    seat_reviews: Sequence[SeatReview],
    *,
    changed_files: Iterable[str] = (),
    renamed: Mapping[str, str] | None = None,
    present_files: Collection[str] | None = None,
    sources: Mapping[str, str] | None = None,
) -> tuple[Cluster, ...]:
    """One cluster per problem; every finding of every reviewed seat is in exactly one cluster.
    `renamed` (old path -> new path): the change's renames, one file under either path.
    `present_files`: the files at the review SHA, when known (`PathResolver`'s `present`).
    `sources`: the text of changed files at the review SHA (repo path -> text), when known:
    which function a finding's lines are in and which they call (`code_sites`).

    Cluster IDs `K1..Kn` follow the canonical rank of each cluster's first member, so they do not
    depend on the order of `seat_reviews`.
    """
    items, _ = _items(seat_reviews, changed_files, renamed, present_files, sources)
    idf = rarity(item.features for item in items)
    scores: dict[tuple[int, int], float] = {}
    said: set[tuple[int, int]] = set()  # pairs resting on more than their places
    weighed: set[tuple[int, int]] = set()  # pairs with some evidence, for or against
    for a, b in sorted(_candidate_pairs(items)):
        generic = not (items[a].member.model_backed and items[b].member.model_backed)
        ev = evidence(items[a].features, items[b].features, idf=idf, generic=generic)
        if ev.score > 0 or not _blank(ev):
            weighed.add((a, b))
        if ev.score > 0:
            scores[(a, b)] = ev.score
            if said_alike(items[a].features, items[b].features, ev):
                said.add((min(a, b), max(a, b)))
    part = Partition(
        [item.member.seat for item in items],
        scores,
        said=frozenset(said),
        weighed=frozenset(weighed),
    )
    part.agglomerate()
    part.refine()
    clusters: list[Cluster] = []
    for n, group in enumerate(part.components(), start=1):
        links = _links(group, items, part, idf)
        clusters.append(
            Cluster(
                id=f"K{n}",
                members=tuple(items[i].member for i in group),
                reasons=tuple(
                    f"{_label(k.joiner)} joins {_label(k.anchor)}: {k.evidence}" for k in links
                ),
                links=links,
            )
        )
    return tuple(clusters)


def _blank(ev: Evidence) -> bool:
    """Nothing alike and nothing apart: an anchor seeded the pair (a function one's lines call
    and the other's are in) but the scorer found no evidence either way."""
    return not (
        ev.where
        or ev.title
        or ev.prose
        or ev.where_text
        or ev.identifiers
        or ev.cited
        or ev.classification
        or ev.claims
        or ev.untested
        or ev.named
        or ev.traced
        or ev.values
    )


def _links(
    group: list[int], items: list[_Item], part: Partition, idf: Mapping[str, float]
) -> tuple[Link, ...]:
    """One link per member after the first, along the strongest links (a spanning tree)."""
    placed = [group[0]]
    links: list[Link] = []
    rest = group[1:]
    while rest:
        # the strongest link from a placed member to an unplaced one; ties by canonical rank
        _, neg_joiner, neg_anchor = max(
            (part.score[p].get(r, 0.0), -r, -p) for r in rest for p in placed
        )
        joiner, anchor = items[-neg_joiner], items[-neg_anchor]
        generic = not (joiner.member.model_backed and anchor.member.model_backed)
        ev = evidence(joiner.features, anchor.features, idf=idf, generic=generic)
        links.append(Link(joiner.member.key, anchor.member.key, describe(ev), ev.score))
        placed.append(joiner.index)
        rest.remove(joiner.index)
    return tuple(links)


def _label(key: str) -> str:
    seat, _, finding_id = key.rpartition(":")
    return f"{seat} {finding_id}"
