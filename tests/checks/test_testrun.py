"""One test run: its environment (no secrets), its outcome, and the first failing test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from deepreview.checks.counts import RunCounts, read_counts, short_run
from deepreview.checks.testrun import (
    Failure,
    SuiteRun,
    failing_tests,
    first_failing,
    new_failures,
    run_tests,
    scrubbed_env,
)


def test_first_failing_test_per_runner() -> None:
    pytest_out = (
        "..F\n=== short test summary info ===\n"
        "FAILED tests/test_a.py::TestA::test_limit - assert 1 == 2\n"
        "FAILED tests/test_a.py::test_b\n"
    )
    assert first_failing(pytest_out) == "test_limit"
    assert first_failing("=== RUN   TestSlice\n--- FAIL: TestSlice (0.00s)\nFAIL\n") == "TestSlice"
    assert first_failing("FAIL: test_edge (pkg.tests.EdgeTest.test_edge)\n") == "test_edge"
    assert first_failing("ERROR test_broken.py - SyntaxError\n") == "test_broken.py"
    assert first_failing("make: *** [check] Error 1\n") is None
    unittest_out = (
        "F.\n======\nFAIL: test_sub (test_calc.CalcTest.test_sub)\n------\n"
        "AssertionError: 2 != 0\n\nRan 2 tests in 0.001s\n\nFAILED (failures=1)\n"
    )
    assert first_failing(unittest_out) == "test_sub"
    assert first_failing("ERROR: test_io (t.IoTest)\n\nFAILED (errors=1)\n") == "test_io"
    assert first_failing("Ran 3 tests\n\nFAILED (failures=2, errors=1)\n") is None


def test_env_drops_secrets_unless_named() -> None:
    env = {
        "PATH": "/bin",
        "HOME": "/home/u",
        "OPENAI_API_KEY": "sk-1",
        "GITHUB_TOKEN": "ghp",
        "DB_PASSWORD": "pw",
        "SSH_AUTH_SOCK": "/tmp/agent.sock",
        "TEST_DB_PASSWORD": "test-pw",
    }
    out = scrubbed_env(env, ["TEST_DB_PASSWORD"])
    # the ssh agent's socket signs as the user: withheld too (README: names with AUTH)
    assert out == {
        "PATH": "/bin",
        "HOME": "/home/u",
        "TEST_DB_PASSWORD": "test-pw",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def test_outcomes(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin"}
    ok = run_tests([sys.executable, "-c", "pass"], cwd=tmp_path, env=env, timeout=60)
    assert ok.outcome == "pass"
    fail = run_tests(
        [sys.executable, "-c", "print('--- FAIL: TestX (0.01s)'); raise SystemExit(1)"],
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert (fail.outcome, fail.failing) == ("fail", "TestX")
    assert "--- FAIL: TestX" in fail.tail
    missing = run_tests(["no-such-test-runner-xyz"], cwd=tmp_path, env=env, timeout=60)
    assert missing.outcome == "error" and "no-such-test-runner-xyz" in missing.reason


def test_a_hanging_test_is_killed_at_the_timeout(tmp_path: Path) -> None:
    hang = [sys.executable, "-c", "import time\nwhile True: time.sleep(1)"]
    run = run_tests(hang, cwd=tmp_path, env={"PATH": "/usr/bin:/bin"}, timeout=0.5)
    assert run.outcome == "timeout"


def test_every_failing_test_is_read_by_its_id() -> None:
    pytest_out = (
        "FAILED tests/test_a.py::test_x - assert 1 == 2\n"
        "FAILED tests/test_b.py::test_x\n"
        "FAILED tests/test_a.py::test_x - again\n"
    )
    assert [(f.id, f.name) for f in failing_tests(pytest_out)] == [
        ("tests/test_a.py::test_x", "test_x"),
        ("tests/test_b.py::test_x", "test_x"),
    ]
    # Older Pythons name only the class: two tests of one class are still two.
    old_unittest = "FAIL: test_a (t.ATest)\nFAIL: test_b (t.ATest)\n\nFAILED (failures=2)\n"
    assert [f.id for f in failing_tests(old_unittest)] == ["test_a (t.ATest)", "test_b (t.ATest)"]
    assert failing_tests("make: *** [check] Error 1\n") == ()


def _failed(*ids: str) -> SuiteRun:
    return SuiteRun("fail", failures=tuple(Failure(i, i.rsplit("::", 1)[-1]) for i in ids))


def test_new_failures_compare_every_failing_test() -> None:
    before = _failed("t.py::test_red")
    assert new_failures(_failed("t.py::test_red", "t.py::test_bulk"), before) == (
        Failure("t.py::test_bulk", "test_bulk"),
    )
    assert new_failures(_failed("t.py::test_red"), before) == ()
    # The same name in another file is another test.
    assert new_failures(_failed("u.py::test_red"), before) == (
        Failure("u.py::test_red", "test_red"),
    )
    # Against a green run, every failure is new; a run that names none can be compared to nothing.
    assert new_failures(_failed("t.py::test_red"), SuiteRun("pass")) == (
        Failure("t.py::test_red", "test_red"),
    )
    assert new_failures(SuiteRun("fail"), before) is None
    assert new_failures(_failed("t.py::test_red"), SuiteRun("fail")) is None
    assert new_failures(SuiteRun("pass"), before) == ()


def test_counts_are_read_from_the_runners_closing_summary() -> None:
    assert read_counts("..F.\n1 failed, 3 passed in 0.12s\n") == RunCounts(ran=4, ok=3)
    banner = "===== 3 passed, 1 skipped, 2 deselected, 1 xfailed in 0.05s =====\n"
    assert read_counts(banner) == RunCounts(ran=4, ok=4)
    assert read_counts("ERROR t.py\n1 error in 0.3s\n") == RunCounts(ran=1, ok=0)
    assert read_counts("no tests ran in 0.01s\n") == RunCounts(ran=0, ok=0)
    unit = "Ran 5 tests in 0.001s\n\nFAILED (failures=1, errors=1, skipped=1)\n"
    assert read_counts(unit) == RunCounts(ran=4, ok=2)
    assert read_counts("Ran 3 tests in 0.1s\n\nOK (skipped=1)\n") == RunCounts(ran=2, ok=2)
    assert read_counts("ok  \texample.com/ages\t0.01s\n") is None
    # Compared only when the run without the fix gave a count.
    assert short_run(None, None) == ""
    assert short_run(RunCounts(4, 4), RunCounts(4, 3)) == ""
    assert (
        short_run(RunCounts(3, 3), RunCounts(4, 3)) == "only 3 passed where 4 ran without the fix"
    )


GO_VERBOSE = """=== RUN   TestA
--- PASS: TestA (0.00s)
=== RUN   TestB
    a_test.go:6: no
