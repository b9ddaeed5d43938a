"""A local branch named like a PR number (`123`, trial46a #10): `review 123` takes the PR, and
with no GitHub repository to ask, its error names the local branch and the range for it."""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import Fakes
from support.repos import git, make_repo


def test_the_error_names_the_local_branch_of_that_number(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "branch", "123", "feature/x")
    git(repo, "checkout", "-q", "123")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "123", "--agents", "static")
    assert res.returncode == 2
    line = res.stderr.strip()
    assert "GitHub" in line  # why the PR cannot be read, as before
    assert "'123' is also a local branch" in line, line
    assert "deep-review review main..123" in line

    advised = fakes.review(repo, "main..123", "--agents", "static")
    assert advised.returncode == 0, advised.stderr


def test_no_word_of_a_branch_when_there_is_none(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    res = Fakes(tmp_path).review(repo, "123", "--agents", "static")
    assert res.returncode == 2
    assert "local branch" not in res.stderr
