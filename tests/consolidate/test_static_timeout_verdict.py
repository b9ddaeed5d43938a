"""A static seat stopped by its timeout after its analyzers wrote findings: its checks did not
finish, and the verdict says so in words that fit an analyzer ("timed out before its checks
finished"), not a model's ("findings that were not judged" alone reads as untrusted text).

The review is incomplete as the README's exit codes count it (a seat timed out after writing
findings: exit 4 under `--fail-on`), so a "Merge as-is" is Unverified, lead or not, as for a
model seat; the store listing and the gate name the same clause.
"""

from __future__ import annotations

from consolidate_helpers import seat

from deepreview.consolidate import SeatReview, build_report
from deepreview.consolidate.verdict import listed_verdict, unjudged
from deepreview.model import Header, LeadInfo, Reviewer
from deepreview.runmodel import SeatRun

# What the static seat had written when its deadline stopped it: one finding from the analyzers
# that finished.
STATIC_SO_FAR = (
    "## Findings\n\n### Important Issues\n\n**I1. Hardcoded password** — `app.py:3`\n\n"
    "`PASSWORD = 'hunter2'` assigns a literal password (ruff S105).\n\n(important, security)\n"
)


def _static_timed_out(output: str = STATIC_SO_FAR) -> SeatReview:
    run = SeatRun("static", status="timeout", reason="timed out after 1 s", duration_s=1.0)
    return SeatReview(
        Reviewer("static", "Static analysis"), None, run, model_backed=False, output=output
    )


def test_a_static_seat_timed_out_after_writing_findings_says_its_checks_did_not_finish() -> None:
    report = build_report(Header("r"), [seat("claude"), _static_timed_out()])
    verdict = report.header.verdict
    clause = (
        "Static analysis timed out before its checks finished, its findings so far not judged "
        "(see the appendix)"
    )
    assert verdict.label == "Unverified", verdict
    assert verdict.reason == (
        f"no issues found in the findings that could be read; 1 of 2 seats failed; {clause}"
    )
    assert "that were not judged" not in verdict.reason  # the model seat's wording
    assert unjudged(report) == clause  # `--fail-on` passes nothing on it
    assert listed_verdict(verdict) == (
        "Unverified (1 of 2 seats failed; Static analysis timed out before its checks "
        "finished, its findings so far not judged)"
    )


def test_a_lead_does_not_finish_the_static_checks() -> None:
    lead = LeadInfo(seat="claude", status="ok")
    report = build_report(Header("r"), [seat("claude"), _static_timed_out()], lead=lead)
    assert report.header.verdict.label == "Unverified"
    assert unjudged(report) is not None


def test_a_static_seat_timed_out_before_writing_findings_is_a_failed_seat_only() -> None:
    report = build_report(Header("r"), [seat("claude"), _static_timed_out("")])
    assert (report.header.verdict.label, report.header.verdict.reason) == (
        "Merge as-is",
        "no issues found; 1 of 2 seats failed",
    )
    assert unjudged(report) is None
