"""Tiny Python and Go repositories for fix checks and mutation probes, plus a review seat.

Each repo's branch `feature` adds an `is_adult` check (the boundary line is `age >= 18`) with
either weak tests (they never try 17 or 18, so a `>=` -> `>` mutant survives) or strong ones.
The seat is a `command` seat that prints a fixed review whose findings carry fix diffs.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from support.repos import cli_env, commit_all, git, run_cli, write

PY_SOURCE = 'def is_adult(age):\n    """Whether `age` is 18 or more."""\n    return age >= 18\n'
PY_WEAK_TESTS = """from ages import is_adult


def test_grown_up():
    assert is_adult(40)


def test_child():
    assert not is_adult(5)
"""
PY_STRONG_TESTS = """from ages import is_adult


def test_eighteen_is_adult():
    assert is_adult(18)


def test_seventeen_is_not():
    assert not is_adult(17)


def test_answers_a_bool():
    assert is_adult(40) is True
"""
# A test the change leaves red: it wants negative ages refused, which GOOD_FIX adds. First in
# the file, so pytest names it first among the failing tests.
PY_RED_TEST = """

def test_aaa_negative_is_refused():
    import pytest

    with pytest.raises(ValueError):
        is_adult(-1)
"""
# The boundary line of PY_SOURCE / GO_SOURCE (1-based).
PY_BOUNDARY_LINE = 3

GO_SOURCE = """package ages

// IsAdult reports whether age is 18 or more.
func IsAdult(age int) bool {
\treturn age >= 18
}
"""
GO_BOUNDARY_LINE = 5
GO_WEAK_TESTS = """package ages

import "testing"

func TestGrownUp(t *testing.T) {
\tif !IsAdult(40) {
\t\tt.Fatal("40 should be adult")
\t}
}
"""
GO_STRONG_TESTS = """package ages

import "testing"

