"""Coloured test output (`pytest --color=yes`, or `PY_COLORS=1` / `FORCE_COLOR` as CI sets them)
is read as plain output, through the real `deep-review review --allow-exec --check-fixes`: the
failing tests are still named and compared one by one, and the report's test output carries no
terminal escape sequence (raw `[31m` in the HTML page, codes a `cat` of it would run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.proof_repos import BAD_FIX, make_python_repo, review_text, seat_config
from support.repos import run_cli

REVIEW = ["review", "--agents", "bot", "--lead", "none", "--json", "--allow-exec", "--check-fixes"]


@pytest.mark.slow
def test_coloured_pytest_output_still_names_the_failing_tests(tmp_path: Path) -> None:
    repo = make_python_repo(tmp_path, strong=True, red=True)
    env = seat_config(tmp_path, review_text([("Use 21", BAD_FIX)]))
    cmd = "python -m pytest -q --color=yes"
    res = run_cli([*REVIEW, "--test-cmd", cmd], cwd=repo, env=env, timeout=240)
    assert res.returncode == 0, res.stderr
    paths = res.json()["paths"]
    report = json.loads(Path(paths["json"]).read_text(encoding="utf-8"))
    check = report["findings"][0]["fix_check"]
    assert check["failing_test"] == "test_eighteen_is_adult"
    assert check["new_failures"] == ["test_ages.py::test_eighteen_is_adult"]
    assert "\x1b" not in check["output_tail"]
    for kind in ("md", "html"):
        assert "\x1b" not in Path(paths[kind]).read_text(encoding="utf-8"), kind
