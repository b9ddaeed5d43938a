"""The measured results in the report model: badges, summaries, JSON and its schema."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema

from deepreview.checkmodel import CheckResults, FixCheck, Mutant
from deepreview.findings.report_parse import parse_report
from deepreview.render import render_report
from deepreview.serialize import report_from_data, to_data

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "src/deepreview/schemas/report.schema.json").read_text())
SEED = ROOT / "tests/fixtures/seed-report.md"

FIXES = (
    FixCheck(applies=True, tests="pass"),
    FixCheck(applies=True, tests="pass", reason="re-anchored at a.go:9"),
    FixCheck(applies=True, tests="fail", failing_test="TestFoo", output_tail="--- FAIL: TestFoo"),
    FixCheck(applies=True, tests="timeout"),
    FixCheck(applies=False, reason="context not found in a.go: `x := 1`"),
)
MUTANTS = (
    Mutant("slice.go", 34, "flip comparison", "\tif i >= n {", "\tif i > n {", "survived"),
    Mutant("slice.go", 35, "off by one", "\treturn 0", "\treturn 1", "killed", "TestSlice"),
    Mutant("slice.go", 36, "delete statement", "\tn++", "\t// statement deleted", "timeout"),
)


def test_badges() -> None:
    assert [f.badge for f in FIXES] == [
        "applies · tests pass",
        "applies (re-anchored at a.go:9) · tests pass",
        "applies · tests fail (TestFoo)",
        "applies · tests timeout",
        "does not apply (context not found in a.go: `x := 1`)",
    ]


def test_summaries() -> None:
    c = CheckResults(test_command=("go", "test", "./..."), fix_checks=FIXES, mutants=MUTANTS)
    assert c.fixes_summary == "5 fixes: 4 apply, 2 pass tests, 1 breaks `TestFoo`, 1 times out"
    assert c.probe_summary == (
        "Probed 3 mutations of the changed lines: the suite caught 2; 1 survived "
        "(1 caught by timeout)"
    )
    killed = CheckResults(mutants=MUTANTS[1:2])
    assert killed.probe_summary == "Probed 1 mutation of the changed lines: all killed"
    assert (
        CheckResults(probe_note="x").probe_summary == "No mutation of the changed lines was run (x)"
    )


def test_a_fix_is_not_blamed_for_a_test_that_failed_before_it() -> None:
    before = FixCheck(applies=True, tests="fail", failing_test="test_a", fails_without_fix=True)
    new = FixCheck(applies=True, tests="fail", failing_test="test_b")
    c = CheckResults(fix_checks=(before, before, new))
    assert c.fixes_summary == (
        "3 fixes: 3 apply, 0 pass tests, 1 breaks `test_b`, "
        "2 with tests already failing before the fix"
    )


def test_a_badge_says_what_the_run_without_the_fix_leaves_of_its_proof() -> None:
    as_before = FixCheck(applies=True, tests="pass", baseline="pass")
    greened = FixCheck(applies=True, tests="pass", baseline="fail")
    bent = FixCheck(applies=True, tests="pass", baseline="fail", edits_tests=("t/test_a.py",))
    unnamed = FixCheck(applies=True, tests="fail", baseline="fail")
    skipped = FixCheck(
        applies=True, baseline="timeout", reason="the tests time out without any fix"
    )
    assert [c.badge for c in (as_before, greened, bent, unnamed, skipped)] == [
        "applies · tests pass, as they did without the fix: no test tells it apart",
        "applies · tests pass, and fail without the fix",
        "applies · tests pass, and fail without the fix · edits t/test_a.py",
        "applies · tests fail, as they did without the fix, naming no test to compare",
        "applies · tests not run (the tests time out without any fix)",
    ]
    # How many passed, when the runner said; a short run says its counts itself.
    counted = FixCheck(applies=True, tests="pass", baseline="fail", tests_ran=4)
    assert counted.badge == "applies · tests pass (4 ran), and fail without the fix"
    short = "only 1 passed where 2 ran without the fix"
    fewer = FixCheck(applies=True, tests="pass", baseline="fail", tests_ran=1, short_run=short)
    assert fewer.badge == f"applies · tests pass, but {short}"
    # Stored before the baseline was kept: the badge it had.
    assert FixCheck(applies=True, tests="pass").badge == "applies · tests pass"
    assert [c.tone for c in (as_before, greened, bent, unnamed, skipped)] == [
        "weak",
        "ok",
        "weak",
        "bad",
        "weak",
    ]
    c = CheckResults(fix_checks=(greened, bent, unnamed, skipped))
    assert c.fixes_summary == (
        "4 fixes: 4 apply, 2 make the tests pass, "
        "1 fails as the tests did without any fix (no test named to compare), "
        "1 not run (the tests time out without any fix), 1 edits test files"
    )
    assert [check for _, check in c.listed_fix_checks(())] == [bent, unnamed, skipped]


def test_a_re_anchored_badge_says_where_it_landed_and_what_the_run_proves() -> None:
    at = "re-anchored at a.py:9"
    greened = FixCheck(applies=True, reason=at, tests="pass", baseline="fail")
    bent = FixCheck(applies=True, reason=at, tests="fail", baseline="pass", edits_tests=("t.py",))
    assert greened.badge == "applies (re-anchored at a.py:9) · tests pass, and fail without the fix"
    assert bent.badge == "applies (re-anchored at a.py:9) · tests fail · edits t.py"
    # When the tests did not run, `reason` says why, never as where the fix landed.
    crashed = FixCheck(applies=True, reason="no such file", tests="error", baseline="pass")
    assert crashed.badge == "applies · tests could not run (no such file)"


def test_listed_fix_checks_name_their_findings_and_the_command_is_quoted() -> None:
    report = parse_report(SEED.read_text())
    a, b, c = report.findings[:3]
    findings = (
        dataclasses.replace(a, fix_check=FIXES[2]),
        dataclasses.replace(b, fix_check=FIXES[0]),
        dataclasses.replace(c, fix_check=FIXES[2]),
    )
    checks = CheckResults(test_command=("sh", "-c", "env > /tmp/x"), fix_checks=FIXES)
    assert checks.listed_fix_checks(findings) == (
        (f"{a.id}, {c.id}", FIXES[2]),
        ("", FIXES[3]),
        ("", FIXES[4]),
    )
    assert checks.test_command_text == "sh -c 'env > /tmp/x'"


def test_report_with_checks_round_trips_and_validates() -> None:
    report = parse_report(SEED.read_text())
    findings = (dataclasses.replace(report.findings[0], fix_check=FIXES[2]), *report.findings[1:])
    checks = CheckResults(
        test_command=("go", "test", "./..."),
        baseline="pass",
        baseline_duration_s=1.5,
        fixes_requested=True,
        fix_checks=FIXES,
        probes_requested=True,
        mutants=MUTANTS,
    )
    report = dataclasses.replace(report, findings=findings, checks=checks)
    data = to_data(report)
    jsonschema.validate(data, SCHEMA)
    assert report_from_data(json.loads(json.dumps(data))) == report

    md = render_report(report, "md")
    testing = md.split("## Testing Assessment")[1]
    assert testing.startswith(
        "\n\n**Measured** with `go test ./...` (without any change: tests pass, 1.5 s):\n\n"
        "- 5 fixes: 4 apply, 2 pass tests, 1 breaks `TestFoo`, 1 times out.\n"
    )
    assert "  - `slice.go:34` (flip comparison): `-if i >= n { +if i > n {`\n" in testing
    first = md.split("## Important Issues")[1].split("\n---\n")[0]
    assert first.rstrip().endswith("`fix: applies · tests fail (TestFoo)`")


def test_html_escapes_everything_measured() -> None:
    report = parse_report(SEED.read_text())
    evil = "<img src=x onerror=alert(1)>"
    checks = CheckResults(
        test_command=("sh", "-c", evil),
        baseline="pass",
        fixes_requested=True,
        fix_checks=(FixCheck(applies=True, tests="fail", output_tail=evil, reason=evil),),
        probes_requested=True,
        mutants=(Mutant(evil, 1, evil, evil, evil + "x", "survived"),),
    )
    findings = (dataclasses.replace(report.findings[0], fix_check=checks.fix_checks[0]),)
    html = render_report(dataclasses.replace(report, findings=findings, checks=checks), "html")
    assert evil not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<pre>&lt;img src=x onerror=alert(1)&gt;</pre>" in html  # the test output tail


def test_fixes_nobody_checked_are_said_apart() -> None:
    c = CheckResults(fix_checks=FIXES[:1], unchecked=("S1",))
    assert c.fixes_summary == "1 fix: 1 applies, 1 passes tests; 1 more not checked"
    assert CheckResults(unchecked=("S1", "S2")).fixes_summary == "2 fixes, not checked"
    report = parse_report(SEED.read_text())
    lead, seat = (
        dataclasses.replace(report.findings[0], verification="added-by-lead"),
        report.findings[1],
    )
    c = CheckResults(unchecked=(lead.id, seat.id))
    assert c.unchecked_badges((lead, seat)) == (
        (lead.id, "not checked (written by the lead after the tests ran)"),
        (seat.id, "not checked (not among this run's fix checks)"),
    )


def test_the_re_anchor_note_is_kept_when_the_tests_do_not_run() -> None:
    """`anchor_note` says where the fix went, `reason` why its tests did not run: both shown."""
    at = "re-anchored at a.py:9"
    skipped = FixCheck(
        applies=True,
        anchor_note=at,
        baseline="timeout",
        reason="the tests time out without any fix",
    )
    crashed = FixCheck(applies=True, anchor_note=at, reason="no such file", tests="error")
    assert skipped.badge == (
        "applies (re-anchored at a.py:9) · tests not run (the tests time out without any fix)"
    )
    assert crashed.badge == "applies (re-anchored at a.py:9) · tests could not run (no such file)"
    ran = FixCheck(applies=True, anchor_note=at, reason=at, tests="pass", baseline="fail")
    assert ran.badge == "applies (re-anchored at a.py:9) · tests pass, and fail without the fix"


class _Found:
    def __init__(self, id: str, verification: str | None) -> None:
        self.id, self.verification, self.fix_check = id, verification, None


def test_a_fix_not_checked_says_why() -> None:
    lead, rewrite = _Found("S1", "added-by-lead"), _Found("I2", "verified")
    after = CheckResults(fixes_requested=True, unchecked=("S1", "I2"))
    assert after.unchecked_badges((lead, rewrite)) == (
        ("S1", "not checked (written by the lead after the tests ran)"),
        ("I2", "not checked (not among this run's fix checks)"),
    )
    timed_out = dataclasses.replace(after, lead_unchecked="the tests time out without any fix")
    assert timed_out.unchecked_badges((lead, rewrite)) == (
        ("S1", "not checked (written by the lead; the tests time out without any fix)"),
        ("I2", "not checked (the tests time out without any fix)"),
    )


def test_a_go_package_count_reads_naturally_when_no_package_passed() -> None:
    def badge(ran: int, failed: int) -> str:
        tests = "fail" if failed else "pass"
        check = FixCheck(applies=True, tests=tests, failing_test="TestA", packages_ran=ran)
        return dataclasses.replace(check, packages_failed=failed).badge

    assert badge(1, 1) == "applies · tests fail (TestA; the package failed)"
    assert badge(2, 2) == "applies · tests fail (TestA; all 2 packages failed)"
    assert badge(3, 1) == "applies · tests fail (TestA; 1 of 3 packages failed)"
    assert badge(1, 0) == "applies · tests pass (1 package passed)"
