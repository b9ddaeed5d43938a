"""A pass that ran fewer tests than the run without the fix proves nothing, for runners other
than pytest too, through the real `deep-review review --allow-exec --check-fixes`: `go test -v`
and `node --test` print counts of their own (`--- PASS:` lines, `# pass 1`), and a "fix" that
skips the red test reads "tests pass, but only 1 passed where 2 ran without the fix" (it read
"tests pass, and fail without the fix", the one green badge, since no count was read)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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

pytestmark = pytest.mark.slow  # real test runs, with and without each fix

GO_GOOD = """```diff
--- a/clamp.go
+++ b/clamp.go
@@ -4,3 +4,6 @@
 func Clamp(n int) int {
+\tif n > 100 {
+\t\treturn 100
+\t}
 \treturn n
 }
```"""
GO_SKIP = """```diff
--- a/clamp_test.go
+++ b/clamp_test.go
@@ -11,2 +11,3 @@
 func TestBigIsCapped(t *testing.T) {
+\tt.Skip("later")
 \tif Clamp(150) != 100 {
```"""

JS_SOURCE = "function clamp(n) {\n  return n;\n}\n\nmodule.exports = { clamp };\n"
JS_TESTS = """const test = require('node:test');
const assert = require('node:assert');
const { clamp } = require('./clamp.js');

test('small stays', () => {
  assert.strictEqual(clamp(5), 5);
});

test('big is capped', () => {
  assert.strictEqual(clamp(150), 100);
});
"""
JS_GOOD = """```diff
--- a/clamp.js
+++ b/clamp.js
@@ -1,3 +1,3 @@
 function clamp(n) {
-  return n;
+  return Math.min(n, 100);
 }
```"""
JS_SKIP = """```diff
--- a/clamp.test.js
+++ b/clamp.test.js
@@ -9,3 +9,3 @@
-test('big is capped', () => {
+test('big is capped', { skip: 'later' }, () => {
   assert.strictEqual(clamp(150), 100);
 });
```"""

SHORT = "`fix: applies · tests pass, but only 1 passed where 2 ran without the fix · edits {}`"
GREEN = "`fix: applies · tests pass (2 ran), and fail without the fix`"


def _repo(root: Path, files: dict[str, str]) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "README.md", "# Clamp\n")
    commit_all(repo, "Initial commit")
    git(repo, "checkout", "-q", "-b", "feature")
    for name, text in files.items():
        write(repo, name, text)
    commit_all(repo, "Add clamp")
    return repo


def _checks(tmp: Path, files: dict[str, str], where: str, good: str, skip: str, cmd: str):  # type: ignore[no-untyped-def]
    repo = _repo(tmp, files)
    env = seat_config(tmp, review_text([("Cap it", good), ("Skip the red test", skip)], where))
    return fix_checks(repo, env, "--test-cmd", cmd)


@pytest.mark.skipif(not have_go(), reason=NO_GO)
def test_go_test_v_counts_the_tests_a_fix_skips(tmp_path: Path) -> None:
    files = {"go.mod": "module example.com/clamp\n\ngo 1.19\n", "clamp.go": CLAMP_GO_SOURCE}
    files["clamp_test.go"] = CLAMP_GO_TESTS
    checks, md = _checks(tmp_path, files, "clamp.go:5", GO_GOOD, GO_SKIP, "go test -v ./...")
    good, skip = checks["I1"], checks["I2"]
    assert good["tests"] == skip["tests"] == "pass"
    assert good["short_run"] == ""
    assert skip["short_run"] == "only 1 passed where 2 ran without the fix"
    assert md.count(GREEN) == 1
    assert SHORT.format("clamp_test.go") in md


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_test_counts_the_tests_a_fix_skips(tmp_path: Path) -> None:
    files = {"clamp.js": JS_SOURCE, "clamp.test.js": JS_TESTS}
    checks, md = _checks(tmp_path, files, "clamp.js:2", JS_GOOD, JS_SKIP, "node --test")
    good, skip = checks["I1"], checks["I2"]
    assert good["tests"] == skip["tests"] == "pass"
    assert good["short_run"] == ""
    assert skip["short_run"] == "only 1 passed where 2 ran without the fix"
    assert md.count(GREEN) == 1
    assert SHORT.format("clamp.test.js") in md


JS_BREAK = """```diff
--- a/clamp.js
+++ b/clamp.js
@@ -1,3 +1,3 @@
 function clamp(n) {
-  return n;
+  return Math.min(n, 4);
 }
```"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_test_names_the_test_a_fix_breaks(tmp_path: Path) -> None:
    """TAP's `not ok 1 - small stays` names the failing test, as pytest's `FAILED` line does:
    the fix that breaks a green test is blamed for it (it read "tests fail, as they did without
    the fix, naming no test to compare")."""
    files = {"clamp.js": JS_SOURCE, "clamp.test.js": JS_TESTS}
    checks, md = _checks(tmp_path, files, "clamp.js:2", JS_GOOD, JS_BREAK, "node --test")
    broken = checks["I2"]
    assert broken["tests"] == "fail"
    assert broken["failing_test"] == "small stays"
    assert broken["new_failures"] == ["small stays"]
    assert "`fix: applies · tests fail (small stays)`" in md
