"""A `Report` as SARIF 2.1.0 (`<ID>.sarif`), so GitHub code scanning (and any SARIF viewer)
shows the findings as annotations on the lines they are about.

One result per finding: `ruleId` is the finding's classification (regression, gap, ...), the
level follows its severity, the region its first location (other locations are
`relatedLocations`), and `partialFingerprints` carries the finding fingerprint so an alert
stays the same alert across rounds.

Every result has a location, even a finding that names no file or line (a design remark):
GitHub code scanning rejects the whole upload otherwise ("locationFromSarifResult: expected at
least one location"); its "SARIF support for code scanning" page lists `locations[]` (at least
one), `physicalLocation`, a non-empty `artifactLocation.uri` (recommended: a path relative to the
repository root; the empty string is not supported, so the repository root cannot be named) and
`region.startLine` as required. Such a finding is put on line 1 of the first file the report's
other findings name that is there (a file of the reviewed change, so the alert is listed with
it; not a path a reviewer named that the review SHA does not hold), else of a
placeholder path, as OpenSSF Scorecard does for its repository-wide results; the location's
message says the finding names no place, so line 1 is not read as its place.

A place a seat cited that is not a file of the repository (`../../etc/passwd`, `/etc/hosts`) is
never an artifact: a SARIF consumer resolves the URI against the checkout. Such a location is
left out; a finding left with none is shown like one without a place, its location's message
naming the path it cited and saying it is outside the repository.

The run's `invocations[0]` says whether the review ran (SARIF 2.1.0 §3.20, and Appendix I on
how a consumer tells an incomplete log): a review where every seat failed has no results, and
without `executionSuccessful: false` that reads as a clean analysis. Each seat that did not
review is a `toolExecutionNotifications` entry with its reason: `error` when no seat reviewed,
`warning` when others did (the results stand, from fewer reviewers).
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any, Final
from urllib.parse import quote

from deepreview import __version__
from deepreview.consolidate.fingerprint import distinct_fingerprints
from deepreview.consolidate.labels import seat_labels
from deepreview.consolidate.scope import NOT_FOUND
from deepreview.consolidate.verdict import unjudged
from deepreview.markdown_neutral import neutral, neutral_inline
from deepreview.markdown_untrusted import body_md, one_line
from deepreview.model import Finding, Location, Report, Severity
from deepreview.untrusted_text import inside_repo, visible_bidi

SARIF_SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY: Final = "deepReviewFinding/v1"
UNCLASSIFIED: Final = "unclassified"
# The file a finding with no place is shown on when no finding of the report names a file.
NO_FILE_URI: Final = "no-file-named-by-this-review"
LEVELS: Final = {
    Severity.CRITICAL: "error",
    Severity.IMPORTANT: "warning",
    Severity.SUGGESTION: "note",
}


def _uri(path: str) -> str:
    """A repo-relative path as a relative URI reference (SARIF wants a URI, not a path): a
    space, `ü`, `#`, `%` or `:` are percent-encoded (UTF-8), `/` stays the separator."""
    return quote(path, safe="/")


def _repo_path(path: str) -> str | None:
    """`untrusted_text.inside_repo`, but a name may hold a newline or another control
    character: git allows it, and a URI percent-encodes it (`new%0Aline.py`), where a git
    batch request, for which `inside_repo` refuses it, would read two lines."""
    masked = _CONTROL.sub("_", path)  # (one character for one: the path's shape is kept)
    if inside_repo(masked) is None:
        return None
    return posixpath.normpath(path)


_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")


def _location(loc: Location) -> dict[str, Any] | None:
    """The SARIF location of `loc`, None when its path names no file inside the repository."""
    path = _repo_path(loc.path)
    if path is None:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path), "uriBaseId": "%SRCROOT%"}}
    if loc.start is not None and loc.start >= 1:
        region: dict[str, Any] = {"startLine": loc.start}
        if loc.end is not None and loc.end >= loc.start:
            region["endLine"] = loc.end
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule_id(finding: Finding) -> str:
    return one_line(finding.classification or UNCLASSIFIED).strip().lower() or UNCLASSIFIED


def _no_place(finding: Finding, fallback_path: str) -> dict[str, Any]:
    outside = [visible_bidi(loc.path) for loc in finding.locations if loc.path.strip()]
    if outside:
        text = (
            f"{finding.id} names a place outside the repository ({one_line(outside[0])}); "
            "it is shown here, not there."
        )
    else:
        text = f"{finding.id} names no file or line: it is about the change as a whole."
    return {**(_location(Location(fallback_path, 1)) or {}), "message": {"text": text}}


def _with_line(place: dict[str, Any], loc: Location, finding_id: str) -> dict[str, Any]:
    """The result's own location with a line: code scanning needs `region.startLine` there, so
    a finding that names a file but no line is shown on its first line, and the location says
    so (a related location may name a whole file)."""
    physical = place["physicalLocation"]
    if "region" in physical:
        return place
    path = one_line(visible_bidi(inside_repo(loc.path) or loc.path))
    text = f"{finding_id} names {path} but no line: shown on its first line."
    return {"physicalLocation": {**physical, "region": {"startLine": 1}}, "message": {"text": text}}


def _result(finding: Finding, fallback_path: str, fp: str) -> dict[str, Any]:
    # `message.text` is plain text (the SARIF 2.1.0 schema; GitHub code scanning, which reads no
    # other message field of a result, shows it as the alert's title): the title as written,
    # on one line. `message.markdown` is Markdown that SARIF viewers render (GitHub ignores it):
    # the seat's text goes there as in the Markdown report, the title on one line, the body
    # below it (headings demoted, fences closed) and all of it neutral (no live mention or
    # `#123` reference, no raw HTML outside code).
    title = one_line(finding.title)
    body = neutral(body_md(finding.body, html=False)) if finding.body else ""
    fix = finding.fix and "Fix:\n\n" + neutral(body_md(finding.fix, html=False))
    parts = (neutral_inline(title), body, fix)
    markdown = "\n\n".join(part for part in parts if part)
    result: dict[str, Any] = {
        "ruleId": _rule_id(finding),
        "level": LEVELS[finding.severity],
        "message": {
            "text": f"{finding.id}: {title}",
            "markdown": markdown,
        },
        # unique per result (`distinct_fingerprints`): code scanning merges equal ones
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {
            "findingId": finding.id,
            "severity": finding.severity.value,
            "reviewers": list(finding.reviewers),
        },
    }
    placed = [(loc, p) for loc in finding.locations if (p := _location(loc)) is not None]
    places = [p for _, p in placed]
    if placed:
        result["locations"] = [_with_line(placed[0][1], placed[0][0], finding.id)]
        related = [{"id": i, **p} for i, p in enumerate(places[1:], start=1)]
        if related:
            result["relatedLocations"] = related
    else:
        result["locations"] = [_no_place(finding, fallback_path)]
    return result


def review_failed(report: Report) -> bool:
    """No seat produced a review: what exit code 3 says. A report without runs (`consolidate`
    of review files) has only its verdict to go by."""
    if report.header.verdict.label == "Failed":
        return True
    return bool(report.runs) and not any(run.status == "ok" for run in report.runs)


def _invocation(report: Report) -> dict[str, Any]:
    failed = review_failed(report)
    level = "error" if failed else "warning"
    notes = []
    # named as the report names them: a failed seat is no reviewer, but has its retro heading
    names = {s.seat: s.name for s in report.retro.seats} | {
        r.seat: r.name for r in report.header.reviewers
    }
    label = seat_labels([*names, *(run.seat for run in report.runs)], names)
    for run in report.runs:
        if run.status == "ok":
            continue
        text = f"Seat {label[run.seat]} {run.outcome_text}".rstrip(".")
        notes.append(
            {
                "level": level,
                "message": {"text": f"{text}."},
                "properties": {"seat": run.seat, "status": run.status},
            }
        )
    if failed and not notes:
        reason = report.header.verdict.reason or "no seat produced a review"
        notes.append({"level": "error", "message": {"text": f"The review failed: {reason}."}})
    # Reviewed, but not all of it could be judged: zero results must not read as a clean
    # analysis (which closes a PR's open alerts).
    incomplete = None if failed else unjudged(report)
    if incomplete is not None:
        text = f"The review is incomplete: {incomplete.rstrip('.')}."
        notes.append({"level": "error", "message": {"text": text}})
    invocation: dict[str, Any] = {"executionSuccessful": not failed and incomplete is None}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _fallback_path(report: Report) -> str:
    """The first file another finding names that is there: a path a reviewer named that the
    review SHA does not hold ("file not found at review SHA") is no file to show an alert on."""
    return next(
        (
            path
            for f in report.findings
            if f.scope != NOT_FOUND
            for loc in f.locations
            if (path := _repo_path(loc.path)) is not None
        ),
        NO_FILE_URI,
    )


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as data (`render_sarif` is its JSON text)."""
    rule_ids = sorted({_rule_id(f) for f in report.findings})
    fallback = _fallback_path(report)
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
        "invocations": [_invocation(report)],
        "results": [
            _result(f, fallback, fp)
            for f, fp in zip(report.findings, distinct_fingerprints(report.findings), strict=True)
        ],
        "properties": {"verdict": report.header.verdict.label},
    }
    h = report.header
    if h.repo_url and h.review_sha:
        run["versionControlProvenance"] = [
            {"repositoryUri": h.repo_url, "revisionId": h.review_sha}
        ]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


__all__ = ["FINGERPRINT_KEY", "LEVELS", "NO_FILE_URI", "render_sarif", "review_failed", "to_sarif"]
