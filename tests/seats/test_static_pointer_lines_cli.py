"""The static seat's summary counts the lines a change adds to files. A submodule bump's
`Subproject commit …` line and a symbolic link's target are no lines of a file: the summary
said "1 changed file(s), 1 added line(s)" beside `Not analyzed (submodule)` and "no changed
text files", a count a maintainer reads as one line of code nobody checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli

SHA_A = "1" * 40
SHA_B = "2" * 40


def _static_summary(tmp: Path, repo: Path) -> str:
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json"], cwd=repo, env=cli_env(tmp)
    )
    assert res.returncode == 0, res.stderr[-2000:]
    md = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    line = next(ln for ln in md.splitlines() if ln.startswith("Static analysis (no model)"))
    return line


def _pointer_change(repo: Path, kind: str) -> None:
    """`main` gets the pointer, the checked-out `feature/x` moves it."""
    git(repo, "checkout", "-q", "main")
    if kind == "submodule":
        git(repo, "update-index", "--add", "--cacheinfo", f"160000,{SHA_A},vendor/lib")
        git(repo, "commit", "-q", "-m", "Add vendor/lib")
        git(repo, "checkout", "-q", "-b", "bump")
        git(repo, "update-index", "--cacheinfo", f"160000,{SHA_B},vendor/lib")
        git(repo, "commit", "-q", "-m", "Bump vendor/lib")
    else:
        os.symlink("calc.py", repo / "link.py")
        commit_all(repo, "Add link.py")
        git(repo, "checkout", "-q", "-b", "bump")
        (repo / "link.py").unlink()
        os.symlink("README.md", repo / "link.py")
        commit_all(repo, "Point link.py at the README")


@pytest.mark.parametrize("kind", ["submodule", "symlink"])
def test_a_pointer_change_adds_no_lines(tmp_path: Path, kind: str) -> None:
    repo = make_repo(tmp_path)
    _pointer_change(repo, kind)
    summary = _static_summary(tmp_path, repo)
    assert "1 changed file(s), 0 added line(s)" in summary, summary


def test_a_text_file_beside_the_bump_still_counts(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _pointer_change(repo, "submodule")
    (repo / "notes.txt").write_text("one\ntwo\n", encoding="utf-8")
    commit_all(repo, "Add notes")
    summary = _static_summary(tmp_path, repo)
    assert "2 changed file(s), 2 added line(s)" in summary, summary
