"""What the summaries and the Testing Assessment say about fix checks, through the real CLI.

A cheap test command (a unittest suite) so these stay in the fast loop.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from support.proof_repos import BAD_FIX, make_python_repo, review_text, seat_config
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
