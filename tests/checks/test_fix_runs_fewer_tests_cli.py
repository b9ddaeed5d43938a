"""A pass that ran fewer tests than the run without the fix proves nothing about the fix, through
the real `deep-review review --allow-exec --check-fixes`: a "fix" that skips the failing test
from the code (`pytest.skip`), or ends the test process with exit 0 before any test runs, is not
"tests pass, and fail without the fix" (the one green badge); its badge says what ran."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.proof_repos import GOOD_FIX, fix_checks, make_python_repo, review_text, seat_config


def _fix(line: str) -> str:
    """A fix diff adding `line` at the top of `is_adult` (the red test calls it first)."""
    return f"""```diff
--- a/ages.py
+++ b/ages.py
@@ -1,3 +1,4 @@
 def is_adult(age):
     \"\"\"Whether `age` is 18 or more.\"\"\"
+    {line}
     return age >= 18
```"""


# The red test is skipped, not fixed: `3 passed, 1 skipped` where `1 failed, 3 passed` ran.
SKIP_FIX = _fix('if age < 0: __import__("pytest").skip("later")')
# pytest stops while collecting, before any test runs, with exit 0 and no summary.
EXIT_FIX = _fix('__import__("os")._exit(0)')


def _review(tmp: Path, fixes: list[tuple[str, str]]) -> tuple[dict, str]:  # type: ignore[type-arg]
    repo = make_python_repo(tmp, strong=True, red=True)
    env = seat_config(tmp, review_text(fixes))
    return fix_checks(repo, env, "--test-cmd", "python -m pytest -q")


@pytest.mark.slow
def test_a_fix_that_skips_or_stops_the_tests_is_not_proof(tmp_path: Path) -> None:
    checks, md = _review(
        tmp_path, [("Skip it", SKIP_FIX), ("Exit early", EXIT_FIX), ("Refuse negatives", GOOD_FIX)]
    )
    skip, stop, good = checks["I1"], checks["I2"], checks["I3"]
    assert skip["tests"] == stop["tests"] == good["tests"] == "pass"
    assert "`fix: applies · tests pass, but only 3 passed where 4 ran without the fix`" in md
    assert (
        "`fix: applies · tests pass, but print no test count, where 4 tests ran without the fix`"
        in md
    )
    # The real fix still speaks for itself.
    assert good["short_run"] == ""
    assert md.count("`fix: applies · tests pass (4 ran), and fail without the fix`") == 1
    assert "3 fixes: 3 apply, 1 makes the tests pass, 2 pass with fewer tests" in md
    assert "I1: fix: applies · tests pass, but only 3 passed" in md
