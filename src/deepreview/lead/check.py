"""Check a schema-valid lead answer against what actually exists, and turn it into decisions.

Every claim about a cluster must name a cluster of this review. A decision that names an unknown
cluster, member, seat or design observation, or that contradicts a decision accepted before it,
is rejected: it is left out and a note says why (shown in the report's Reconciliation). Nothing
the lead names is ever invented into the report.

Decisions are checked in the order `apply_decisions` applies them (splits, merges, drops, then
severity/keep), the lead's order breaking ties, so every accepted set applies cleanly:

* merge: the target must exist and differ from the source; a merge that would close a cycle
  (K1 into K2, K2 into K1) is rejected; chains (K1 into K2 into K3) are fine; a merge from or
  into a cluster the lead drops is rejected (the drop wins);
* severity / keep with changes: not of a dropped cluster, nor of one merged into another (put
  the severity on the merge decision instead);
* one decision per (cluster, action).

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import AddedFinding, Decision, apply_rank
from deepreview.lead.answer import AssessmentIn, DecisionIn, LeadAnswer
from deepreview.model import (
    Assessment,
    DesignObservation,
    Location,
    ProcessNotes,
    Severity,
    Verdict,
)

_CLUSTER_ID = re.compile(r"^\s*K\s*(\d+)\s*$", re.IGNORECASE)
_DESIGN_ID = re.compile(r"^\s*D\s*(\d+)\s*$", re.IGNORECASE)
LEAD_CREDIT = "lead"


@dataclass(frozen=True)
class Checked:
    """A lead answer reduced to what can be applied, plus the notes on what could not."""

    decisions: tuple[Decision, ...]
    added: tuple[AddedFinding, ...]
    executive_summary: str
    verdict: Verdict
    narratives: dict[str, str] = field(default_factory=dict)  # seat -> retro narrative
    design_observations: tuple[DesignObservation, ...] = ()
    design_notes: tuple[str, ...] = ()  # "Dropped design concern D2 (...): reason"
    testing: Assessment | None = None
    documentation: Assessment | None = None
    process_notes: ProcessNotes = field(default_factory=ProcessNotes)
    rejected: tuple[str, ...] = ()  # one sentence per rejected claim
    undecided: tuple[str, ...] = ()  # clusters the lead said nothing about (kept)


def cluster_id(text: str | None, valid: set[str]) -> str | None:
    """`k3`, ` K 3 ` → `K3` when it is one of `valid`; else None."""
    m = _CLUSTER_ID.match(text or "")
    if m is None:
        return None
    cid = f"K{int(m.group(1))}"
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
        self.rejected: list[str] = []
        self.seen: set[tuple[str, str]] = set()
        self.merged_into: dict[str, str] = {}
        self.dropped: set[str] = set()
        self.touched: set[str] = set()
        self.to_drop: set[str] = set()  # clusters the lead drops: a drop wins over a merge
        self.severity_of: dict[str, Severity] = {}  # the severity an accepted decision gave

    def reject(self, d: DecisionIn, why: str) -> None:
        self.rejected.append(
            f"Lead decision `{d.action}` about {d.cluster or '(no cluster)'} rejected: {why}."
        )

    def check(self, d: DecisionIn) -> None:
        cid = cluster_id(d.cluster, self.ids)
        if cid is None:
            self.reject(d, f"there is no cluster {d.cluster!r} (valid: {', '.join(self.order)})")
            return
        if (cid, d.action) in self.seen:
            self.reject(d, f"a `{d.action}` decision about {cid} was accepted already")
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
            self.reject(
                d,
                f"split_members must name members of {cid} "
                f"({', '.join(keys)}); got {', '.join(unknown) or 'none'}",
            )
            return None
        moving = tuple(dict.fromkeys(k for k in found if k is not None))
        if len(moving) == len(keys):
            self.reject(d, f"a split must leave at least one member in {cid}")
            return None
        return self._base(cid, d, split_member_ids=moving)

    def _merge(self, cid: str, d: DecisionIn) -> Decision | None:
        target = cluster_id(d.merge_into, self.ids)
        if target is None or target == cid:
            self.reject(d, f"merge_into must name another existing cluster (got {d.merge_into!r})")
            return None
        for dropped in (cid, target):
            if dropped in self.to_drop:
                self.reject(d, f"{dropped} is dropped; drop both if they make the same claim")
                return None
        end = target
        while end in self.merged_into:
            end = self.merged_into[end]
            if end == cid:
                self.reject(d, f"merging {cid} into {target} would close a merge cycle")
                return None
        self.merged_into[cid] = target
        self.touched.add(target)  # absorbing a merge is a decision about it, too
        return self._base(cid, d, merge_into=target)

    def _drop(self, cid: str, d: DecisionIn) -> Decision | None:
        if cid in self.merged_into:
            self.reject(d, f"{cid} is merged into {self.merged_into[cid]}; drop that one instead")
            return None
        sources = sorted(s for s, t in self.merged_into.items() if t == cid)
        if sources:
            self.reject(d, f"{', '.join(sources)} merge into {cid}; dropping it drops them too")
            return None
        self.dropped.add(cid)
        return Decision(cid, "drop", d.reason, false_positive=d.false_positive)

    def _severity(self, cid: str, d: DecisionIn) -> Decision | None:
        if d.severity is None:
            self.reject(d, "a severity decision needs `severity` (critical, important, suggestion)")
            return None
        return self._change(cid, d)

    def _keep(self, cid: str, d: DecisionIn) -> Decision | None:
        if cid in self.dropped:
            self.reject(d, f"{cid} is dropped")
            return None
        if cid in self.merged_into and not (d.severity or d.title or d.classification):
            self.touched.add(cid)
            return None  # keeping a merged cluster says nothing new
        return self._change(cid, d)

    def _change(self, cid: str, d: DecisionIn) -> Decision | None:
        if cid in self.dropped:
            self.reject(d, f"{cid} is dropped")
            return None
        if cid in self.merged_into:
            self.reject(
                d,
                f"{cid} is merged into {self.merged_into[cid]}; give the severity or "
                "title on the merge decision or on that cluster",
            )
            return None
        if d.severity is not None:
            given = self.severity_of.setdefault(cid, d.severity)
            if given != d.severity:
                self.reject(d, f"an earlier decision made {cid} {given.value}; give one severity")
                return None
        return self._base(cid, d)


def check_decisions(
    answer: LeadAnswer, clusters: Sequence[Cluster]
) -> tuple[tuple[Decision, ...], tuple[str, ...], tuple[str, ...]]:
    """(accepted decisions, rejection notes, clusters without a decision)."""
    state = _Decisions(clusters)
    state.to_drop = {
        cid
        for d in answer.decisions
        if d.action == "drop" and (cid := cluster_id(d.cluster, state.ids)) is not None
    }
    ordered = sorted(enumerate(answer.decisions), key=lambda p: (apply_rank(p[1].action), p[0]))
    for _, d in ordered:
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


def _design(
    answer: LeadAnswer, merged: Sequence[DesignObservation], rejected: list[str]
) -> tuple[tuple[DesignObservation, ...], tuple[str, ...]]:
    choices: dict[int, tuple[str, str, str | None, str | None]] = {}
    for c in answer.design_observations:
        m = _DESIGN_ID.match(c.id)
        n = int(m.group(1)) if m else 0
        if not 1 <= n <= len(merged):
            valid = f"D1-D{len(merged)}" if merged else "none"
            rejected.append(
                f"Lead choice about design observation {c.id!r} rejected: no such "
                f"observation (valid: {valid})."
            )
            continue
        if n in choices:
            rejected.append(
                f"Lead choice about design observation D{n} rejected: D{n} was decided already."
            )
            continue
        choices[n] = (c.action, c.reason, c.scope, c.text)
    kept: list[DesignObservation] = []
    notes: list[str] = []
    for n, obs in enumerate(merged, start=1):
        choice = choices.get(n)
        if choice is None:
            kept.append(obs)
            continue
        action, reason, scope, text = choice
        if action == "drop":
            who = f" [{', '.join(obs.reviewers)}]" if obs.reviewers else ""
            notes.append(f"Dropped design {obs.kind} D{n} ({_gist(obs.text)}){who}: {reason}")
            continue
        kept.append(
            DesignObservation(
                kind=obs.kind,
                text=text or obs.text,
                scope=(scope or obs.scope) if obs.kind == "concern" else None,
                reviewers=obs.reviewers,
            )
        )
    for added in answer.added_design_observations:
        kept.append(
            DesignObservation(
                kind=added.kind,
                text=added.text,
                scope=added.scope if added.kind == "concern" else None,
                reviewers=(LEAD_CREDIT,),
            )
        )
    return tuple(kept), tuple(notes)


def _gist(text: str, words: int = 8) -> str:
    plain = text.replace("*", "").replace("`", "").split()
    return " ".join(plain[:words]) + ("…" if len(plain) > words else "")


def _bullet(text: str) -> str:
    return re.sub(r"^\s*[-*]\s+", "", text).strip()


def _unread_seat(
    named: str | None, title: str, unread: Sequence[str], rejected: list[str]
) -> str | None:
    """The seat an added finding is credited to: one whose findings text the tool could not
    read. Any other name is refused (the finding stays, as the lead's own): a lead must not
    put words in a seat whose findings the report shows."""
    if named is None or not named.strip():
        return None
    seat = next((s for s in unread if s.lower() == named.strip().lower()), None)
    if seat is None:
        which = ", ".join(unread) if unread else "none"
        rejected.append(
            f"Lead's credit of the added finding “{title}” to seat {named!r} rejected: only a "
            f"seat whose findings text the tool could not read may be credited ({which}); "
            "it is shown as the lead's."
        )
    return seat


def check_answer(
    answer: LeadAnswer,
    clusters: Sequence[Cluster],
    *,
    seats: Sequence[str],
    design_observations: Sequence[DesignObservation] = (),
    unread_seats: Sequence[str] = (),
) -> Checked:
    """What of `answer` applies to this review (pure). `unread_seats`: the seats whose
    findings text the tool could not read (an added finding may be credited to one)."""
    decisions, rejected_decisions, undecided = check_decisions(answer, clusters)
    rejected = list(rejected_decisions)
    narratives: dict[str, str] = {}
    for r in answer.retro:
        seat = next((s for s in seats if s.lower() == r.seat.strip().lower()), None)
        if seat is None:
            rejected.append(
                f"Lead retro for seat {r.seat!r} rejected: no such seat "
                f"(seats: {', '.join(seats)})."
            )
        elif seat in narratives:
            rejected.append(f"Lead retro for seat {seat!r} rejected: given twice.")
        else:
            narratives[seat] = r.narrative
    design, design_notes = _design(answer, design_observations, rejected)
    added = tuple(
        AddedFinding(
            severity=a.severity,
            title=a.title,
            locations=tuple(Location(x.path, x.start, x.end) for x in a.locations),
            classification=a.classification,
            body=a.body,
            fix=a.fix,
            reason=a.reason,
            seat=_unread_seat(a.seat, a.title, unread_seats, rejected),
        )
        for a in answer.added_findings
    )
    return Checked(
        decisions=decisions,
        added=added,
        executive_summary=answer.executive_summary,
        verdict=Verdict(answer.verdict.label, answer.verdict.reason),
        narratives=narratives,
        design_observations=design,
        design_notes=design_notes,
        testing=_assessment(answer.testing),
        documentation=_assessment(answer.documentation),
        process_notes=ProcessNotes(
            skill_improvements=tuple(_bullet(x) for x in answer.skill_improvements if x.strip()),
            repo_context_updates=tuple(
                _bullet(x) for x in answer.repo_context_updates if x.strip()
            ),
        ),
        rejected=tuple(rejected),
        undecided=undecided,
    )


def _assessment(a: AssessmentIn | None) -> Assessment | None:
    if a is None:
        return None
    return Assessment(intro=a.intro, items=tuple(i for i in a.items if i.strip()))


__all__ = ["LEAD_CREDIT", "Checked", "check_answer", "check_decisions", "cluster_id"]
