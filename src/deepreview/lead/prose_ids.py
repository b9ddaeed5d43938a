"""What the lead's prose means by a cluster ID once its decisions applied.

The lead writes `K3` for a cluster it saw whole. After its own split (`K3` → `K3` + `K3.2`) or
a drop of one member (`gemini:I1`), the members of `K3` end up in more than one place: a
finding of the report, a finding another cluster was merged into, or nowhere (dropped). Naming
`K3` by one of those places alone can say the opposite of what the lead meant ("Gemini's
overflow claim (S1) is a false positive", where S1 is the valid finding the claim was split
from). So `K3` names the place the prose is about when that can be told, and every place
otherwise (`S1/I2`, `S1/Gemini I1`):

* in a seat's retro narrative, the places holding that seat's members ("Gemini's claim (K3)"
  is Gemini's part of K3);
* in the reason (and title) of a decision about `K3` itself (not its split), the members that
  decision acts on: those left in `K3` after its split, and for a keep or regrade only those
  still reported;
* in a text that names the split's part (`K3.2`) too, what the split left in `K3`: "K3 and
  K3.2 need fixing" names each part once;
* anywhere else, and when a seat holds members in every place: all of them.

A place is the report's ID (`I2`), `I2's Gemini S1` inside a finding another cluster was
merged into, or the seats' labels (`Gemini I1`) when dropped. An added finding's `L2` is the
finding it became; one not added because it restates a kept finding (`lead.restated`) is the
place of the member it restates. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from deepreview.consolidate.cluster import Cluster, Member
from deepreview.consolidate.decisions import Consolidation, Decision, is_member_key, part_id
from deepreview.consolidate.labels import member_label
from deepreview.consolidate.merge import key_order
from deepreview.lead.restated import Restated


@dataclass(frozen=True)
class Place:
    """Where some of a cluster's members ended up, as the report names it."""

    name: str
    members: frozenset[str]  # member keys


def _root(key: str) -> str:
    return key.split(".", 1)[0]


class ProseIds:
    """The lead's IDs (`K3`, `K3.2`, `L1`) as its prose means them (see the module doc)."""

    def __init__(
        self,
        clusters: Sequence[Cluster],
        decisions: Sequence[Decision],
        result: Consolidation,
        names: Mapping[str, str],
        restated: Mapping[str, Restated] | None = None,
    ) -> None:
        labels = dict(names)
        # the members each ID stood for when the lead named it: a cluster all of its own, a
        # split's part those it moved; and what a split left in the cluster it split
        self._saw: dict[str, tuple[Member, ...]] = {c.id: c.members for c in clusters}
        self._left: dict[str, tuple[Member, ...]] = dict(self._saw)
        for d in sorted(
            (d for d in decisions if d.action == "split"), key=lambda d: key_order(d.cluster_id)
        ):
            moving = set(d.split_member_ids or ())
            held = self._left.get(d.cluster_id, ())
            part = part_id(d.cluster_id)
            self._saw[part] = self._left[part] = tuple(m for m in held if m.key in moving)
            self._left[d.cluster_id] = tuple(m for m in held if m.key not in moving)
        origin_of = {m.key: o for o in result.origins for m in o.members}
        self._reported = set(origin_of)
        self._places: dict[str, tuple[Place, ...]] = {}
        for key, members in self._saw.items():
            by_name: dict[str, set[str]] = {}
            dropped = [m for m in members if m.key not in origin_of]
            for m in members:
                o = origin_of.get(m.key)
                if o is None:
                    name = ", ".join(member_label(x, labels) for x in dropped)
                elif _root(o.group) == _root(key):  # its own finding, or its split's part
                    name = o.finding_id
                else:  # inside the finding another cluster it was merged into
                    inside = [x for x in members if origin_of.get(x.key) is o]
                    name = f"{o.finding_id}'s {' + '.join(member_label(x, labels) for x in inside)}"
                by_name.setdefault(name, set()).add(m.key)
            self._places[key] = tuple(Place(n, frozenset(k)) for n, k in by_name.items())
        self.default: dict[str, str] = {
            key: "/".join(p.name for p in places) for key, places in self._places.items() if places
        }
        for group, fid in ((o.group, o.finding_id) for o in result.origins):
            self.default.setdefault(group, fid)  # L1 of an added finding
        again: set[str] = set()
        for lid, what in (restated or {}).items():
            spots = self._places.get(what.cluster, ())
            place = next((x.name for x in spots if what.member in x.members), None)
            if place is not None and what.member in self._reported:
                self.default[lid] = place
                again.add(lid)
        # the IDs that still name a finding of the report (some member kept, or added)
        self.reported: frozenset[str] = frozenset(
            {key for key, members in self._saw.items() if self._reported & {m.key for m in members}}
            | {o.group for o in result.origins}
            | again
        )

    def _about(self, key: str, members: Collection[str]) -> str | None:
        """`key` named by the places holding `members`; None when that is not fewer places."""
        places = self._places.get(key, ())
        chosen = [p.name for p in places if p.members & set(members)]
        if not chosen or len(chosen) == len(places):
            return None
        return "/".join(chosen)

    def beside_parts(self, named: Collection[str], ids: Mapping[str, str]) -> dict[str, str]:
        """`ids` for a text naming `named`: a split cluster named beside its own part is what
        the split left in it (the part is named on its own)."""
        out = dict(ids)
        for key in set(named):
            if part_id(key) in named and key in ids:
                left = {m.key for m in self._left.get(key, ())}
                said = self._about(key, left)
                if said is not None:
                    out[key] = said
        return out

    def for_seat(self, seat: str) -> dict[str, str]:
        """The IDs as `seat`'s retro narrative means them: its own members' places."""
        own = {m.key for members in self._saw.values() for m in members if m.seat == seat}
        out = dict(self.default)
        for key in self._places:
            named = self._about(key, own)
            if named is not None:
                out[key] = named
        return out

    def for_decision(self, d: Decision) -> dict[str, str]:
        """The IDs as the reason of decision `d` means them: its own cluster is the members it
        acts on (a split, or a drop of one member, is about the whole cluster)."""
        if d.action == "split" or is_member_key(d.cluster_id):
            return self.default
        acted = {m.key for m in self._left.get(d.cluster_id, ())}
        if d.action != "drop":
            acted = (acted & self._reported) or acted  # a kept finding, not what was dropped
        named = self._about(d.cluster_id, acted)
        return self.default if named is None else {**self.default, d.cluster_id: named}


__all__ = ["Place", "ProseIds"]
