"""Which of the lead's decisions apply to this review's clusters, checked in the order
`apply_decisions` applies them; the rest rejected with a note that says why.

Every claim about a cluster must name a cluster of this review. A decision that names an unknown
cluster, member, seat or design observation, or that contradicts a decision accepted before it,
is rejected: it is left out and a note says why (shown in the report's Reconciliation). Nothing
the lead names is ever invented into the report.

A note keeps the clusters and members it names apart from its words (`Ref`): cluster IDs are
the lead's working names, so the report names them as it names findings (`I2 (`parse`)`,
`lead.apply`), while a name the lead made up is quoted as written (`'K9'`).

Decisions are checked in the order `apply_decisions` applies them (splits, merges, drops, then
severity/keep), the lead's order breaking ties, so every accepted set applies cleanly:

* merge: the target must exist and differ from the source; a merge that would close a cycle
  (K1 into K2, K2 into K1) is rejected; chains (K1 into K2 into K3) are fine; a merge from or
  into a cluster the lead drops is rejected (the drop wins);
* severity / keep with changes: not of a dropped cluster, nor of one merged into another (put
  the severity on the merge decision instead);
* one decision per (cluster, action);
* a cluster the lead both drops and keeps (or re-grades) is kept: the drop is rejected with a
  note that the lead contradicted itself about it;
* a split's part (`K3.2`, `part_id`) is a cluster the other decisions may name: splits are checked
  first, as they apply first;
* a member key (`gemini:I1`) may only be dropped, which drops that seat's claim alone, and not
  from a cluster the lead drops whole; dropping every member of a cluster drops it.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import Decision, apply_rank, is_member_key, part_id
from deepreview.lead.answer import DecisionIn, LeadAnswer
from deepreview.lead.check_design import gist
from deepreview.lead.check_notes import Note, Ref, cluster_ref, listed
from deepreview.model import Severity

_CLUSTER_ID = re.compile(r"^\s*K\s*(\d+(?:\.\d+)*)\s*$", re.IGNORECASE)


def cluster_id(text: str | None, valid: set[str]) -> str | None:
    """`k3`, ` K 3 ` → `K3`, `K3.2` → `K3.2` when it is one of `valid`; else None."""
    m = _CLUSTER_ID.match(text or "")
    if m is None:
        return None
    cid = "K" + ".".join(str(int(n)) for n in m.group(1).split("."))
    return cid if cid in valid else None


def _member_key(text: str, keys: Sequence[str]) -> str | None:
    wanted = text.strip().lower().replace(" ", "")
    return next((k for k in keys if k.lower() == wanted), None)


class _Decisions:
    def __init__(self, clusters: Sequence[Cluster]) -> None:
        self.ids = {c.id for c in clusters}
        self.order = [c.id for c in clusters]
        self.members = {c.id: [m.key for m in c.members] for c in clusters}
        self.accepted: list[Decision] = []
        self.rejected: list[Note] = []
        self.seen: set[tuple[str, str]] = set()
        self.given: list[DecisionIn] = []
        self.merged_into: dict[str, str] = {}
        self.dropped: set[str] = set()
        self.touched: set[str] = set()
        self.to_drop: set[str] = set()  # clusters the lead drops: a drop wins over a merge
        # clusters the lead both drops and keeps (or re-grades): {cluster: its keeping
        # decision}; the keep is applied, the drop is not (`_contradicted`)
        self.kept_too: dict[str, DecisionIn] = {}
        self.severity_of: dict[str, Severity] = {}  # the severity an accepted decision gave
        # the members each cluster holds now: a split moves some to its part, a merge all
        self.holds = {cid: list(keys) for cid, keys in self.members.items()}

    def reject(self, d: DecisionIn, *why: str | Ref) -> None:
        cid = cluster_id(d.cluster, self.ids)
        member = self.member(d.cluster)
        about: str | Ref = (
            cluster_ref(cid)
            if cid
            else Ref("member", member)
            if member
            else repr(d.cluster)
            if d.cluster
            else "(no cluster)"
        )
        head = ("Lead decision `", d.action, "` about ", about, " rejected: ")
        self.rejected.append(Note((*head, *why, "."), about=cid))

    def member(self, text: str) -> str | None:
        """The member key `text` names (`Gemini:i1` → `gemini:I1`), or None."""
        if not is_member_key(text):
            return None
        return _member_key(text, [k for c in self.order for k in self.members[c]])

    def home(self, key: str) -> str:
        """The cluster that holds member `key` now."""
        return next(c for c in self.order if key in self.holds.get(c, ()))

    def check(self, d: DecisionIn) -> None:
        if d in self.given:  # the same decision twice, word for word: one claim
            return
        self.given.append(d)
        member = self.member(d.cluster)
        if member is not None:
            self._drop_member(member, d)
            return
        cid = cluster_id(d.cluster, self.ids)
        if cid is None:
            self.reject(d, "no finding of this review has that ID")
            return
        if (cid, d.action) in self.seen:
            self.reject(d, f"a `{d.action}` decision about it was accepted already")
            return
        decision = getattr(self, f"_{d.action}")(cid, d)
        if decision is None:
            return
        self.seen.add((cid, d.action))
        self.touched.add(cid)
        self.accepted.append(decision)

    def _base(
        self,
        cid: str,
        d: DecisionIn,
        *,
        merge_into: str | None = None,
        split_member_ids: tuple[str, ...] | None = None,
    ) -> Decision:
        return Decision(
            cluster_id=cid,
            action=d.action,
            reason=d.reason,
            severity=d.severity,
            merge_into=merge_into,
            split_member_ids=split_member_ids,
            title=d.title or None,
            classification=d.classification,
        )

    def _split(self, cid: str, d: DecisionIn) -> Decision | None:
        keys = self.members[cid]
        wanted = d.split_members or []
        found = [_member_key(w, keys) for w in wanted]
        unknown = [w for w, k in zip(wanted, found, strict=True) if k is None]
        if not wanted or unknown:
            got = ", ".join(repr(w) for w in unknown) if unknown else "none"
            members = listed([Ref("member", k) for k in keys])
            self.reject(d, "the members to split out must be among ", *members, f"; got {got}")
            return None
        moving = tuple(dict.fromkeys(k for k in found if k is not None))
        if len(moving) == len(keys):
            self.reject(d, "a split must leave at least one member where it is")
            return None
        # the part is a cluster the decisions after the splits may name
        part = part_id(cid)
        self.ids.add(part)
        self.order.append(part)
        self.members[part] = list(moving)
        self.members[cid] = [k for k in keys if k not in moving]
        self.holds[part] = list(moving)
        self.holds[cid] = list(self.members[cid])
        self.touched.add(part)  # the split is the lead's decision about it
        return self._base(cid, d, split_member_ids=moving)

    def _merge(self, cid: str, d: DecisionIn) -> Decision | None:
        target = cluster_id(d.merge_into, self.ids)
        if target is None:
            into = repr(d.merge_into) if d.merge_into else "nothing"
            self.reject(d, f"it merges into {into}, which names no finding of this review")
            return None
        if target == cid:
            self.reject(d, "it merges into itself")
            return None
        for dropped in (cid, target):
            if dropped in self.to_drop:
                which: str | Ref = "it" if dropped == cid else cluster_ref(dropped)
                self.reject(d, which, " is dropped; drop both if they make the same claim")
                return None
        end = target
        while end in self.merged_into:
            end = self.merged_into[end]
            if end == cid:
                self.reject(
                    d, "merging it into ", cluster_ref(target), " would close a merge cycle"
                )
                return None
        self.merged_into[cid] = target
        self.holds.setdefault(end, []).extend(self.holds.pop(cid, []))
        self.touched.add(target)  # absorbing a merge is a decision about it, too
        return self._base(cid, d, merge_into=target)

    def _drop(self, cid: str, d: DecisionIn) -> Decision | None:
        if cid in self.kept_too:
            self._contradicted(cid, d, self.kept_too[cid])
            return None
        if cid in self.merged_into:
            self.reject(
                d,
                "it is merged into ",
                cluster_ref(self.merged_into[cid]),
                "; drop that one instead",
            )
            return None
        sources = [s for s in self.order if self.merged_into.get(s) == cid]
        if sources:
            verb, them = ("merges", "that one") if len(sources) == 1 else ("merge", "them")
            why = f" {verb} into it; dropping it drops {them} too"
            self.reject(d, *listed([cluster_ref(s) for s in sources]), why)
            return None
        self.dropped.add(cid)
        return Decision(cid, "drop", d.reason, false_positive=d.false_positive)

    def _contradicted(self, cid: str, drop: DecisionIn, keep: DecisionIn) -> None:
        """The lead dropped a finding it also kept or re-graded: it is kept. A drop takes a
        finding out of the report, so it must be the lead's clear judgment; one the lead
        contradicted is not (the seats that raised it stand, and a kept false positive costs
        a reader a minute where a dropped real problem ships). Said as a rejected claim."""
        did = (
            f"re-graded it to {keep.severity.value}"
            if keep.severity is not None and keep.action == "severity"
            else "kept it"
        )
        why = f" (“{gist(drop.reason, 12)}”)" if drop.reason.strip() else ""
        applied = "re-grade" if keep.action == "severity" else "keep"
        said = (
            "The lead contradicted itself about ",
            cluster_ref(cid),
            f": it both {did} and dropped it{why}; the {applied} was applied and the "
            "finding stays in the report (rule: a finding the lead both keeps and drops is "
            "kept).",
        )
        self.rejected.append(Note(said, about=cid))

    def _drop_member(self, key: str, d: DecisionIn) -> None:
        """Drop one seat's claim from the cluster that holds it, keeping the others."""
        if d.action != "drop":
            self.reject(
                d,
                "a member key can only be dropped; to regrade or retitle one member, split it "
                "out and decide about the part the split makes",
            )
            return
        if (key, "drop") in self.seen:
            self.reject(d, "a `drop` decision about it was accepted already")
            return
        home = self.home(key)
        if home in self.to_drop or home in self.dropped:
            self.reject(d, "it is in ", cluster_ref(home), ", which is dropped whole")
            return
        self.seen.add((key, "drop"))
        self.holds[home].remove(key)
        if not self.holds[home]:
            self.dropped.add(home)  # every member dropped: nothing is left to keep or regrade
            self.touched.add(home)  # so the lead decided about it: it is not "kept as is"
        self.accepted.append(Decision(key, "drop", d.reason, false_positive=d.false_positive))

    def _severity(self, cid: str, d: DecisionIn) -> Decision | None:
        if d.severity is None:
            self.reject(d, "a severity decision needs `severity` (critical, important, suggestion)")
            return None
        return self._change(cid, d)

    def _keep(self, cid: str, d: DecisionIn) -> Decision | None:
        if cid in self.dropped:
            self.reject(d, "it is dropped")
            return None
        if cid in self.merged_into and not (d.severity or d.title or d.classification):
            self.touched.add(cid)
            return None  # keeping a merged cluster says nothing new
        return self._change(cid, d)

    def _change(self, cid: str, d: DecisionIn) -> Decision | None:
        if cid in self.dropped:
            self.reject(d, "it is dropped")
            return None
        if cid in self.merged_into:
            self.reject(
                d,
                "it is merged into ",
                cluster_ref(self.merged_into[cid]),
                "; give the severity or title on the merge decision or on that finding",
            )
            return None
        if d.severity is not None:
            given = self.severity_of.setdefault(cid, d.severity)
            if given != d.severity:
                self.reject(d, f"an earlier decision made it {given.value}; give one severity")
                return None
        return self._base(cid, d)


