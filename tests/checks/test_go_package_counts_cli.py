"""Plain `go test ./...` (no `-v`) prints one `ok`/`FAIL` line per package and no test count.
The fix check's badge shows the count it does give, through the real `deep-review review
--allow-exec --check-fixes`: "tests pass (3 packages passed)", "tests fail (TestX; 1 of 3
packages failed)"; it showed no count at all. `go test -v` still gives the test count."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.checks.go_packages import PackageCounts, go_packages
from support.proof_repos import (
    CLAMP_GO_SOURCE,
    CLAMP_GO_TESTS,
    NO_GO,
    fix_checks,
    have_go,
    review_text,
    seat_config,
)
from support.repos import commit_all, git, write

# A run of three packages, one failing, one cached, one with no tests, in `go test`'s shape
# (tab-separated; a coverage note after the time; a build failure in place of the time).
PLAIN_RUN = (
    "--- FAIL: TestRoundsUp (0.00s)\n"
    "    price_test.go:9: 1.5 should round to 2\n"
    "FAIL\n"
    "FAIL\texample.org/till/price\t0.004s\n"
    "ok  \texample.org/till/cart\t0.012s\tcoverage: 81.2% of statements\n"
    "ok  \texample.org/till/tax\t(cached)\n"
    "?   \texample.org/till/cmd/till\t[no test files]\n"
    "FAIL\n"
)


def test_plain_go_test_output_counts_packages() -> None:
    assert go_packages(PLAIN_RUN) == PackageCounts(ran=3, failed=1)
    build = "# example.org/till/oops\noops/oops.go:3:1: syntax error\n"
    build += "FAIL\texample.org/till/oops [build failed]\nok  \texample.org/till/tax\t0.002s\n"
    assert go_packages(build) == PackageCounts(ran=2, failed=1)
    assert go_packages("3 passed in 0.12s\n") is None
    assert go_packages("ok\nFAIL\n") is None  # the closing words name no package


GOOD = """```diff
--- a/clamp/clamp.go
+++ b/clamp/clamp.go
@@ -4,3 +4,6 @@
 func Clamp(n int) int {
+\tif n > 100 {
+\t\treturn 100
+\t}
 \treturn n
 }
```"""
BREAKS = """```diff
--- a/clamp/clamp.go
+++ b/clamp/clamp.go
@@ -4,3 +4,6 @@
 func Clamp(n int) int {
+\tif n > 4 {
+\t\treturn 4
+\t}
 \treturn n
 }
```"""


def _green(name: str) -> dict[str, str]:
    return {
        f"{name}/{name}.go": f"package {name}\n\nfunc One() int {{ return 1 }}\n",
        f"{name}/{name}_test.go": (
            f'package {name}\n\nimport "testing"\n\n'
            'func TestOne(t *testing.T) {\n\tif One() != 1 {\n\t\tt.Fatal("one")\n\t}\n}\n'
        ),
    }


def _repo(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "README.md", "# Clamp\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    files = {"go.mod": "module example.com/clamp\n\ngo 1.19\n", "clamp/clamp.go": CLAMP_GO_SOURCE}
    files |= {"clamp/clamp_test.go": CLAMP_GO_TESTS, **_green("left"), **_green("right")}
    for name, text in files.items():
        write(repo, name, text)
    commit_all(repo, "Add clamp")
    return repo


@pytest.mark.slow  # real test runs, with and without each fix
@pytest.mark.skipif(not have_go(), reason=NO_GO)
def test_plain_go_test_badge_counts_packages(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    review = review_text([("Cap it", GOOD), ("Cap it lower", BREAKS)], "clamp/clamp.go:5")
    env = seat_config(tmp_path, review)
    checks, md = fix_checks(repo, env, "--test-cmd", "go test ./...")
    good, broken = checks["I1"], checks["I2"]
    assert (good["tests"], good["tests_ran"]) == ("pass", None)  # no test count was printed
    assert (good["packages_ran"], good["packages_failed"]) == (3, 0)
    assert "`fix: applies · tests pass (3 packages passed), and fail without the fix`" in md
    assert (broken["tests"], broken["failing_test"]) == ("fail", "TestSmallStays")
    assert (broken["packages_ran"], broken["packages_failed"]) == (3, 1)
    assert "`fix: applies · tests fail (TestSmallStays; 1 of 3 packages failed)`" in md
