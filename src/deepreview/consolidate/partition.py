"""Which findings form one cluster, given the scores of their pairs: the partition of ranked
items (one finding each, at most one per seat per cluster) that maximises the total evidence.

Clustering maximises the total evidence `Σ (score − AVERAGE_THRESHOLD)` over the pairs inside
clusters (a pair in which the scorer found nothing either way counts 0, not against), with at
most one finding per seat per cluster, and every member tied to the cluster by at least one pair
scoring `LINK_THRESHOLD`, or by two pairs scoring above `SUPPORT_THRESHOLD`
with members already linked to each other (a third seat's finding, worded its own way, that
backs a pair two seats agree on), or by resembling each of three or more members with pairs that
average above `AVERAGE_THRESHOLD` (a fourth seat's finding beside an issue three seats agree
on): greedy agglomeration (the merge with the largest total
gain first, so a cluster's weighed pairs always average above the threshold), then single moves and
same-seat swaps while they increase the total. So when one finding overlaps two findings of
another seat, it goes to the cluster whose members together support it most, not to the first
or the single best match.

Items are canonical ranks (`cluster.cluster_findings` ranks findings by seat name, then position
in the seat's review), and every tie is broken by rank, so the result is order-independent.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

LINK_THRESHOLD = 0.3  # a pair scoring this much is the same problem, unless the seats say otherwise
AVERAGE_THRESHOLD = 0.2  # a cluster's pairs must average more than this
SUPPORT_THRESHOLD = 0.25  # two pairs above it, to a linked pair, tie a finding like one link
AGREED_BY = 3  # a finding resembling this many findings of one cluster, each, is tied to it
_EPS = 1e-9


class Partition:
    """Clusters as lists of item ranks; pair gains are `score − AVERAGE_THRESHOLD`.

    Labels are item ranks (a merged cluster keeps its lower label), so every step, and every
    tie, is decided by canonical ranks only.
    """

    def __init__(
        self,
        seats: Sequence[str],
        scores: dict[tuple[int, int], float],
        *,
        said: frozenset[tuple[int, int]] | None = None,
        weighed: frozenset[tuple[int, int]] | None = None,
    ) -> None:
        self.seats = seats  # item rank → its seat
        # the pairs whose score rests on something said alike, not only on their places
        # (`pair_grounds`); None: every pair
        self.score: dict[int, dict[int, float]] = defaultdict(dict)
        for (a, b), s in scores.items():
            self.score[a][b] = self.score[b][a] = s
        self.of: list[int] = list(range(len(seats)))  # item → cluster label
        self.members: dict[int, list[int]] = {item: [item] for item in range(len(seats))}
        self.said = said
        # the pairs the scorer found something in, for or against (`cluster._blank`); None:
        # every pair. A pair of findings that share nothing at all (another file, other names,
        # no word alike) says nothing about a cluster: counting it as a pair below the average
        # kept a symptom on the page out of the cluster its cause's two tellings formed, though
        # it links one of them (case 77)
        self.weighed = weighed

    def seat(self, item: int) -> str:
        return self.seats[item]

    def pair_gain(self, a: int, b: int) -> float:
        if self.weighed is not None and (min(a, b), max(a, b)) not in self.weighed:
            return 0.0
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
        cluster's pairs must (`AVERAGE_THRESHOLD`), one of them by more than its place
        (`pair_grounds`)."""
        others = list(others)
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
        # Resembling each of them by its place alone is no sighting of their issue: a terse
        # remark over the block three seats agree on resembles every one of them there
        return (
            len(scores) >= AGREED_BY
            and min(scores) > 0
            and sum(scores) / len(scores) > AVERAGE_THRESHOLD
            and any(self._said_alike(item, m) for m in others)
        )

    def _said_alike(self, a: int, b: int) -> bool:
        return self.said is None or (min(a, b), max(a, b)) in self.said

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
            for item in range(len(self.seats)):
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
        label = len(self.seats)
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
