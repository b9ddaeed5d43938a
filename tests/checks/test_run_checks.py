"""`run_checks` on fixture repos with cheap test commands (no pytest start-up per run)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from deepreview.checks import CheckRequest, run_checks
from deepreview.checks.mutate import Mutation
from deepreview.checks.run import mutant_timeout, run_mutant
from deepreview.checks.testrun import SuiteRun
from deepreview.config import ChecksSettings
from deepreview.model import Finding, Location, Severity
from support.proof_repos import GOOD_FIX, make_python_repo
from support.repos import git

PY = sys.executable


def request(repo: Path, settings: ChecksSettings, *fixes: str) -> CheckRequest:
    base = git(repo, "merge-base", "main", "feature")
    head = git(repo, "rev-parse", "feature")
    findings = tuple(
        Finding(f"I{n}", Severity.IMPORTANT, "t", (Location("ages.py", 3),), fix=fix)
        for n, fix in enumerate(fixes, start=1)
    )
    return CheckRequest(
        repo=repo,
        sha=head,
        diff=git(repo, "diff", base, head),
        findings=findings,
        settings=settings,
        env={**os.environ, "FAKE_API_TOKEN": "tok-123456789"},
    )


def test_secrets_reach_the_tests_only_when_named(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    probe = (PY, "-c", "import os, sys; sys.exit('FAKE_API_TOKEN' in os.environ)")
    hidden = run_checks(request(repo, ChecksSettings(check_fixes=True, test=probe)))
    assert hidden.baseline == "pass"
    named = ChecksSettings(check_fixes=True, test=probe, env=("FAKE_API_TOKEN",))
    assert run_checks(request(repo, named)).baseline == "fail"


def test_a_failure_that_was_there_before_is_not_blamed_on_the_fix(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    always = (PY, "-c", "print('--- FAIL: TestOld (0.00s)'); raise SystemExit(1)")
    settings = ChecksSettings(check_fixes=True, probe_tests=True, test=always)
    result = run_checks(request(repo, settings, GOOD_FIX))
    assert (result.baseline, result.baseline_failing) == ("fail", "TestOld")
    [check] = result.fix_checks
    assert check.badge == "applies · tests fail (TestOld), failing before the fix too"
    # Mutants need a green suite to mean anything.
    assert result.mutants == ()
    assert result.probe_note == "the tests do not pass without any mutation"
    assert git(repo, "worktree", "list").count("\n") == 0


def test_a_test_command_that_cannot_start(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    settings = ChecksSettings(check_fixes=True, test=("no-such-runner-for-checks",))
    result = run_checks(request(repo, settings, GOOD_FIX))
    assert result.baseline == "error"
    assert result.note.startswith("the test command could not run: could not start")
    assert result.fix_checks == ()


def test_a_mutant_never_writes_through_a_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("x = 1\n")
    wt = tmp_path / "wt"
    wt.mkdir()
    (wt / "a.py").symlink_to(outside)
    m = Mutation("a.py", 1, "off by one", "x = 1", "x = 2")
    result = run_mutant(wt, m, (PY, "-c", "pass"), {"PATH": "/usr/bin:/bin"}, 30)
    assert result.status == "error"
    assert outside.read_text() == "x = 1\n"


def test_mutant_timeout_follows_the_baseline() -> None:
    settings = ChecksSettings(timeout=600)
    assert mutant_timeout(settings, SuiteRun("pass", duration_s=1.0)) == 10.0
    assert mutant_timeout(settings, SuiteRun("pass", duration_s=30.0)) == 120.0
    assert mutant_timeout(settings, SuiteRun("pass", duration_s=500.0)) == 600
