"""A `Report` as SARIF 2.1.0 (`<ID>.sarif`), so GitHub code scanning (and any SARIF viewer)
shows the findings as annotations on the lines they are about.

One result per finding: `ruleId` is the finding's classification (regression, gap, ...), the
level follows its severity, the region its first location (other locations are
`relatedLocations`), and `partialFingerprints` carries the finding fingerprint so an alert
stays the same alert across rounds.
"""

from __future__ import annotations

import json
from typing import Any, Final

from deepreview import __version__
from deepreview.consolidate.fingerprint import fingerprint
from deepreview.model import Finding, Location, Report, Severity

SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY: Final = "deepReviewFinding/v1"
UNCLASSIFIED: Final = "unclassified"
LEVELS: Final = {
    Severity.CRITICAL: "error",
    Severity.IMPORTANT: "warning",
    Severity.SUGGESTION: "note",
}


def _location(loc: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": loc.path, "uriBaseId": "%SRCROOT%"}}
    if loc.start is not None and loc.start >= 1:
        region: dict[str, Any] = {"startLine": loc.start}
        if loc.end is not None and loc.end >= loc.start:
            region["endLine"] = loc.end
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule_id(finding: Finding) -> str:
    return (finding.classification or UNCLASSIFIED).strip().lower() or UNCLASSIFIED


def _result(finding: Finding) -> dict[str, Any]:
    markdown = "\n\n".join(
        part
        for part in (finding.title, finding.body, finding.fix and f"Fix:\n\n{finding.fix}")
        if part
    )
    result: dict[str, Any] = {
        "ruleId": _rule_id(finding),
        "level": LEVELS[finding.severity],
        "message": {
            "text": f"{finding.id}: {finding.title}",
            "markdown": markdown,
        },
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding)},
        "properties": {
            "findingId": finding.id,
            "severity": finding.severity.value,
            "reviewers": list(finding.reviewers),
        },
    }
    if finding.locations:
        result["locations"] = [_location(finding.locations[0])]
        related = [
            {"id": i, **_location(loc)} for i, loc in enumerate(finding.locations[1:], start=1)
        ]
        if related:
            result["relatedLocations"] = related
    return result


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as data (`render_sarif` is its JSON text)."""
    rule_ids = sorted({_rule_id(f) for f in report.findings})
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "Deep Review",
                "version": __version__,
                "rules": [
                    {"id": rid, "shortDescription": {"text": f"Deep Review finding: {rid}"}}
                    for rid in rule_ids
                ],
            }
        },
        "automationDetails": {"id": f"deep-review/{report.header.review_id}"},
        "results": [_result(f) for f in report.findings],
        "properties": {"verdict": report.header.verdict.label},
    }
    h = report.header
    if h.repo_url and h.review_sha:
        run["versionControlProvenance"] = [
            {"repositoryUri": h.repo_url, "revisionId": h.review_sha}
        ]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"


__all__ = ["FINGERPRINT_KEY", "LEVELS", "render_sarif", "to_sarif"]
