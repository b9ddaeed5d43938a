"""A fix that changes how the tests are selected or run proves nothing by passing them, through
the real `deep-review review --allow-exec --check-fixes`: one that deselects the failing test in
`pytest.ini`, or rewrites the script the test command runs, is flagged as editing tests (amber),
never "tests pass, and fail without the fix" alone (the one green badge)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.proof_repos import fix_checks, make_python_repo, review_text, seat_config
from support.repos import commit_all, write

# The red suite's failing test switched off in the repository's pytest.ini: nothing is fixed.
DESELECT_FIX = """```diff
--- a/pytest.ini
+++ b/pytest.ini
@@ -1,2 +1,2 @@
 [pytest]
-addopts = -p no:cacheprovider
+addopts = -p no:cacheprovider --deselect test_ages.py::test_aaa_negative_is_refused
```"""
CHECK_SH = "python -c 'import ages; ages.is_adult(-1)' 2>/dev/null && exit 1 || exit 0\n"
# The script the test command runs made to succeed whatever the code does.
SCRIPT_FIX = """```diff
--- a/check.sh
+++ b/check.sh
@@ -1 +1 @@
-python -c 'import ages; ages.is_adult(-1)' 2>/dev/null && exit 1 || exit 0
+exit 0
```"""


@pytest.mark.slow
def test_a_fix_deselecting_the_failing_test_in_pytest_ini_is_flagged(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True, red=True)
    env = seat_config(tmp_path, review_text([("Negative ages", DESELECT_FIX)]))
    checks, md = fix_checks(repo, env, "--test-cmd", "python -m pytest -q")
    check = checks["I1"]
    assert check["tests"] == "pass" and check["baseline"] == "fail"
    assert check["edits_tests"] == ["pytest.ini"]
    # Deselected, the red test no longer runs: fewer tests pass than ran without the fix.
    assert check["short_run"] == "only 3 passed where 4 ran without the fix"
    assert (
        "`fix: applies · tests pass, but only 3 passed where 4 ran without the fix · "
        "edits pytest.ini`"
    ) in md
    assert "1 edits test files" in md


def test_a_fix_rewriting_the_script_the_test_command_runs_is_flagged(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    # check.sh passes only when negative ages are refused: red at the review SHA
    write(repo, "check.sh", CHECK_SH)
    commit_all(repo, "Add check.sh")
    env = seat_config(tmp_path, review_text([("Negative ages", SCRIPT_FIX)]))
    checks, md = fix_checks(repo, env, "--test-cmd", "sh check.sh")
    check = checks["I1"]
    assert check["tests"] == "pass" and check["baseline"] == "fail"
    assert check["edits_tests"] == ["check.sh"]
    assert "· edits check.sh`" in md


# The red test moved out of what pytest collects: a rename, which `git diff` reports under the
# new name alone (`attic/red.txt`, no test path) unless renames are split.
RED_TEST = (
    "from ages import is_adult\n\n\ndef test_negative_is_refused():\n"
    "    import pytest\n\n    with pytest.raises(ValueError):\n        is_adult(-1)\n"
)
RENAME_FIX = """```diff
diff --git a/test_red.py b/attic/red.txt
similarity index 100%
rename from test_red.py
rename to attic/red.txt
```"""


@pytest.mark.slow
def test_a_fix_renaming_the_failing_test_away_is_flagged(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    write(repo, "test_red.py", RED_TEST)
    commit_all(repo, "A test the change leaves red")
    env = seat_config(tmp_path, review_text([("Negative ages", RENAME_FIX)]))
    checks, md = fix_checks(repo, env, "--test-cmd", "python -m pytest -q")
    check = checks["I1"]
    assert check["tests"] == "pass" and check["baseline"] == "fail"
    assert check["edits_tests"] == ["test_red.py"]
    assert "· edits test_red.py`" in md
    assert "1 edits test files" in md
