"""What `review`, `finish`, `resume` and `relead` print about the review they stored: its
`--json` document, or the lines a person reads (`posting.conclude` decides when)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import click

from deepreview.cli.hints import with_store
from deepreview.runmodel import SCHEMA_VERSION

if TYPE_CHECKING:
    from deepreview.model import Report
    from deepreview.pipeline.context import ReviewOutcome

RESUME_HINT = "Interrupted. Finished seats are kept; run `deep-review resume {}`."


def outcome_doc(outcome: ReviewOutcome, *, lead_failed: str | None = None) -> dict[str, Any]:
    """The `--json` document. `lead_failed`: `relead`'s line for a lead that failed or fell
    back, whichever report stands (README, exit 6)."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "review_id": outcome.review_id,
        "status": outcome.status,
        "store": str(outcome.store_root),
        "review_dir": str(outcome.review_dir),
        "paths": outcome.paths,
        "verdict": outcome.report.header.verdict.label if outcome.report else None,
        # The label alone of a clean review with a failed seat reads as a plain approval.
        "verdict_reason": outcome.report.header.verdict.reason if outcome.report else None,
        "seats": [
            {
                "seat": r.seat,
                "status": r.status,
                "reason": r.reason,
                "duration_s": r.duration_s,
                "tool_calls": r.tool_calls,
                "tokens_in": r.tokens_in,
                "tokens_out": r.tokens_out,
                "cost_usd": r.cost_usd,
                "api_retries": r.api_retries,
                "modified_worktree": r.modified_worktree,
            }
            for r in outcome.seats
        ],
    }
    data["round"] = round_doc(outcome.report, outcome.series) if outcome.report else None
    lead = outcome.report.lead if outcome.report else None
    if lead is not None:
        data["lead"] = {
            "seat": lead.seat,
            "status": lead.status,
            "note": lead.note or None,
            "reason": outcome.lead_reason if lead.status != "ok" else None,
            # as the seats': the counts the live line, run.json and the report give
            "duration_s": lead.run.duration_s if lead.run else None,
            "tool_calls": lead.run.tool_calls if lead.run else None,
        }
    if lead_failed is not None:
        data["lead_failed"] = lead_failed
    checks = outcome.report.checks if outcome.report else None
    if checks is not None:
        data["checks"] = {
            "note": checks.note or None,
            "fixes": checks.fixes_summary if checks.fixes_requested else None,
            "probes": checks.probe_summary if checks.probes_requested else None,
        }
    return data


# A round label's number: `1`, `3 (of PR #711)` (`pipeline.finish.round_label`).
_ROUND = re.compile(r"^\s*(\d+)")


def round_doc(report: Report, series: str) -> dict[str, Any] | None:
    """`--json`'s `round`: the review's round in its series and what it did with the earlier
    rounds' findings, so CI need not read the JSON report. None for a review in no series
    (`--uncommitted`, a range): it has no round. Counted from the report as stored:
    `carried` still open from an earlier round (tagged `Round N ID, …`), `reopened` declined
    and open again on changed code, `raised_again` closed or dropped before and raised again,
    `new`; `fixed` and `closed` (no longer applies, dropped by this round's lead, closed
    with no verdict) of the previous round's open findings; `declined` left out as declined."""
    # (imported here: the rounds package is loaded only once a review is stored)
    from deepreview.rounds.summary import REOPENED

    info = report.round_info
    m = _ROUND.match(report.header.round or "")
    if m is None and info is None:
        return None
    verdicts = info.fix_verdicts if info is not None else ()
    # Still open from the round before, raised again or not: the Executive Summary's "still
    # open" count. Only a finding closed (or dropped) earlier and raised again is `raised_again`.
    open_ids = {v.carried_as for v in verdicts if v.carried_as}
    tags = [f.carry_forward or "" for f in report.findings if f.id not in open_ids]
    again = sum(1 for t in tags if t.endswith(", raised again"))
    fixed = sum(1 for v in verdicts if not v.carried_as and v.status == "fixed")
    return {
        "number": info.number if info is not None else int(m.group(1)) if m else 1,
        "series": info.series if info is not None else series or None,
        "previous_review_id": info.previous_review_id if info is not None else None,
        "previous_number": info.previous if info is not None else None,
        "carried": len(open_ids & {f.id for f in report.findings})
        + sum(1 for t in tags if t.startswith("Round ") and not t.endswith(", raised again")),
        "reopened": tags.count(REOPENED),
        "raised_again": again,
        "new": len(info.new_findings) if info is not None else len(report.findings),
        "fixed": fixed,
        "closed": sum(1 for v in verdicts if not v.carried_as) - fixed,
        "declined": sum(1 for d in info.declined if not d.reopened) if info is not None else 0,
    }


def echo_outcome(outcome: ReviewOutcome) -> None:
    """The seats, the checks, the lead when it did not judge, the verdict, the stored files."""
    for r in outcome.seats:
        line = f"  {r.seat}: {r.outcome_text}"
        if r.modified_worktree:
            line += " [modified its worktree]"
        if r.output_note:
            line += f" [{r.output_note}]"
        click.echo(line, err=True)
    if outcome.status == "interrupted":
        click.echo(with_store(RESUME_HINT.format(outcome.review_id)), err=True)
        return
    assert outcome.report is not None
    v = outcome.report.header.verdict
    checks = outcome.report.checks
    if checks is not None and checks.note:  # the same lines as `--json`'s "checks"
        click.echo(f"Checks: {checks.note}", err=True)
    elif checks is not None:
        if checks.fixes_requested:
            click.echo(f"Fix checks: {checks.fixes_summary}", err=True)
        if checks.probes_requested:
            click.echo(f"Test probes: {checks.probe_summary}", err=True)
    lead = outcome.report.lead
    if lead is not None and lead.status in ("failed", "fallback"):
        # the progress line said the lead's run ended `ok`; its answer may not have been
        click.echo(f"  lead ({lead.seat}): {lead.status} — {lead.note}", err=True)
    click.echo(v.line, err=True)
    click.echo(f"Review {outcome.review_id} stored:")
    for fmt, path in outcome.paths.items():
        click.echo(f"  {fmt}: {path}")


__all__ = ["RESUME_HINT", "echo_outcome", "outcome_doc", "round_doc"]
