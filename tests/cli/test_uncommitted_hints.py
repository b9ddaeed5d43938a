"""Edits not yet committed (trial46a #14): `review` with nothing committed to review points at
`--uncommitted`, and a branch review says which work-tree changes it leaves out."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import git, make_repo, write


def test_nothing_committed_but_edits_in_the_work_tree_points_at_uncommitted(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    res = Fakes(tmp_path).review(repo, "--agents", "static")
    assert res.returncode == 2
    assert "nothing to review" in res.stderr
    assert "the work tree has 1 uncommitted change (1 modified)" in res.stderr
    assert "deep-review review --uncommitted" in res.stderr


def test_a_clean_work_tree_gets_no_such_hint(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    res = Fakes(tmp_path).review(repo, "--agents", "static")
    assert res.returncode == 2 and "nothing to review" in res.stderr
    assert "--uncommitted" not in res.stderr


def test_a_branch_review_says_it_leaves_out_the_newer_edits(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # feature/x, with commits of its own
    fakes = Fakes(tmp_path)
    clean = fakes.review(repo, "--agents", "static")
    assert clean.returncode == 0, clean.stderr
    assert "uncommitted" not in clean.stderr

    write(repo, "calc.py", "def add(a, b):\n    return a + b  # not committed yet\n")
    write(repo, "new_module.py", "X = 1\n")
    res = fakes.review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr
    notes = [line for line in res.stderr.splitlines() if line.startswith("note:")]
    (note,) = [n for n in notes if "uncommitted" in n]
    assert "2 uncommitted changes (1 modified, 1 untracked)" in note
    assert "not part of this review" in note and "--uncommitted" in note


def test_one_edit_left_out_is_said_in_the_singular(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    write(repo, "calc.py", "def add(a, b):\n    return a + b  # not committed yet\n")
    res = Fakes(tmp_path).review(repo, "--agents", "static")
    assert res.returncode == 0, res.stderr
    (note,) = [n for n in res.stderr.splitlines() if n.startswith("note:") and "uncommitted" in n]
    assert "1 uncommitted change (1 modified) in the work tree is not part of this review" in note
