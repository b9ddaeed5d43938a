"""The lead's part of consolidation: decisions about clusters, applied deterministically.

The lead (an LLM) sees the clusters and answers only with `Decision`s and `AddedFinding`s; it never
writes findings itself. Without decisions, `apply_decisions` gives the deterministic result.

Decisions are applied in a fixed order, whatever order the lead gave them in: splits, then merges,
then drops, then severity/title/classification changes; each cluster takes at most one decision
of each action. A split's part is a cluster of its own (`K3.2`, `part_id`) that the later
decisions may name, and a drop may name one member (`gemini:I1`): that seat's claim is dropped
alone, after the clusters dropped whole, and the finding it was merged into keeps the others.
Every change is recorded in Reconciliation with the lead's reason, and the per-seat tallies feed
the retro's False positives / Downgraded / Dropped rows (both kept by `reconciliation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, NamedTuple, get_args

from deepreview.consolidate.cluster import Cluster, Member
from deepreview.consolidate.decision_notes import DropNote, SplitNote
from deepreview.consolidate.labels import member_label
from deepreview.consolidate.merge import (
    LEAD,
    Group,
    draft,
    key_order,
    number,
    rule_severity,
    text_members,
    text_pool,
)
from deepreview.consolidate.reconciliation import SeatTally, Tally, finding_entries
from deepreview.errors import ParseError
from deepreview.model import Finding, Location, Reviewer, Severity
from deepreview.retromodel import ReconciliationEntry

# What the lead may decide about a cluster (the schema's enum, in this order) ...
Action = Literal["keep", "drop", "severity", "merge", "split"]
# ... and the order decisions apply in: splits first (they make the clusters that later
# decisions name), then merges, drops, severity changes; keeps last.
APPLY_ORDER: Final[tuple[Action, ...]] = ("split", "merge", "drop", "severity", "keep")
_ORDER: Final[dict[str, int]] = {action: i for i, action in enumerate(APPLY_ORDER)}
assert set(APPLY_ORDER) == set(get_args(Action)), "APPLY_ORDER must list every Action once"


def apply_rank(action: str) -> int:
    """Where `action` comes in `APPLY_ORDER` (0 = applied first)."""
    return _ORDER[action]


def part_id(cluster_id: str) -> str:
    """The cluster a split of `cluster_id` makes of the members it moves: `K3` → `K3.2` (a
    cluster takes one split, so its part is always the second)."""
    return f"{cluster_id}.2"


def is_member_key(key: str) -> bool:
    """`gemini:I1` names a cluster member; cluster IDs (`K3`, `K3.2`) have no colon."""
    return ":" in key


class DecisionError(ParseError):
    """A lead decision names a cluster or member that does not exist, or contradicts another."""


@dataclass(frozen=True)
class Decision:
    cluster_id: str  # K3, a split's part K3.2, or with "drop" one member's key (`gemini:I1`)
    action: Action
    reason: str  # one sentence; quoted in Reconciliation
    severity: Severity | None = None  # for "severity" (optional with any other action)
    merge_into: str | None = None  # for "merge": the cluster that absorbs this one
    split_member_ids: tuple[str, ...] | None = None  # for "split": member keys (`codex:I1`)
    title: str | None = None  # replaces the consolidated title
    classification: str | None = None  # replaces the consolidated classification
    false_positive: bool = False  # for "drop": the finding is wrong, not merely out of scope


@dataclass(frozen=True)
class AddedFinding:
    """A finding the lead adds: one it verified and every seat missed (credited `lead`), or one
    it read in a seat's findings text the tool could not read (credited to that `seat`)."""

    severity: Severity
    title: str
    locations: tuple[Location, ...] = ()
    classification: str | None = None
    body: str = ""
    fix: str = ""
    reason: str = ""
    seat: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where a consolidated finding came from."""

    finding_id: str  # I2
    group: str  # K3
    members: tuple[Member, ...] = ()  # empty for a lead-added finding
    # the seats whose words the finding shows (`merge.text_members`): its title (None: the
    # lead's), its body, its fix (None: none); all None for a lead-added finding
    title_seat: str | None = None
    body_seat: str | None = None
    fix_seat: str | None = None


class Consolidation(NamedTuple):
    findings: tuple[Finding, ...]
    reconciliation: tuple[ReconciliationEntry, ...]
    tallies: dict[str, SeatTally]
    origins: tuple[Origin, ...] = ()


@dataclass
class _Work:
    key: str
    members: list[Member]
    reasons: list[str] = field(default_factory=list)
    lead_merges: list[str] = field(default_factory=list)
    severity: Severity | None = None
    severity_reason: str = ""
    floor: Severity | None = None  # see Group.floor
    title: str | None = None
    classification: str | None = None
    classification_reason: str = ""
    absorbed: set[str] = field(default_factory=set)  # see Group.absorbed


def _link_text(cluster: Cluster, names: dict[str, str]) -> list[str]:
    labels = {m.key: member_label(m, names) for m in cluster.members}
    return [
        f"{labels.get(k.joiner, k.joiner)} joins {labels.get(k.anchor, k.anchor)}: {k.evidence}"
        for k in cluster.links
    ]


def apply_decisions(
    clusters: Sequence[Cluster],
    decisions: Iterable[Decision] = (),
    added: Iterable[AddedFinding] = (),
    *,
    reviewers: Sequence[Reviewer] = (),
) -> Consolidation:
    """Findings (numbered), Reconciliation entries and per-seat tallies.

    `reviewers` gives the credit order and names; seats missing from it are credited by their
    display name after the others.
    """
    names = {r.seat: r.name for r in reviewers}
    work: dict[str, _Work] = {
        c.id: _Work(c.id, list(c.members), _link_text(c, names)) for c in clusters
    }
    entries_tail: list[ReconciliationEntry | SplitNote | DropNote] = []
    tally = Tally()

    decisions = list(decisions)
    _check_decisions(decisions)
    merged_into: dict[str, str] = {}  # a merged cluster → the one that absorbed it
    # a member is dropped after the clusters dropped whole (the checks reject one of those)
    ordered = sorted(
        decisions,
        key=lambda d: (apply_rank(d.action), is_member_key(d.cluster_id), key_order(d.cluster_id)),
    )
    for d in ordered:
        _apply_one(d, work, merged_into, names, tally, entries_tail)
    groups = _groups(work, added)
    by_key = {g.key: g for g in groups}
    numbered = number([draft(g, reviewers) for g in groups])
    findings: list[Finding] = []
    entries: list[ReconciliationEntry] = []
    origins: list[Origin] = []
    for key, f in numbered:
        g = by_key[key]
        findings.append(f)
        origins.append(_origin(f, key, g))
        entries.extend(finding_entries(g, f, names, tally))
    final = {key: f.id for key, f in numbered}
    dropped = tally.dropped_labels()
    for entry in entries_tail:
        if isinstance(entry, SplitNote):
            entry = entry.resolve(lambda key: final.get(_end_of(key, merged_into)))
        elif isinstance(entry, DropNote):
            entry = entry.resolve(lambda key: final.get(_end_of(key, merged_into)), dropped)
        entries.append(entry)
    entries.extend(_added_entries(numbered, by_key, names))
    return Consolidation(
        findings=tuple(findings),
        reconciliation=tuple(entries),
        tallies=tally.result(names),
        origins=tuple(origins),
    )


def _check_decisions(decisions: Sequence[Decision]) -> None:
    """Reject a decision that cannot be applied before any is: an unknown action, a severity
    decision without a severity, two decisions of one action for one cluster."""
    seen: set[tuple[str, str]] = set()
    for d in decisions:
        if d.action not in _ORDER:
            raise DecisionError(
                f"unknown action {d.action!r} for {d.cluster_id}; use one of {', '.join(_ORDER)}"
            )
        if d.action == "severity" and d.severity is None:
            raise DecisionError(
                f"severity decision for {d.cluster_id} has no severity; give critical, important "
                "or suggestion"
            )
        if (d.cluster_id, d.action) in seen:
            raise DecisionError(
                f"two {d.action!r} decisions for {d.cluster_id}; give one decision per action"
            )
        seen.add((d.cluster_id, d.action))


def _apply_one(
    d: Decision,
    work: dict[str, _Work],
    merged_into: dict[str, str],
    names: dict[str, str],
    tally: Tally,
    entries_tail: list[ReconciliationEntry | SplitNote | DropNote],
) -> None:
    """One decision applied to the clusters being worked on (in `apply_rank` order)."""

    def find(cluster_id: str) -> _Work | None:
        return work.get(_end_of(cluster_id, merged_into))

    if is_member_key(d.cluster_id) and d.action == "drop":
        _drop_member(d, work, names, tally, entries_tail)
        return
    w = find(d.cluster_id)
    if w is None or (d.action == "drop" and d.cluster_id in merged_into):
        raise DecisionError(
            f"decision {d.action!r} names cluster {d.cluster_id!r}, which does not exist "
            f"(or was dropped, or merged before a drop); valid clusters: "
            f"{', '.join(sorted(work, key=key_order)) or 'none'}"
        )
    if d.action == "split":
        _split(w, d, work, names, entries_tail)
    elif d.action == "merge":
        target = find(d.merge_into or "")
        if target is None or target is w:
            raise DecisionError(
                f"merge of {d.cluster_id} needs merge_into naming another existing cluster "
                f"(got {d.merge_into!r}); valid clusters: "
                f"{', '.join(sorted(work, key=key_order))}"
            )
        _merge(w, target, d, work, names)
        merged_into[w.key] = target.key
        return
    elif d.action == "drop":
        del work[w.key]
        for m in w.members:
            tally.add(m.seat, "false_positives" if d.false_positive else "dropped", m)
        if w.members:
            what = ", ".join(member_label(m, names) for m in w.members)
            title = w.title or w.members[0].finding.title
            note = DropNote(what, w.members[0], title, None, d.false_positive, d.reason)
            entries_tail.append(note)
        return
    if d.severity is not None:
        w.severity, w.severity_reason = d.severity, d.reason
    if d.title:
        w.title = d.title
    if d.classification:
        w.classification, w.classification_reason = d.classification, d.reason


def _groups(work: dict[str, _Work], added: Iterable[AddedFinding]) -> list[Group]:
    """The clusters left with members, then the lead's added findings (L1, L2, ...)."""
    groups = [
        Group(
            key=w.key,
            members=tuple(w.members),
            reasons=tuple(w.reasons + w.lead_merges),
            severity=w.severity,
            severity_reason=w.severity_reason,
            floor=w.floor,
            title=w.title,
            classification=w.classification,
            classification_reason=w.classification_reason,
            absorbed=frozenset(w.absorbed),
        )
        for w in work.values()
        if w.members
    ]
    added_list = list(added)
    for n, a in enumerate(added_list, start=1):
        groups.append(
            Group(
                key=f"L{n}",
                members=(),
                added=Finding(
                    id=f"L{n}",
                    severity=a.severity,
                    title=a.title,
                    locations=tuple(a.locations),
                    classification=a.classification,
                    body=a.body,
                    fix=a.fix,
                    # the seat whose unread text named it, credited in `draft`
                    reviewers=(a.seat,) if a.seat else (),
                ),
                reasons=(a.reason,) if a.reason else (),
            )
        )
    return groups


