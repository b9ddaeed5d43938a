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

Clustering maximises the total evidence `Σ (score − AVERAGE_THRESHOLD)` over the pairs inside
clusters, with at most one finding per seat per cluster, and every member tied to the cluster by
at least one pair scoring `LINK_THRESHOLD`, or by two pairs scoring above `SUPPORT_THRESHOLD`
with members already linked to each other (a third seat's finding, worded its own way, that
backs a pair two seats agree on), or by resembling each of three or more members with pairs that
average above `AVERAGE_THRESHOLD` (a fourth seat's finding beside an issue three seats agree
on): greedy agglomeration (the merge with the largest total
gain first, so a cluster's pairs always average above the threshold), then single moves and
same-seat swaps while they increase the total. So when one finding overlaps two findings of
another seat, it goes to the cluster whose members together support it most, not to the first
or the single best match.

Everything is order-independent: seats are ranked by name, findings by their position in the
seat's review, and every tie is broken by that rank. Candidate pairs come from inverted indexes
(file, identifier, title word, quoted line), so the cost grows with the number of related pairs,
not with the square of the number of findings.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TYPE_CHECKING

from deepreview.consolidate.code_sites import called_at, defined_at
from deepreview.consolidate.evidence import describe
from deepreview.consolidate.features import Features, PathResolver, extract
from deepreview.consolidate.score import evidence, rarity
from deepreview.model import AgentReview, Finding, Location

if TYPE_CHECKING:
    from deepreview.consolidate.inputs import SeatReview

LINK_THRESHOLD = 0.3  # a pair scoring this much is the same problem, unless the seats say otherwise
AVERAGE_THRESHOLD = 0.2  # a cluster's pairs must average more than this
SUPPORT_THRESHOLD = 0.25  # two pairs above it, to a linked pair, tie a finding like one link
AGREED_BY = 3  # a finding resembling this many findings of one cluster, each, is tied to it
_BUCKET_CAP = 60  # anchors shared by more findings than this say little; they seed no pairs
_EPS = 1e-9


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
            cited = tuple(
                Location(m.path, m.start, None if m.end == m.start else m.end)
                for m in features.mentions
                if m.start is not None
            )
            member = Member(seat, replace(f, locations=resolved), seat not in analyzers, cited)
            items.append(_Item(len(items), member, features))
    return items, resolver


def _with_code_sites(features: Features, code: Mapping[str, list[str]]) -> Features:
    """`features` with the functions its lines are in and call (`code_sites`), read from
    `code` (repo path -> lines) where it has the file."""
    defined: set[str] = set()
    calls: set[str] = set()
    for s in features.locations:
        lines = code.get(s.path)
        if lines is None or s.start is None or s.end is None:
            continue
        defined |= defined_at(lines, s.start, s.end)
        calls |= called_at(lines, s.start, s.end)
    if not (defined or calls):
        return features
    return replace(features, defined_in=frozenset(defined), calls=frozenset(calls))


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
        for a, b in combinations(members, 2):
            if items[a].member.seat != items[b].member.seat:
                pairs.add((a, b) if a < b else (b, a))
    return pairs


class _Partition:
    """Clusters as lists of item ranks; pair gains are `score − AVERAGE_THRESHOLD`.

    Labels are item ranks (a merged cluster keeps its lower label), so every step, and every
    tie, is decided by canonical ranks only.
    """

    def __init__(self, items: list[_Item], scores: dict[tuple[int, int], float]) -> None:
        self.items = items
        self.score: dict[int, dict[int, float]] = defaultdict(dict)
        for (a, b), s in scores.items():
            self.score[a][b] = self.score[b][a] = s
        self.of: list[int] = [item.index for item in items]  # item → cluster label
        self.members: dict[int, list[int]] = {item.index: [item.index] for item in items}

    def seat(self, item: int) -> str:
        return self.items[item].member.seat

    def pair_gain(self, a: int, b: int) -> float:
        return self.score[a].get(b, 0.0) - AVERAGE_THRESHOLD

    def linked(self, a: int, b: int) -> bool:
        return self.score[a].get(b, 0.0) >= LINK_THRESHOLD

    def link(self, item: int, cluster: int, *, without: int | None = None) -> float:
        """Gain of `item`'s pairs with the members of `cluster` (minus `without`)."""
        return sum(
            self.pair_gain(item, m)
            for m in self.members.get(cluster, ())
            if m not in (item, without)
        )

    def anchored(self, item: int, cluster: int, *, without: int | None = None) -> bool:
        others = [m for m in self.members.get(cluster, ()) if m not in (item, without)]
        return self.tied(item, others)

    def tied(self, item: int, others: Iterable[int]) -> bool:
        """One link to `others`, two findings of other seats that each support it, or
        `AGREED_BY` or more findings that it each resembles, on average as much as a
        cluster's pairs must (`AVERAGE_THRESHOLD`)."""
        support = 0
        scores: list[float] = []
        for m in others:
            s = self.score[item].get(m, 0.0)
            if s >= LINK_THRESHOLD:
                return True
            support += s > SUPPORT_THRESHOLD
            scores.append(s)
        if support >= 2:
            return True
        # Three reviewers who already agree on an issue are stronger evidence than any one
        # pair: a fourth finding that resembles each of them, in its own words a few lines
        # away ("tests must reload the module to try another delay" beside three seats'
        # "`RETRY_DELAY` is read once at import"), is that issue, not a new one.
        return (
            len(scores) >= AGREED_BY
            and min(scores) > 0
            and sum(scores) / len(scores) > AVERAGE_THRESHOLD
        )

    def seat_member(self, cluster: int, seat: str) -> int | None:
        return next((m for m in self.members[cluster] if self.seat(m) == seat), None)

    def move(self, item: int, cluster: int) -> None:
        old = self.of[item]
        self.members[old].remove(item)
        if not self.members[old]:
            del self.members[old]
        self.members.setdefault(cluster, []).append(item)
        self.members[cluster].sort()
        self.of[item] = cluster

    def _mergeable(self, a: int, b: int) -> float | None:
        """Total gain of merging clusters a and b, or None when they may not merge."""
        ma, mb = self.members[a], self.members[b]
        if {self.seat(m) for m in ma} & {self.seat(m) for m in mb}:
            return None
        if not any(self.tied(x, mb) for x in ma) and not any(self.tied(y, ma) for y in mb):
            return None
        gain = sum(self.pair_gain(x, y) for x in ma for y in mb)
        return gain if gain > _EPS else None

    def agglomerate(self) -> None:
        """Merge the pair of clusters with the largest total gain until no merge gains."""
        # heap entries: (-gain, a, b, version of a, version of b); stale entries are skipped
        version: dict[int, int] = defaultdict(int)
        heap: list[tuple[float, int, int, int, int]] = []
        for a, row in self.score.items():
            for b in row:
                if a < b:
                    gain = self._mergeable(a, b)
                    if gain is not None:
                        heap.append((-gain, a, b, 0, 0))
        heapq.heapify(heap)
        while heap:
            _, a, b, va, vb = heapq.heappop(heap)
            if a not in self.members or b not in self.members:
                continue
            if version[a] != va or version[b] != vb:
                continue
            for m in list(self.members[b]):
                self.move(m, a)
            version[a] += 1
            neighbours = {
                self.of[n] for m in self.members[a] for n in self.score[m] if self.of[n] != a
            }
            for c in sorted(neighbours):
                gain = self._mergeable(a, c)
                if gain is not None:
                    lo, hi = (a, c) if a < c else (c, a)
                    heapq.heappush(heap, (-gain, lo, hi, version[lo], version[hi]))

    def refine(self, max_rounds: int = 20) -> None:
        """Move one finding, or swap two findings of one seat, while the total gain grows.

        This is what settles a finding that matches two findings of another seat: it ends up
        where its cluster-mates support it most, whatever order the greedy pass met them in.
        """
        for _ in range(max_rounds):
            improved = False
            for item in range(len(self.items)):
                move = self._best_move(item)
                if move is None:
                    continue
                target, rival, rival_to = move
                if rival is not None:
                    self.move(rival, rival_to if rival_to is not None else self._free_label())
                self.move(item, target if target >= 0 else self._free_label())
                improved = True
            if not improved:
                return

    def _best_move(self, item: int) -> tuple[int, int | None, int | None] | None:
        """(target, rival, rival's destination) of the best improving move, None if none.

        target -1 means a cluster of its own; rival_to None means the rival goes alone.
        """
        home = self.of[item]
        here = self.link(item, home)
        best: tuple[float, int, int | None, int | None] | None = None
        if len(self.members[home]) > 1 and -here > _EPS:
            best = (-here, -1, None, None)
        for target in sorted({self.of[n] for n in self.score[item]} - {home}):
            rival = self.seat_member(target, self.seat(item))
            if not self.anchored(item, target, without=rival):
                continue
            delta = self.link(item, target, without=rival) - here
            rival_to: int | None = None
            if rival is not None:
                # the rival leaves target: into item's old cluster if it belongs there, else alone
                delta -= self.link(rival, target)
                into_home = self.link(rival, home, without=item)
                if into_home > _EPS and self.anchored(rival, home, without=item):
                    delta += into_home
                    rival_to = home
            if delta > _EPS and (best is None or delta > best[0] + _EPS):
                best = (delta, target, rival, rival_to)
        return None if best is None else best[1:]

    def _free_label(self) -> int:
        label = len(self.items)
        while label in self.members:
            label += 1
        return label

    def components(self) -> list[list[int]]:
        """The final clusters, each split into its tied components (a safety net: after
        moves, a member whose only strong link left must not stay on average alone): the
        linked components, then a finding left alone joins a component where two findings
        support it (a third seat's finding backing a linked pair)."""
        out: list[list[int]] = []
        for members in self.members.values():
            comps = self._linked_components(sorted(members))
            joined = True
            while joined:
                joined = False
                for a, b in itertools.permutations(range(len(comps)), 2):
                    if len(comps[a]) == 1 and self.tied(comps[a][0], comps[b]):
                        comps[b] = sorted(comps[a] + comps[b])
                        del comps[a]
                        joined = True
                        break
            out.extend(comps)
        return sorted(out)

    def _linked_components(self, members: list[int]) -> list[list[int]]:
        comps: list[list[int]] = []
        todo = list(members)
        while todo:
            comp, stack = [], [todo[0]]
            while stack:
                m = stack.pop()
                if m in todo:
                    todo.remove(m)
                    comp.append(m)
                    stack.extend(o for o in todo if self.linked(m, o))
            comps.append(sorted(comp))
        return comps


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
    for a, b in sorted(_candidate_pairs(items)):
        generic = not (items[a].member.model_backed and items[b].member.model_backed)
        s = evidence(items[a].features, items[b].features, idf=idf, generic=generic).score
        if s > 0:
            scores[(a, b)] = s
    part = _Partition(items, scores)
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


def _links(
    group: list[int], items: list[_Item], part: _Partition, idf: Mapping[str, float]
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
