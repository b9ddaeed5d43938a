"""Deterministic consolidation: several seats' reviews → one report.

`build_report` is the entry point; `cluster_findings` and `apply_decisions` are the two halves the
LLM lead sits between (it sees clusters, it answers with decisions).
"""

from __future__ import annotations

from deepreview.consolidate.build import build_report, deterministic_summary
from deepreview.consolidate.cluster import Cluster, Link, Member, cluster_findings
from deepreview.consolidate.decisions import (
    AddedFinding,
    Consolidation,
    Decision,
    DecisionError,
    Origin,
    apply_decisions,
)
from deepreview.consolidate.inputs import SeatReview, display_name, seat_from_filename
from deepreview.consolidate.merge import SEVERITY_RULE, reconcile_severity
from deepreview.consolidate.reconciliation import SeatTally
from deepreview.consolidate.verdict import decide

__all__ = [
    "SEVERITY_RULE",
    "AddedFinding",
    "Cluster",
    "Consolidation",
    "Decision",
    "DecisionError",
    "Link",
    "Member",
    "Origin",
    "SeatReview",
    "SeatTally",
    "apply_decisions",
    "build_report",
    "cluster_findings",
    "decide",
    "deterministic_summary",
    "display_name",
    "reconcile_severity",
    "seat_from_filename",
]
