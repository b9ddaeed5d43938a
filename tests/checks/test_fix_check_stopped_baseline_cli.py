"""A fix is not blamed for a test the run without it never got to, through the real `deep-review
review --allow-exec --check-fixes`: with `pytest -x` (or a collection error) the tests stop at
their first failure, so a later test failing with the fix may have failed without it too —
nothing tells, and the badge says so instead of "tests fail (test_zzz)" and "1 breaks"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.proof_repos import GOOD_FIX, make_python_repo, review_text, seat_config
from support.repos import commit_all, run_cli, write

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec", "--check-fixes"]
# Red at the review SHA and unrelated to the fix: after test_ages.py, so `-x` never reaches it.
LATER_RED = "def test_zzz_unrelated():\n    assert False, 'broken before any fix'\n"


def _review(repo: Path, env: dict[str, str], test_cmd: str) -> tuple[dict, str]:  # type: ignore[type-arg]
    res = run_cli([*REVIEW, "--test-cmd", test_cmd], cwd=repo, env=env, timeout=240)
    assert res.returncode == 0, res.stderr
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return report["findings"][0]["fix_check"], Path(out["paths"]["md"]).read_text("utf-8")


@pytest.mark.slow
def test_a_test_the_stopped_run_never_reached_is_not_blamed_on_the_fix(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True, red=True)
    write(repo, "test_zzz.py", LATER_RED)
    commit_all(repo, "A test that was red already")
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]))
    check, md = _review(repo, env, "python -m pytest -q -x")
    assert check["tests"] == "fail" and check["baseline"] == "fail"
    assert check["failing_test"] == "test_zzz_unrelated"
    assert check["new_failures"] == []
    assert check["baseline_stopped"] is True
    assert (
        "`fix: applies · tests fail (test_zzz_unrelated), as they did without the fix, which "
        "stopped at its first failures: nothing to compare`"
    ) in md
    assert "breaks" not in md.split("## Testing Assessment")[1].split("\n## ")[0]


@pytest.mark.slow
def test_without_x_the_same_fix_is_excused_by_name(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True, red=True)
    write(repo, "test_zzz.py", LATER_RED)
    commit_all(repo, "A test that was red already")
    env = seat_config(tmp_path, review_text([("Negative ages", GOOD_FIX)]))
    check, _ = _review(repo, env, "python -m pytest -q")
    assert check["fails_without_fix"] is True
    assert check["baseline_stopped"] is False
