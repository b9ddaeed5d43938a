"""What a fix badge proves, through the real `deep-review review --allow-exec --check-fixes`.

A fix is blamed for every test that fails with it and passed without it; a pass the tests gave
without the fix too proves nothing about it; a fix that edits test files says so; a fix diff
aimed at `.git` or through a file is refused, not a crash; a suite that times out without any
fix runs no fix; a test writing into the user's checkout is reported. Cheap test commands keep
these in the fast loop where pytest itself is not the point.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from support.proof_repos import (
    BAD_FIX,
    GOOD_FIX,
    STALE_FIX,
    TEST_EDIT_FIX,
    make_python_repo,
    review_text,
    seat_config,
)
from support.repos import git, run_cli

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec"]
PYTEST = "python -m pytest -q"
# Runs one assertion, no test framework: it passes with and without a correct fix.
IMPORT_CHECK = "python -c 'import ages; assert ages.is_adult(18)'"


def _review(repo: Path, env: dict[str, str], *args: str) -> dict:  # type: ignore[type-arg]
    res = run_cli([*REVIEW, *args], cwd=repo, env=env, timeout=240)
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return {
        "md": Path(out["paths"]["md"]).read_text(encoding="utf-8"),
        "html": Path(out["paths"]["html"]).read_text(encoding="utf-8"),
        "checks": {f["id"]: f["fix_check"] for f in report["findings"]},
        "report": report,
        "cli": out,
    }


def _badge(md: str, fid: str) -> str:
    block = md.split(f"\n{fid}. ")[1].split("\n---\n")[0]
    return block.rstrip().rsplit("\n", 1)[-1]


@pytest.mark.slow
def test_a_fix_is_blamed_for_each_test_it_breaks_though_another_failed_before(
    tmp_path: Path,
) -> None:
    # The review SHA fails test_aaa_negative_is_refused. BAD_FIX also breaks
    # test_eighteen_is_adult: comparing only the first failing test excused it.
    repo = make_python_repo(tmp_path, strong=True, red=True)
    fixes = [("Negative ages", GOOD_FIX), ("Use 21", BAD_FIX), ("Use 21 and say so", TEST_EDIT_FIX)]
    out = _review(
        repo, seat_config(tmp_path, review_text(fixes)), "--check-fixes", "--test-cmd", PYTEST
    )
    md, checks = out["md"], out["checks"]

    # BAD_FIX's header says line 7: placed on its context, the badge says where it landed.
    assert _badge(md, "I2") == (
        "`fix: applies (re-anchored at ages.py:3) · tests fail (test_eighteen_is_adult)`"
    )
    assert checks["I2"]["fails_without_fix"] is False
    assert checks["I2"]["new_failures"] == ["test_ages.py::test_eighteen_is_adult"]
    # Turning the red suite green is what a fix check can prove.
    # With how many tests passed: pytest says it (4 here, 1 of them red without the fix).
    assert _badge(md, "I1") == "`fix: applies · tests pass (4 ran), and fail without the fix`"
    # Still failing only the test that failed before, but by editing the test it breaks.
    # PY_RED_TEST moved the test TEST_EDIT_FIX edits down: placed on its context.
    assert _badge(md, "I3") == (
        "`fix: applies (re-anchored at test_ages.py:11) · tests fail"
        " (test_aaa_negative_is_refused), failing before the fix too · edits test_ages.py`"
    )
    assert checks["I3"]["edits_tests"] == ["test_ages.py"]
    testing = md.split("## Testing Assessment")[1]
    assert (
        "- 3 fixes: 3 apply, 1 makes the tests pass, 1 breaks `test_eighteen_is_adult`, "
        "1 with tests already failing before the fix, 1 edits test files." in testing
    )
    assert "`I3: fix: applies (re-anchored at test_ages.py:11) · tests fail (test_aaa_" in testing


def test_a_pass_the_tests_gave_without_the_fix_is_not_proof(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    fixes = [("Negative ages", GOOD_FIX), ("Use 21 and say so", TEST_EDIT_FIX)]
    env = seat_config(tmp_path, review_text(fixes))
    out = _review(repo, env, "--check-fixes", "--test-cmd", IMPORT_CHECK)
    md = out["md"]
    as_before = "tests pass, as they did without the fix: no test tells it apart"
    assert _badge(md, "I1") == f"`fix: applies · {as_before}`"
    assert out["checks"]["I1"]["baseline"] == "pass"
    assert _badge(md, "I2") == "`fix: applies · tests fail · edits test_ages.py`"
    summary = (
        "2 fixes: 2 apply, 1 passes tests (as they did without any fix), 1 breaks a test, "
        "1 edits test files"
    )
    assert out["cli"]["checks"]["fixes"] == summary
    # Neither reads as verified in the page: no green tag.
    body = out["html"].split("</style>")[1]
    assert 'fixcheck-weak" title="measured: the fix was applied and the tests run">fix: ' in body
    assert f"fix: applies · {as_before}</span>" in body
    assert "fixcheck-ok" not in body


def test_a_fix_aimed_at_git_or_through_a_file_does_not_apply(tmp_path: Path) -> None:
    hook = "```diff\n--- /dev/null\n+++ b/.git/hooks/pre-commit\n@@ -0,0 +1 @@\n+echo hi\n```"
    nested = "```diff\n--- /dev/null\n+++ b/ages.py/extra.py\n@@ -0,0 +1 @@\n+X = 1\n```"
    upper = "```diff\n--- /dev/null\n+++ b/sub/.GIT/config\n@@ -0,0 +1 @@\n+[core]\n```"
    escape = "```diff\n--- /dev/null\n+++ b/../../escape.py\n@@ -0,0 +1 @@\n+X = 1\n```"
    repo = make_python_repo(tmp_path, strong=True)
    fixes = [("Hook", hook), ("Nested", nested), ("Upper", upper), ("Escape", escape)]
    out = _review(
        repo, seat_config(tmp_path, review_text(fixes)), "--check-fixes", "--test-cmd", IMPORT_CHECK
    )
    md = out["md"]
    assert _badge(md, "I1") == "`fix: does not apply (.git/hooks/pre-commit is inside .git)`"
    assert _badge(md, "I2") == (
        "`fix: does not apply (ages.py is a file, not a folder, in the way of ages.py/extra.py)`"
    )
    assert _badge(md, "I3") == "`fix: does not apply (sub/.GIT/config is inside .git)`"
    assert _badge(md, "I4") == "`fix: does not apply (../../escape.py is outside the repository)`"
    assert not (repo / ".git" / "hooks" / "pre-commit").exists()
    assert not (tmp_path / "escape.py").exists()
    assert git(repo, "status", "--porcelain") == ""


def test_a_suite_that_times_out_without_a_fix_runs_no_fix(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    runs = tmp_path / "runs.txt"
    count = f'open({json.dumps(str(runs))}, "a").write("run\\n")'
    hang = f"python -c '{count}; import time; time.sleep(60)'"
    # 3 s, not 1: the baseline's Python must start and count its run before the timeout
    # stops it (~0.3 s alone on a loaded machine); else runs.txt is never written.
    env = seat_config(
        tmp_path,
        review_text([("Negative ages", GOOD_FIX), ("Use 21", BAD_FIX), ("Old", STALE_FIX)]),
        "[checks]\ntimeout = 3\n",
    )
    out = _review(repo, env, "--check-fixes", "--test-cmd", hang)
    md = out["md"]
    why = "the tests time out without any fix"
    assert _badge(md, "I1") == f"`fix: applies · tests not run ({why})`"
    assert out["checks"]["I1"]["tests"] == "not run"
    assert "fix: does not apply (context not found" in _badge(md, "I3")
    assert out["cli"]["checks"]["fixes"] == f"3 fixes: 2 apply, 0 pass tests, 2 not run ({why})"
    assert runs.read_text() == "run\n"  # the baseline alone


def test_failures_that_name_no_test_excuse_no_fix(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]))
    out = _review(repo, env, "--check-fixes", "--test-cmd", "sh -c 'exit 1'")
    assert out["checks"]["I1"]["fails_without_fix"] is False
    assert _badge(out["md"], "I1") == (
        "`fix: applies · tests fail, as they did without the fix, naming no test to compare`"
    )
    assert out["cli"]["checks"]["fixes"] == (
        "1 fix: 1 applies, 0 pass tests, 1 fails as the tests did without any fix "
        "(no test named to compare)"
    )


def test_a_test_writing_into_the_checkout_is_reported(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    marker = repo / "ESCAPED_INTO_CHECKOUT"
    cmd = f'{sys.executable} -c \'open({json.dumps(str(marker))}, "w").write("x")\''
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]))
    out = _review(repo, env, "--check-fixes", "--test-cmd", cmd)
    note = (
        "Your checkout changed while the tests ran (1 path: ?? ESCAPED_INTO_CHECKOUT): a test "
        "may have written outside its scratch worktree."
    )
    assert note in out["report"]["notes"]
    assert note in out["md"]


def test_test_cmd_without_a_check_is_refused(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    env = seat_config(tmp_path, review_text([]))
    res = run_cli([*REVIEW, "--test-cmd", PYTEST], cwd=repo, env=env)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines()[-1] == (
        "deep-review: error: --test-cmd is run only by --check-fixes or --probe-tests; "
        "add one of them or drop --test-cmd"
    )
    # One seat alone runs no checks at all: that is what it says.
    out = tmp_path / "seat-out"
    args = ["review", "--seat-only", "bot", "--out", str(out), "--test-cmd", PYTEST]
    res = run_cli(args, cwd=repo, env=env)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines()[-1] == (
        "deep-review: error: --seat-only runs no checks; drop --test-cmd"
    )
