"""Small factories for hand-built reviews (the consolidation tests do not need the parser)."""

from __future__ import annotations

from deepreview.consolidate import SeatReview
from deepreview.consolidate.inputs import display_name
from deepreview.model import (
    AgentReview,
    Assessment,
    CoverageEntry,
    DesignObservation,
    Finding,
    Location,
    Reviewer,
    Severity,
)
from deepreview.runmodel import SeatRun

SEV = {"C": Severity.CRITICAL, "I": Severity.IMPORTANT, "S": Severity.SUGGESTION}


def loc(text: str) -> Location:
    path, _, lines = text.partition(":")
    if not lines:
        return Location(path)
    start, _, end = lines.partition("-")
    return Location(path, int(start), int(end) if end else None)


def finding(
    fid: str,
    title: str,
    *locs: str,
    body: str = "",
    fix: str = "",
    cls: str | None = "regression",
    severity: Severity | None = None,
) -> Finding:
    return Finding(
        id=fid,
        severity=severity or SEV[fid[0]],
        title=title,
        locations=tuple(loc(x) for x in locs),
        classification=cls,
        body=body,
        fix=fix,
    )


def seat(
    name: str,
    *findings: Finding,
    model: str | None = None,
    coverage: dict[str, str] | None = None,
    design: tuple[DesignObservation, ...] = (),
    testing: Assessment | None = None,
    documentation: Assessment | None = None,
    run: SeatRun | None = None,
    raw: str | None = None,
) -> SeatReview:
    review = AgentReview(
        seat=name,
        findings=tuple(findings),
        coverage=tuple(CoverageEntry(p, s) for p, s in (coverage or {}).items()),
        design_observations=design,
        testing=testing or Assessment(),
        documentation=documentation or Assessment(),
        raw=raw if raw is not None else f"review by {name}",
    )
    return SeatReview(Reviewer(name, display_name(name), model), review, run)


def failed(name: str, reason: str = "timed out after 30 s") -> SeatReview:
    run = SeatRun(name, status="timeout", reason=reason, duration_s=30.0)
    return SeatReview(Reviewer(name, display_name(name)), None, run)


def groups(clusters) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    """The clusters as sets of member keys, singletons included."""
    return {frozenset(m.key for m in c.members) for c in clusters}
