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
    """When no one read a seat's findings text: the verdict's clause naming those seats
    ("Prose's findings could not be read (see the appendix)"). A gate passes nothing on text
    it could not read, whatever the findings it could."""
    from deepreview.consolidate.verdict import unread_clause

    return unread_clause(report.header.verdict.reason)


__all__ = ["FAIL_ON_CHOICES", "fails", "unverified"]
