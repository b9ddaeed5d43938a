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