def _added_entries(
    numbered: Sequence[tuple[str, Finding]], by_key: dict[str, Group], names: dict[str, str]
) -> list[ReconciliationEntry]:
    """One entry per finding the lead added, after every other entry."""
    entries: list[ReconciliationEntry] = []
    for key, f in numbered:
        g = by_key[key]
        if g.added is not None:
            why = f": {g.reasons[0]}" if g.reasons else ""
            seat = g.added.reviewers[0] if g.added.reviewers else None
            source = (
                f" from {names.get(seat, seat)}'s findings text, which the tool could not read"
                if seat
                else ""
            )
            entries.append(
                ReconciliationEntry("add", f"{f.id} added by the lead{source}{why}", (f.id,))
            )
    return entries


def _origin(f: Finding, key: str, g: Group) -> Origin:
    if not g.members:
        return Origin(f.id, key)
    text = text_members(text_pool(g), f.severity)
    fix_seat = text.fix.seat if text.fix is not None else None
    title_seat = None if g.title else text.best.seat
    return Origin(f.id, key, g.members, title_seat, text.body.seat, fix_seat)


def _drop_member(
    d: Decision,
    work: dict[str, _Work],
    names: dict[str, str],
    tally: Tally,
    entries: list[ReconciliationEntry | SplitNote | DropNote],
) -> None:
    """Drop the one member `d.cluster_id` (`gemini:I1`) from whichever group holds it now (after
    splits and merges): the finding keeps its other members, and so their text and credits."""
    for w in work.values():
        m = next((m for m in w.members if m.key == d.cluster_id), None)
        if m is not None:
            break
    else:
        raise DecisionError(
            f"drop names member {d.cluster_id!r}, which no remaining finding has; name a member "
            "key of a cluster that is not dropped whole"
        )
    w.members.remove(m)
    label = member_label(m, names)
    # the grouping evidence that tied it in no longer describes the finding (`_link_text`)
    w.reasons = [
        r for r in w.reasons if not r.startswith(f"{label} joins ") and f" joins {label}: " not in r
    ]
    tally.add(m.seat, "false_positives" if d.false_positive else "dropped", m)
    entries.append(DropNote(label, m, m.finding.title, w.key, d.false_positive, d.reason))


