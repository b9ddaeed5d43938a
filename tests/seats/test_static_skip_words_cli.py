"""The static seat says why an analyzer did not run. For a change that renames a Python file
(or only changes its mode, or only removes lines) it said "ruff not run: no changed Python
files" and "detect-secrets not run: no changed text files" beside the renamed `mathops.py`
in its own Coverage Summary: the files changed; none of them has a line added, which is
all the seat analyzes."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.repos import cli_env, git, make_repo, run_cli


def _rename(repo: Path) -> None:
    git(repo, "mv", "calc.py", "mathops.py")


def _mode(repo: Path) -> None:
    (repo / "calc.py").chmod(0o755)


def _cut(repo: Path) -> None:
    (repo / "calc.py").write_text("def add(a, b):\n", encoding="utf-8")


@pytest.mark.parametrize("change", [_rename, _mode, _cut])
def test_a_change_with_no_added_line_says_so(tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "odd")
    change(repo)
    git(repo, "commit", "-q", "-am", "odd change")
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr[-2000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    notes = [ln for ln in md.splitlines() if " not run: " in ln]
    assert notes, md
    assert not [ln for ln in notes if "no changed" in ln], notes
    assert "- ruff not run: no Python file with added lines." in notes, notes
    assert "- detect-secrets not run: no text file with added lines." in notes, notes
