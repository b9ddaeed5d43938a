"""Reconciliation notes about the lead's splits and drops, written only once the
findings are numbered: the cluster keys they start from (K3, K3.2) are the lead's working names
and must not reach the report. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deepreview.consolidate.cluster import Member
from deepreview.consolidate.labels import title_label
from deepreview.retromodel import ReconciliationEntry


@dataclass(frozen=True)
class SplitNote:
    """A split, written once the findings are numbered: cluster keys (K3, K3.2) are the lead's
    working names and must not reach the report."""

    moved: str  # `Gemini S1`: the members split out
    source: str  # the cluster they left (K3) ...
    source_members: str  # ... and, should it be dropped later, the members it kept
    target: str  # the new group (K3.2)
    reason: str

    def resolve(self, final_id: Callable[[str], str | None]) -> ReconciliationEntry:
        source, target = final_id(self.source), final_id(self.target)
        into = f" into {target}" if target else ""
        ids = tuple(i for i in (target, source) if i)
        return ReconciliationEntry(
            "split",
            f"Split {self.moved} out of {source or self.source_members}{into}: {self.reason}",
            ids,
        )


@dataclass(frozen=True)
class DropNote:
    """A drop, written once the findings are numbered and every drop is known:
    `Dropped Gemini I1 (label) from S1 as a false positive: reason` for one member dropped from
    the finding it was merged into, `Dropped Charlie C1, Bravo I2 (label) …` for a cluster
    dropped whole (the `Dropped <labels> (` head is what `rounds.earlier` reads back). The label
    is the one the retro's tallies give the first member (`Tally.dropped_labels`), so a dropped
    finding reads alike in both; a title the lead gave the cluster is labelled on its own."""

    labels: str  # `Gemini I1`, or a dropped cluster's `Charlie C1, Bravo I2`
    first: Member  # the member whose title names the drop unless the lead retitled it
    title: str
    source: str | None  # the group a member left (K3), named by its final ID if still a finding
    false_positive: bool
    reason: str

    def resolve(
        self, final_id: Callable[[str], str | None], dropped: Mapping[Member, str]
    ) -> ReconciliationEntry:
        source = final_id(self.source) if self.source else None
        where = f" from {source}" if source else ""
        as_what = " as a false positive" if self.false_positive else ""
        label = (
            dropped.get(self.first) if self.title == self.first.finding.title else None
        ) or title_label(self.title)
        text = f"Dropped {self.labels} ({label}){where}{as_what}: {self.reason}"
        return ReconciliationEntry("drop", text, (source,) if source else ())


__all__ = ["DropNote", "SplitNote"]