--- FAIL: TestB (0.00s)
=== RUN   TestC
    a_test.go:7: later
--- SKIP: TestC (0.00s)
=== RUN   TestD
=== RUN   TestD/sub
--- PASS: TestD (0.00s)
    --- PASS: TestD/sub (0.00s)
FAIL
FAIL\texample.com/ages\t0.005s
"""
GO_JSON = "\n".join(
    [
        '{"Time":"t","Action":"run","Package":"p","Test":"TestA"}',
        '{"Time":"t","Action":"output","Package":"p","Test":"TestA","Output":"--- PASS: TestA"}',
        '{"Time":"t","Action":"pass","Package":"p","Test":"TestA","Elapsed":0}',
        '{"Time":"t","Action":"fail","Package":"p","Test":"TestB","Elapsed":0}',
        '{"Time":"t","Action":"skip","Package":"p","Test":"TestC","Elapsed":0}',
        '{"Time":"t","Action":"fail","Package":"p","Elapsed":0.01}',
    ]
)


@pytest.mark.parametrize(
    ("output", "counts"),
    [
        (GO_VERBOSE, RunCounts(ran=4, ok=3)),
        (GO_JSON, RunCounts(ran=2, ok=1)),
        # Plain `go test` names only the failing tests: no count, not "1 ran".
        ("--- FAIL: TestB (0.00s)\nFAIL\nFAIL\texample.com/ages\t0.005s\n", None),
        ("DONE 12 tests, 2 skipped, 1 failure in 0.512s\n", RunCounts(ran=10, ok=9)),
        (
            "test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; "
            "finished in 0.07s\n\ntest result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; "
            "0 filtered out; finished in 0.01s\n",
            RunCounts(ran=5, ok=4),
        ),
        ("     Summary [   0.010s] 4 tests run: 3 passed, 1 failed, 2 skipped\n", RunCounts(4, 3)),
        (
            "Test Suites: 1 failed, 1 total\nTests:       1 failed, 1 skipped, 3 passed, 5 total\n"
            "Snapshots:   0 total\nTime:        0.5 s\n",
            RunCounts(ran=4, ok=3),
        ),
        (
            " Test Files  1 failed (1)\n      Tests  1 failed | 3 passed | 1 skipped (5)\n",
            RunCounts(ran=4, ok=3),
        ),
        ("\n  3 passing (12ms)\n  1 pending\n  1 failing\n\n  1) clamp\n", RunCounts(4, 3)),
        ("\n  2 passing (3ms)\n", RunCounts(ran=2, ok=2)),
        (
            "1..5\n# tests 6\n# suites 0\n# pass 3\n# fail 1\n# cancelled 0\n# skipped 1\n",
            RunCounts(ran=4, ok=3),
        ),
        ("ℹ tests 2\nℹ suites 0\nℹ pass 2\nℹ fail 0\n", RunCounts(ran=2, ok=2)),
        ("Finished in 0.1 seconds\n5 examples, 1 failure, 1 pending\n", RunCounts(4, 3)),
        ("OK (5 tests, 10 assertions)\n", RunCounts(ran=5, ok=5)),
        ("FAILURES!\nTests: 5, Assertions: 9, Failures: 1, Skipped: 1.\n", RunCounts(4, 3)),
        (
            "[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s - in A\n"
            "[ERROR] Tests run: 5, Failures: 1, Errors: 1, Skipped: 1\n"
            "[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\n",
            RunCounts(ran=6, ok=4),
        ),
        (
            "Failed!  - Failed:     1, Passed:     4, Skipped:     1, Total:     6, "
            "Duration: 9 ms\n",
            RunCounts(ran=5, ok=4),
        ),
        ("80% tests passed, 1 tests failed out of 5\n", RunCounts(ran=5, ok=4)),
        # A test's own output that says "passed" is no summary.
        ("checking: 3 passed the gate\n", None),
    ],
)
def test_counts_of_other_runners(output: str, counts: RunCounts | None) -> None:
    assert read_counts(output) == counts


def test_the_summary_printed_last_wins() -> None:
    both = "1 failed, 3 passed in 0.12s\n" + GO_VERBOSE
    assert read_counts(both) == RunCounts(ran=4, ok=3)
    assert read_counts(GO_VERBOSE + "\n2 passed in 0.01s\n") == RunCounts(ran=2, ok=2)


def test_cargo_and_tap_name_their_failing_tests() -> None:
    cargo = "test tests::keeps_small ... ok\ntest tests::caps_big ... FAILED\n"
    assert failing_tests(cargo) == (Failure("tests::caps_big", "caps_big"),)
    tap = (
        "ok 1 - small stays\n    not ok 1 - inner case\nnot ok 2 - big is capped\n"
        "not ok 3 - later # TODO\nnot ok 4 - gone # SKIP\n"
    )
    assert failing_tests(tap) == (
        Failure("inner case", "inner case"),
        Failure("big is capped", "big is capped"),
    )
