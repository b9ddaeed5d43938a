"""The checks step, between consolidation and the lead: fix checks and mutation probes.

Their results are evidence the lead sees (a fix that does not apply, a surviving mutant) and
measured facts the report shows (a badge per finding, the Testing Assessment's first lines).
run.json keeps them, so a `relead` shows them again without rerunning the tests.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from deepreview.checks import CheckRequest, report_checks, run_checks
from deepreview.checks.logs import CheckLogs
from deepreview.model import Finding, Report
from deepreview.pipeline.checkout_watch import CheckoutWatch, tests_checkout_note
from deepreview.pipeline.rounds_prompt_step import previous_round
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
        findings=(*report.findings, *_previous_open(p, writer)),
        settings=settings,
        env=p.env,
        ledger=p.store.ledger(writer.state.id),
        logs=CheckLogs(writer.path.parent, p.store.write_text, writer.redactor.text),
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


def _previous_open(p: Prepared, writer: StateWriter) -> tuple[Finding, ...]:
    """The previous round's open findings: the ones no seat raises again are carried into this
    report after the lead (`rounds_step`), and their fixes are measured here, in this round's
    code with this round's test command, like every other badge the report shows."""
    state = writer.state
    prev = previous_round(p, state.id, state.created_at, state.previous_round)
    return prev.open_findings if prev is not None else ()


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
