"""Reconciliation notes about the lead's splits and single-member drops, written only once the
findings are numbered: the cluster keys they start from (K3, K3.2) are the lead's working names
and must not reach the report. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
class MemberDropNote:
    """One member dropped from the finding it was merged into, written once the findings are
    numbered: `Dropped Gemini I1 (title) from S1 as a false positive: reason` (the `Dropped
    <labels> (` head is what `rounds.earlier` reads back)."""

    label: str  # `Gemini I1`
    title: str  # the seat's own title of it
    source: str  # the group it left (K3), named by its final ID when that is still a finding
    false_positive: bool
    reason: str

    def resolve(self, final_id: Callable[[str], str | None]) -> ReconciliationEntry:
        source = final_id(self.source)
        where = f" from {source}" if source else ""
        as_what = " as a false positive" if self.false_positive else ""
        text = f"Dropped {self.label} ({self.title}){where}{as_what}: {self.reason}"
        return ReconciliationEntry("drop", text, (source,) if source else ())


__all__ = ["MemberDropNote", "SplitNote"]
