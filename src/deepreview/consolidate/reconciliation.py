"""What applying the lead's decisions records (`decisions.apply_decisions`): each consolidated
finding's Reconciliation entries (the members it merges, the severities that changed and why,
a reclassification) and the per-seat tallies the retro counts (False positives, Dropped,
Downgraded)."""

from __future__ import annotations

from dataclasses import dataclass

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.labels import member_label, title_labels
from deepreview.consolidate.merge import (
    MERGE_RULE,
    SEVERITY_RULE,
    Group,
    best_member,
    borrowed_text,
    classification_of,
    rule_severity,
    text_pool,
    votes,
)
from deepreview.model import Finding, Severity
from deepreview.retromodel import ReconciliationEntry


@dataclass(frozen=True)
class SeatTally:
    seat: str
    false_positives: tuple[str, ...] = ()  # short labels of findings dropped as wrong
    dropped: tuple[str, ...] = ()  # short labels of findings dropped for other reasons
    downgrades: tuple[tuple[Severity, Severity], ...] = ()  # (own, final), rule or lead
    upgrades: tuple[tuple[Severity, Severity], ...] = ()


def _unstopped(reason: str) -> str:
    """A reason joined to the next with "; ": its own full stop would read ".;" (a lead's
    merge reason is a sentence); an ellipsis is its words."""
    reason = reason.rstrip()
    return reason[:-1] if reason.endswith(".") and not reason.endswith("..") else reason


def finding_entries(
    g: Group, f: Finding, names: dict[str, str], tally: Tally
) -> list[ReconciliationEntry]:
    """The Reconciliation entries of consolidated finding `f` (made of group `g`); each
    severity a seat's finding changed by is counted in `tally`."""
    out: list[ReconciliationEntry] = []
    if g.added is not None:
        return out
    if len(g.members) > 1:
        labels = ", ".join(member_label(m, names) for m in g.members)
        reasons = [*map(_unstopped, g.reasons[:-1]), *g.reasons[-1:]]
        why = "; ".join(reasons) if reasons else "the same problem"
        out.append(ReconciliationEntry("merge", f"{f.id} merges {labels} — {why}", (f.id,)))
        if (note := borrowed_text(g, f.id, f.severity, names)) is not None:
            out.append(ReconciliationEntry("note", note, (f.id,)))
    # Each reviewer once, by the member it votes with: a seat's other findings merged into
    # this one are not a second opinion, nor a severity of its own that changed.
    voters = votes(g.members)
    by_votes = rule_severity(g.members)
    lifted = g.floor is not None and by_votes != f.severity
    for m in voters:
        before = m.finding.severity
        if before == f.severity:
            continue
        head = f"{member_label(m, names)} ({before.value}) → {f.severity.value} {f.id}"
        agree = sum(1 for v in voters if v.finding.severity == f.severity)
        rated = f"{agree} of {len(voters)} reviewers rated it {f.severity.value}"
        if g.severity is not None:
            text = f"{head}: {g.severity_reason} (lead)"
        elif lifted:
            kept = _kept_by_merge(g, f, names, by_votes, f"{agree} of {len(voters)}")
            text = f"{head}: {kept} (rule: {MERGE_RULE})"
        else:
            text = f"{head}: {rated} (rule: {SEVERITY_RULE})"
        out.append(ReconciliationEntry("severity", text, (f.id,)))
        row = "downgrades" if f.severity.rank > before.rank else "upgrades"
        tally.add(m.seat, row, (before, f.severity))
    if g.classification is not None:
        before_cls = classification_of(g.members, best_member(text_pool(g), f.severity))
        if before_cls != g.classification:
            out.append(
                ReconciliationEntry(
                    "reclassify",
                    f"{f.id} reclassified {before_cls or 'unclassified'} → {g.classification}: "
                    f"{g.classification_reason}",
                    (f.id,),
                )
            )
    return out


def _kept_by_merge(
    g: Group, f: Finding, names: dict[str, str], by_votes: Severity, agree: str
) -> str:
    """Why `f` kept the severity it had before the lead merged other findings into it: which
    finding, which severity, which findings the lead merged in, and what the reviewers'
    votes alone would have made it (the lead gave the merge no severity, `MERGE_RULE`)."""
    sev = f.severity.value
    merged = [member_label(m, names) for m in g.members if m.key in g.absorbed]
    them = " and ".join([", ".join(merged[:-1]), merged[-1]] if len(merged) > 1 else merged)
    return (
        f"{f.id} was {sev} before the lead merged {them or 'other findings'} into it; the lead "
        f"gave the merged finding no severity, so {f.id} stays {sev}, although by the "
        f"reviewers' votes alone ({agree} rated it {sev}) it would be "
        f"{_a(by_votes)}"
    )


def _a(severity: Severity) -> str:
    """`a suggestion`, `an important finding`, `a critical finding`."""
    if severity is Severity.SUGGESTION:
        return "a suggestion"
    return f"{'an' if severity.value[0] in 'aeiou' else 'a'} {severity.value} finding"


class Tally:
    """Per seat, the findings dropped (as wrong or otherwise) and the severity changes."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, list[object]]] = {}

    def add(self, seat: str, row: str, value: object) -> None:
        self.rows.setdefault(seat, {}).setdefault(row, []).append(value)

    def dropped_labels(self) -> dict[Member, str]:
        """Each dropped member → a label of its title (`title_labels`, as the retro names a
        report's finding and the lead's notes a dropped one) no other dropped finding shares:
        the tallies and Reconciliation's `Dropped …` lines name it alike."""
        dropped = [
            m
            for rows in self.rows.values()
            for row in ("false_positives", "dropped")
            for m in rows.get(row, [])
            if isinstance(m, Member)
        ]
        return dict(zip(dropped, title_labels([m.finding.title for m in dropped]), strict=True))

    def result(self, names: dict[str, str]) -> dict[str, SeatTally]:
        # A dropped finding is the seat's own (`Codex I2 …`, never a bare I2 that reads as the
        # report's I2), with its `dropped_labels` label.
        shorts = self.dropped_labels()

        def labels(row: list[object]) -> tuple[str, ...]:
            return tuple(
                f"{member_label(m, names)} ({shorts[m]})" for m in row if isinstance(m, Member)
            )

        out: dict[str, SeatTally] = {}
        for seat in sorted(self.rows):
            rows = self.rows[seat]
            out[seat] = SeatTally(
                seat=seat,
                false_positives=labels(rows.get("false_positives", [])),
                dropped=labels(rows.get("dropped", [])),
                downgrades=tuple(_pair(x) for x in rows.get("downgrades", [])),
                upgrades=tuple(_pair(x) for x in rows.get("upgrades", [])),
            )
        return out


def _pair(x: object) -> tuple[Severity, Severity]:
    assert isinstance(x, tuple)
    return (Severity(x[0]), Severity(x[1]))
