"""The checks step, between consolidation and the lead: fix checks and mutation probes.

Their results are evidence the lead sees (a fix that does not apply, a surviving mutant) and
measured facts the report shows (a badge per finding, the Testing Assessment's first lines).
run.json keeps them, so a `relead` shows them again without rerunning the tests.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from deepreview.checks import CheckRequest, attach_fix_checks, run_checks
from deepreview.model import Report
from deepreview.pipeline.checkout_watch import CheckoutWatch, tests_checkout_note
from deepreview.runmodel import CheckResults

if TYPE_CHECKING:
    from deepreview.pipeline.context import Prepared, StateWriter


def run_check_step(p: Prepared, report: Report, writer: StateWriter) -> CheckResults | None:
    """Run what `--check-fixes` / `--probe-tests` asked for; None when neither was."""
    settings = p.settings.checks
    if not settings.wanted or not p.settings.allow_exec:
        return None
    request = CheckRequest(
        repo=p.target.repo_root,
        sha=p.target.head_sha,
        diff=p.target.diff,
        findings=report.findings,
        settings=settings,
        env=p.env,
        ledger=p.store.ledger(writer.state.id),
    )
    # The tests run in scratch worktrees, but they are the change's code: they may write
    # anywhere, the user's checkout included, which is the place we can check.
    watch = CheckoutWatch.start(p.target.repo_root)
    checks = run_checks(request)
    changes = watch.changes(p.store.root)
    if changes:
        checks = dataclasses.replace(checks, checkout_changes=changes)
    writer.set(checks=checks)
    return checks


def with_checks(report: Report, checks: CheckResults | None) -> Report:
    """`report` with the measured checks and each finding's fix badge."""
    if checks is None:
        return report
    notes = report.notes
    if checks.checkout_changes:
        note = tests_checkout_note(checks.checkout_changes)
        notes = notes if note in notes else (*notes, note)
    return dataclasses.replace(
        report, checks=checks, findings=attach_fix_checks(report.findings, checks), notes=notes
    )
