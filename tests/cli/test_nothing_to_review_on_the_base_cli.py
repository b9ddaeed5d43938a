"""`deep-review review` on the base branch itself (what a new user types first, on `main`)
says what to review instead: the last commit (`deep-review review HEAD~1..HEAD`), or, in a
repository of one commit, that it has no parent to review it against. Before, the line said
"pick another target or --base REF", which in a one-commit repository there is none of."""

from __future__ import annotations

from pathlib import Path

from support.repos import commit_all, git, make_repo, run_cli, write
from support.review_seat import fast_seat

REVIEW = ["review", "--agents", "fast", "--lead", "none"]


def test_on_main_the_line_offers_the_last_commit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    res = run_cli(REVIEW, cwd=repo, env=fast_seat(tmp_path).env())
    assert res.returncode == 2
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert "nothing to review: branch main has no changes against main" in line, line
    assert "`deep-review review HEAD~1..HEAD`" in line, line


def test_in_a_one_commit_repository_the_line_says_there_is_no_parent(tmp_path: Path) -> None:
    repo = tmp_path / "fresh"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "app.py", "print('hi')\n")
    commit_all(repo, "First commit")
    res = run_cli(REVIEW, cwd=repo, env=fast_seat(tmp_path).env())
    assert res.returncode == 2
    line = res.stderr.strip()
    assert "only commit" in line and "commit the next change and review that" in line, line
    assert "HEAD~1" not in line and "pick another target" not in line, line


def test_on_a_root_commit_with_another_branch_ahead_the_line_names_that_branch(
    tmp_path: Path,
) -> None:
    """`main` is one commit and `topic` holds the work: the line said "main holds the
    repository's only commit … commit the next change", which is not so; `topic` is what
    there is to review."""
    repo = tmp_path / "two branches"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "app.py", "print('hi')\n")
    commit_all(repo, "First commit")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, "app.py", "print('hello')\n")
    commit_all(repo, "Say hello")
    git(repo, "checkout", "-q", "main")
    res = run_cli(REVIEW, cwd=repo, env=fast_seat(tmp_path).env())
    assert res.returncode == 2
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert "repository's only commit" not in line, line
    assert "`deep-review review topic`" in line, line


def test_a_new_branch_with_no_commits_yet_names_the_branch_with_work(tmp_path: Path) -> None:
    """`git checkout -b fresh` from main, nothing committed yet, while `feature/x` holds work:
    the line said only "pick another target or --base REF"; it now says to commit on the new
    branch first, or gives the review of the branch that has changes."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "fresh")
    res = run_cli(REVIEW, cwd=repo, env=fast_seat(tmp_path).env())
    assert res.returncode == 2
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert "commit a change on fresh first" in line, line
    assert "`deep-review review feature/x`" in line, line


def test_a_branch_at_the_root_commit_behind_its_base_is_told_to_commit(tmp_path: Path) -> None:
    """`fresh` made at the root commit, `main` two commits on: `main` (the base itself) is no
    branch to offer, and the repository has more than one commit."""
    repo = tmp_path / "behind"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(repo, "app.py", "print('hi')\n")
    commit_all(repo, "First commit")
    git(repo, "branch", "fresh")
    write(repo, "app.py", "print('hello')\n")
    commit_all(repo, "Say hello")
    git(repo, "checkout", "-q", "fresh")
    res = run_cli(REVIEW, cwd=repo, env=fast_seat(tmp_path).env())
    assert res.returncode == 2
    line = res.stderr.strip()
    assert "`deep-review review main`" not in line, line
    assert "repository's only commit" not in line, line
    assert "commit a change on it first" in line, line