def _end_of(key: str, merged_into: dict[str, str]) -> str:
    while key in merged_into:
        key = merged_into[key]
    return key


def _split(
    w: _Work,
    d: Decision,
    work: dict[str, _Work],
    names: dict[str, str],
    entries: list[ReconciliationEntry | SplitNote | DropNote],
) -> None:
    keys = tuple(d.split_member_ids or ())
    moving = [m for m in w.members if m.key in keys]
    unknown = set(keys) - {m.key for m in moving}
    if unknown or not moving:
        valid = ", ".join(m.key for m in w.members)
        raise DecisionError(
            f"split of {w.key} names members {', '.join(sorted(unknown)) or '(none)'} that it "
            f"does not have; its members are {valid}"
        )
    if len(moving) == len(w.members):
        raise DecisionError(f"split of {w.key} would move every member; name only those to move")
    new_key = part_id(w.key)
    if new_key in work:
        raise DecisionError(f"{w.key} is split twice; give one split naming every member to move")
    w.members = [m for m in w.members if m.key not in keys]
    w.reasons = []  # the automatic reasons no longer describe the remaining members
    work[new_key] = _Work(new_key, moving)
    entries.append(
        SplitNote(
            moved=", ".join(member_label(m, names) for m in moving),
            source=w.key,
            source_members=", ".join(member_label(m, names) for m in w.members),
            target=new_key,
            reason=d.reason,
        )
    )


def _merge(
    w: _Work, target: _Work, d: Decision, work: dict[str, _Work], names: dict[str, str]
) -> None:
    moved = ", ".join(member_label(m, names) for m in w.members)
    if target.severity is None:
        # The lead folds `w` into `target`: the merged finding is target's problem, so it is
        # at least as severe as target was on its own (a severity on the decision still wins).
        target.floor = rule_severity(target.members, target.floor)
    target.members.extend(w.members)
    target.absorbed.update(m.key for m in w.members)
    target.reasons.extend(w.reasons)
    target.lead_merges.append(f"lead merged {moved}: {d.reason}")
    if d.severity is not None:
        target.severity, target.severity_reason = d.severity, d.reason
    del work[w.key]


__all__ = [
    "LEAD",
    "AddedFinding",
    "Consolidation",
    "Decision",
    "DecisionError",
    "Origin",
    "apply_decisions",
    "is_member_key",
    "part_id",
]
