"""The checks step, between consolidation and the lead: fix checks and mutation probes; after
the lead, the checks of the fix diffs it wrote itself.

Their results are evidence the lead sees (a fix that does not apply, a surviving mutant) and
measured facts the report shows (a badge per finding, the Testing Assessment's first lines).
run.json keeps them, so a `relead` shows them again without rerunning the tests.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from deepreview.checkmodel import CheckResults
from deepreview.checks import (
    CheckRequest,
    Measured,
    check_more_fixes,
    measure,
    pending_fixes,
    report_checks,
)
from deepreview.checks.logs import CheckLogs
from deepreview.model import Finding, Report
from deepreview.pipeline.checkout_watch import CheckoutWatch, tests_checkout_note

if TYPE_CHECKING:
    from deepreview.pipeline.context import Prepared, StateWriter
    from deepreview.rounds.previous import PreviousRound


def run_check_step(
    p: Prepared, report: Report, writer: StateWriter, prev: PreviousRound | None
) -> Measured | None:
    """Run what `--check-fixes` / `--probe-tests` asked for; None when neither was. `prev`:
    the previous round (`rounds_prompt_step.previous_round`, looked up once by the caller):
    its open findings that no seat raises again are carried into this report after the lead
    (`rounds_step`), and their fixes are measured here, in this round's code with this
    round's test command, like every other badge the report shows."""
    settings = p.settings.checks
    if not settings.wanted or not p.settings.allow_exec:
        return None
    prior = prev.open_findings if prev is not None else ()
    request = _request(p, (*report.findings, *prior), writer)
    # The tests run in scratch worktrees, but they are the change's code: they may write
    # anywhere, the user's checkout included, which is the place we can check.
    watch = CheckoutWatch.start(p.target.repo_root)
    measured = measure(request)
    checks = _with_changes(measured.results, watch, p)
    writer.set(checks=checks)
    return dataclasses.replace(measured, results=checks)


def check_lead_fixes(
    p: Prepared, report: Report, measured: Measured, writer: StateWriter
) -> CheckResults:
    """The checks with those of the fix diffs in `report` (after the lead) that were not
    checked before it: a finding the lead added, a fix it rewrote. Same test command, timeout,
    worktrees and logs as the first checks; run.json records them."""
    before = measured.results
    if not pending_fixes(report.findings, measured):
        return before
    watch = CheckoutWatch.start(p.target.repo_root)
    checks = check_more_fixes(_request(p, report.findings, writer), measured)
    if len(checks.fix_checks) > len(before.fix_checks):
        checks = _with_changes(checks, watch, p)
    writer.set(checks=checks)
    return checks


def _request(p: Prepared, findings: tuple[Finding, ...], writer: StateWriter) -> CheckRequest:
    return CheckRequest(
        repo=p.target.repo_root,
        sha=p.target.head_sha,
        diff=p.target.diff,
        findings=findings,
        settings=p.settings.checks,
        env=p.env,
        ledger=p.store.ledger(writer.state.id),
        logs=CheckLogs(writer.path.parent, p.store.write_text, writer.redactor.text),
    )


def _with_changes(checks: CheckResults, watch: CheckoutWatch, p: Prepared) -> CheckResults:
    """`checks` with the lines of the user's checkout the tests changed, on top of any the
    earlier runs changed."""
    changes = watch.changes(p.store.root)
    if not changes:
        return checks
    kept = (*checks.checkout_changes, *(c for c in changes if c not in checks.checkout_changes))
    return dataclasses.replace(checks, checkout_changes=kept)


def with_checks(report: Report, checks: CheckResults | None) -> Report:
    """`report` with the measured checks and each finding's fix badge: this run's measurement
    or none (a finding carried from an earlier round comes with that round's badge)."""
    if checks is None:
        findings = tuple(
            dataclasses.replace(f, fix_check=None) if f.fix_check else f for f in report.findings
        )
        return dataclasses.replace(report, findings=findings)
    notes = report.notes
    if checks.checkout_changes:
        note = tests_checkout_note(checks.checkout_changes)
        notes = notes if note in notes else (*notes, note)
    findings, shown = report_checks(report.findings, checks)
    return dataclasses.replace(report, checks=shown, findings=findings, notes=notes)
