"""What the summaries and the Testing Assessment say about fix checks, through the real CLI.

Cheap test commands (`sh -c 'exit 1'`, a unittest suite) so these stay in the fast loop.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from support.proof_repos import BAD_FIX, GOOD_FIX, make_python_repo, review_text, seat_config
from support.repos import commit_all, run_cli, write

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec"]
UNIT_TESTS = """import unittest

from ages import is_adult


class AgesTest(unittest.TestCase):
    def test_grown_up(self):
        self.assertTrue(is_adult(40))

    def test_eighteen(self):
        self.assertTrue(is_adult(18))
"""


def _review(repo: Path, env: dict[str, str], *args: str) -> tuple[dict, str, str]:  # type: ignore[type-arg]
    res = run_cli([*REVIEW, *args], cwd=repo, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    out = res.json()
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    return out, md, html


def test_a_suite_failing_before_any_fix_naming_no_test_excuses_none(tmp_path: Path) -> None:
    # The command fails with and without each fix, and names no test: whether a fix broke
    # another test cannot be told, so the failure before it excuses nothing (nor blames it).
    repo = make_python_repo(tmp_path, strong=True)
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX), ("Use 21", BAD_FIX)]))
    out, md, html = _review(
        repo, env, "--check-fixes", "--probe-tests", "--test-cmd", "sh -c 'exit 1'"
    )
    summary = (
        "2 fixes: 2 apply, 0 pass tests, "
        "2 fail as the tests did without any fix (no test named to compare)"
    )
    assert out["checks"]["fixes"] == summary
    testing = md.split("## Testing Assessment")[1]
    assert f"- {summary}." in testing
    assert "break" not in testing
    assert "already failing" not in testing
    # The command as it can be pasted back into a shell.
    assert "**Measured** with `sh -c 'exit 1'` (without any change: tests fail" in testing
    assert "<code>sh -c &#39;exit 1&#39;</code>" in html
    # Each listed badge says whose fix it is.
    badge = "tests fail, as they did without the fix, naming no test to compare"
    assert f"  - `I1: fix: applies · {badge}`" in testing
    i2 = f"I2: fix: applies (re-anchored at ages.py:3) · {badge}"
    assert f"  - `{i2}`" in testing
    assert f"{i2}</span>" in html
    # Why no mutation ran is said once, not again as a note.
    assert testing.count("the tests do not pass without any mutation") == 1
    assert "Note:" not in testing
    assert html.count("the tests do not pass without any mutation") == 1


def test_unittest_failures_are_named_by_their_test(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True)
    write(repo, "test_ages.py", UNIT_TESTS)
    commit_all(repo, "unittest suite")
    env = seat_config(tmp_path, review_text([("Use 21", BAD_FIX)]))
    cmd = f"{sys.executable} -m unittest -q"
    out, md, _ = _review(repo, env, "--check-fixes", "--test-cmd", cmd)
    assert out["checks"]["fixes"] == "1 fix: 1 applies, 0 pass tests, 1 breaks `test_eighteen`"
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    assert report["findings"][0]["fix_check"]["failing_test"] == "test_eighteen"
    assert "(failures=1)`" not in md
    assert "`I1: fix: applies (re-anchored at ages.py:3) · tests fail (test_eighteen)`" in md