func TestBoundary(t *testing.T) {
\tif !IsAdult(18) {
\t\tt.Fatal("18 should be adult")
\t}
\tif IsAdult(17) {
\t\tt.Fatal("17 should not be adult")
\t}
}
"""

GOOD_FIX = """```diff
--- a/ages.py
+++ b/ages.py
@@ -1,3 +1,5 @@
 def is_adult(age):
     \"\"\"Whether `age` is 18 or more.\"\"\"
+    if age < 0:
+        raise ValueError("age must not be negative")
     return age >= 18
```"""
# Line numbers and counts are wrong on purpose: it must be re-anchored on its context.
BAD_FIX = """```diff
@@ -7,9 +7,9 @@
 def is_adult(age):
     \"\"\"Whether `age` is 18 or more.\"\"\"
-    return age >= 18
+    return age >= 21
```"""
STALE_FIX = """```diff
--- a/ages.py
+++ b/ages.py
@@ -3,1 +3,1 @@
-    return age > 17
+    return age >= 18
```"""
# Makes its own test agree with it: the fix edits the test file.
TEST_EDIT_FIX = """```diff
--- a/ages.py
+++ b/ages.py
@@ -3 +3 @@
-    return age >= 18
+    return age >= 21
--- a/test_ages.py
+++ b/test_ages.py
@@ -4,2 +4,2 @@
 def test_eighteen_is_adult():
-    assert is_adult(18)
+    assert is_adult(21)
```"""
HANGING_FIX = """```diff
--- a/ages.py
+++ b/ages.py
@@ -2,2 +2,4 @@
     \"\"\"Whether `age` is 18 or more.\"\"\"
+    while age > 0:
+        pass
     return age >= 18
```"""


def make_python_repo(root: Path, *, strong: bool, name: str = "pyrepo", red: bool = False) -> Path:
    """`red`: the strong tests with PY_RED_TEST first, failing at the review SHA."""
    repo = root / name
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    write(repo, "README.md", "# Ages\n")
    write(repo, "pytest.ini", "[pytest]\naddopts = -p no:cacheprovider\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "ages.py", PY_SOURCE)
    tests = PY_STRONG_TESTS if strong else PY_WEAK_TESTS
    if red:
        head, rest = tests.split("\n", 1)
        tests = head + PY_RED_TEST + rest
    write(repo, "test_ages.py", tests)
    commit_all(repo, "Add is_adult")
    return repo


def make_go_repo(root: Path, *, strong: bool, name: str = "gorepo") -> Path:
    repo = root / name
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    write(repo, "go.mod", "module example.com/ages\n\ngo 1.19\n")
    write(repo, "doc.go", "// Package ages answers questions about ages.\npackage ages\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    write(repo, "ages.go", GO_SOURCE)
    write(repo, "ages_test.go", GO_STRONG_TESTS if strong else GO_WEAK_TESTS)
    commit_all(repo, "Add IsAdult")
    return repo


def review_text(
    fixes: list[tuple[str, str]] | list[tuple[str, str, str]],
    where: str = f"ages.py:{PY_BOUNDARY_LINE}",
) -> str:
    """A seat's review with one Important finding per (title, fix) at `where`, or per
    (title, fix, its own location)."""
    parts = [
        "## Executive Summary\n\nThe change adds an age check.\n\n## Critical Issues\n\nNone.\n"
    ]
    parts.append("\n## Important Issues\n")
    for n, (title, fix, *at) in enumerate(fixes, start=1):
        parts.append(
            f"\n{n}. **{title}** — `{at[0] if at else where}` (important, gap)\n\n"
            f"The check at the boundary deserves a look.\n\nFix:\n\n{fix}\n"
        )
    parts.append("\n## Suggestions\n\nNone.\n")
    return "".join(parts)


def seat_config(tmp: Path, review: str, extra: str = "") -> dict[str, str]:
    """A user config with one trusted `command` seat `bot` printing `review`; the CLI env."""
    review_file = tmp / "bot-review.md"
    review_file.write_text(review, encoding="utf-8")
    argv = [
        sys.executable,
        "-c",
        f"import sys; sys.stdin.read(); print(open({str(review_file)!r}).read())",
    ]
    (tmp / "user-config.toml").write_text(
        f"{extra}\n[seats.bot]\nargv = {json.dumps(argv)}\n", encoding="utf-8"
    )
    env = cli_env(tmp)
    # `python -m pytest` in the test command must find this interpreter's pytest.
    env["PATH"] = str(Path(sys.executable).parent) + ":" + env["PATH"]
    return env


def have_go() -> bool:
    return shutil.which("go") is not None


NO_GO = "the Go toolchain is not installed (scripts/test.sh installs golang-go with apt when root)"


CHECK_FIXES = [
    "review",
    "--agents",
    "bot",
    "--lead",
    "none",
    "--json",
    "--allow-exec",
    "--check-fixes",
]


def fix_checks(repo: Path, env: dict[str, str], *args: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    """`review --check-fixes` of `repo` with `seat_config`'s `bot`: each finding's fix check by
    its ID, and the Markdown report."""
    res = run_cli([*CHECK_FIXES, *args], cwd=repo, env=env, timeout=240)
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    return {f["id"]: f["fix_check"] for f in report["findings"]}, md


# A Go package whose clamp caps nothing yet, and its two tests (one red until fixed): the
# fix-check runner tests over plain and verbose `go test`.
CLAMP_GO_SOURCE = (
    "package clamp\n\n// Clamp caps n at 100.\nfunc Clamp(n int) int {\n\treturn n\n}\n"
)
CLAMP_GO_TESTS = """package clamp

import "testing"

func TestSmallStays(t *testing.T) {
\tif Clamp(5) != 5 {
\t\tt.Fatal("5 should stay 5")
\t}
}

func TestBigIsCapped(t *testing.T) {
\tif Clamp(150) != 100 {
\t\tt.Fatal("150 should be 100")
\t}
}
"""