def check_decisions(
    answer: LeadAnswer, clusters: Sequence[Cluster]
) -> tuple[tuple[Decision, ...], tuple[Note, ...], tuple[str, ...]]:
    """(accepted decisions, rejection notes, clusters without a decision)."""
    state = _Decisions(clusters)
    ordered = sorted(enumerate(answer.decisions), key=lambda p: (apply_rank(p[1].action), p[0]))
    splits = [d for _, d in ordered if d.action == "split"]
    for d in splits:
        state.check(d)
    # known only now: the parts the splits made may be dropped too (or kept as well)
    dropping = {
        cid
        for d in answer.decisions
        if d.action == "drop" and (cid := cluster_id(d.cluster, state.ids)) is not None
    }
    for d in answer.decisions:
        cid = cluster_id(d.cluster, state.ids) if d.action in ("keep", "severity") else None
        if cid in dropping and cid not in state.kept_too:
            state.kept_too[cid] = d
    state.to_drop = dropping - state.kept_too.keys()
    for _, d in ordered:
        if d.action != "split":
            state.check(d)
    undecided = tuple(c for c in state.order if c not in state.touched)
    return _merge_titles(state.accepted, state.merged_into), tuple(state.rejected), undecided


def _merge_titles(decisions: list[Decision], merged_into: dict[str, str]) -> tuple[Decision, ...]:
    """A title or classification given with a merge names the merged finding: move it to the
    cluster that absorbs the merge (end of the chain), unless that one has its own."""
    out = list(decisions)
    for d in decisions:
        if d.action != "merge" or not (d.title or d.classification):
            continue
        end = d.cluster_id
        while end in merged_into:
            end = merged_into[end]
        own = [n for n, x in enumerate(out) if x.cluster_id == end and x.action != "split"]
        if not own:
            out.append(
                Decision(end, "keep", d.reason, title=d.title, classification=d.classification)
            )
            continue
        n = own[0]
        out[n] = replace(
            out[n],
            title=out[n].title or d.title,
            classification=out[n].classification or d.classification,
        )
    return tuple(out)
