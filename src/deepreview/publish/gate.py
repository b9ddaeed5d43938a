"""`--fail-on`: the CI gate. A report fails it when a finding is at or above the threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from deepreview.model import Report

FAIL_ON_CHOICES: Final = ("critical", "important", "suggestion", "never")


def fails(report: Report, threshold: str) -> bool:
    """True when `report` has a finding at least as severe as `threshold` (never: False)."""
    if threshold == "never":
        return False
    # Imported here: `--fail-on`'s choices are read by every review before its first seat, the
    # report's model is needed only once there is a report.
    from deepreview.model import Severity

    limit = Severity(threshold).rank
    return any(f.severity.rank <= limit for f in report.findings)


def unverified(report: Report) -> str | None:
    """Why the findings are not all there is to judge (`consolidate.verdict.unjudged`): a
    seat's findings text no one could read, or no model seat produced a review. A gate passes
    nothing it could not judge, whatever the findings it could."""
    from deepreview.consolidate.verdict import unjudged

    return unjudged(report)


__all__ = ["FAIL_ON_CHOICES", "fails", "unverified"]
