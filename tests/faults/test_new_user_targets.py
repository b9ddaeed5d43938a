"""Targets a new user writes wrongly, and odd repositories (brief nu70): each is refused with
one line that says what the name really is and what to type instead (exit 2, no store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.refusal import assert_refused
from support.repos import commit_all, git, make_repo, run_cli, write


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        ("{blob}", "a blob"),
        ("HEAD~1..{blob}", "a blob"),
        ("{tree}..HEAD", "a tree"),
        ("HEAD~1..HEAD:calc.py", "a blob"),
    ],
    ids=["blob-alone", "blob-range-side", "tree-range-side", "path-in-range"],
)
def test_an_object_that_is_no_commit_is_named_for_what_it_is(
    tmp_path: Path, spec: str, kind: str
) -> None:
    """A blob's SHA (copied from `git ls-tree`) exists: "unknown ref" or "no local branch"
    sends the user looking for a typo. Say what the object is and that a commit is needed."""
    repo = make_repo(tmp_path)
    blob, tree = git(repo, "rev-parse", "HEAD:calc.py"), git(repo, "rev-parse", "HEAD^{tree}")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", spec.format(blob=blob, tree=tree))
    assert_refused(res, f"is {kind}, not a commit", fakes.store)
    assert "unknown ref" not in res.stderr and "no local branch" not in res.stderr


def test_a_depth_one_clone_on_its_base_branch_is_no_single_commit_repository(
    tmp_path: Path,
) -> None:
    """`git clone --depth 1` and a bare `review` on main: the tip's parent is not fetched, it
    exists. "The repository's only commit … commit the next change" would be wrong advice."""
    upstream = make_repo(tmp_path, "upstream")
    git(upstream, "checkout", "-q", "main")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{upstream}", str(clone))
    fakes = Fakes(tmp_path)
    res = fakes.review(clone, "--agents", "static")
    assert_refused(res, "shallow clone", fakes.store)
    assert "git fetch --unshallow" in res.stderr
    assert "only commit" not in res.stderr and "commit the next change" not in res.stderr


def test_a_range_on_an_orphan_branch_says_the_branch_has_no_commits(tmp_path: Path) -> None:
    """`git checkout --orphan` in a repository with history: HEAD is unborn, so `HEAD~1` is
    no typo to look up with `git branch -a`."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "--orphan", "fresh")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "HEAD~1..HEAD")
    assert_refused(res, "the current branch fresh has no commits yet", fakes.store)


def test_two_commits_given_as_two_targets_name_the_range(tmp_path: Path) -> None:
    """`review HEAD~1 HEAD`, as `git diff` takes it: say the range to write."""
    repo = make_repo(tmp_path)
    write(repo, "more.py", "X = 1\n")
    commit_all(repo, "more")
    fakes = Fakes(tmp_path)
    res = run_cli(["review", "--agents", "static", "HEAD~1", "HEAD"], cwd=repo, env=fakes.env())
    assert_refused(res, "HEAD~1..HEAD", fakes.store)


@pytest.mark.parametrize("spec", ["HEAD..HEAD", "main...main"])
def test_a_range_whose_sides_are_one_commit_names_the_range_of_its_last_commit(
    tmp_path: Path, spec: str
) -> None:
    """Both sides one commit is a slip: say so, and the range that reviews that commit."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", spec)
    head = spec.split(".")[-1]
    assert_refused(res, "both sides are commit", fakes.store)
    assert f"{head}~1..{head} reviews its last commit" in res.stderr, res.stderr


def test_a_repository_without_main_names_a_base_to_pass(tmp_path: Path) -> None:
    """`git init -b trunk`, no remote: no default base is found; the line names the local
    branch to pass as --base, and on that branch itself the range of its last commit."""
    repo = tmp_path / "trunk-repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "trunk")
    write(repo, "a.py", "A = 1\n")
    commit_all(repo, "a")
    write(repo, "a.py", "A = 2\n")
    commit_all(repo, "b")
    git(repo, "checkout", "-q", "-b", "feat")
    write(repo, "b.py", "B = 1\n")
    commit_all(repo, "feat")
    fakes = Fakes(tmp_path)
    assert_refused(fakes.review(repo, "--agents", "static"), "e.g. --base trunk", fakes.store)
    git(repo, "checkout", "-q", "trunk")
    git(repo, "branch", "-q", "-D", "feat")
    res = fakes.review(repo, "--agents", "static")
    assert_refused(res, "`deep-review review HEAD~1..HEAD` for the last commit", fakes.store)


def test_a_repository_missing_an_object_says_to_check_it(tmp_path: Path) -> None:
    """A damaged repository (a loose object lost to a disk or a sync tool): git's "unable to
    read SHA" says nothing of what is wrong or what to do."""
    repo = make_repo(tmp_path)
    blob = git(repo, "rev-parse", "HEAD:util/strings.py")
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert_refused(res, "git fsck", fakes.store)
    assert "is missing" in res.stderr and blob in res.stderr


def test_a_review_during_a_stopped_rebase_says_so(tmp_path: Path) -> None:
    """A rebase stopped on a conflict detaches HEAD: "HEAD is detached" alone does not say
    why, nor that the branch comes back once the rebase is finished."""
    repo = make_repo(tmp_path)  # feature/x changes calc.py
    git(repo, "checkout", "-q", "main")
    write(repo, "calc.py", "def add(a, b):\n    return b + a\n")
    commit_all(repo, "main edits add")
    git(repo, "checkout", "-q", "feature/x")
    git(repo, "rebase", "-q", "main", check=False)  # stops on the conflict in calc.py
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert_refused(res, "a rebase of feature/x is in progress", fakes.store)
    assert "git rebase --continue" in res.stderr and "--base REF" in res.stderr


def test_a_review_during_a_bisect_says_so(tmp_path: Path) -> None:
    """`git bisect` checks out the commit to test, detached: "HEAD is detached" alone does not
    say why, nor that `git bisect reset` brings the branch back; a named range reviews now."""
    repo = make_repo(tmp_path)  # feature/x: one commit over main's two
    git(repo, "bisect", "start", "feature/x", "main~1")  # checks out main, detached
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert_refused(res, "a bisect started on feature/x is in progress", fakes.store)
    assert "git bisect reset" in res.stderr and "main..feature/x" in res.stderr
    res = fakes.review(repo, "--agents", "static", "main..feature/x")
    assert res.returncode == 0, res.stderr


def test_a_bisect_started_on_a_detached_head_names_no_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "--detach", "feature/x")
    git(repo, "bisect", "start", "HEAD", "main~1")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static")
    assert_refused(res, "HEAD is detached: a bisect is in progress", fakes.store)
    assert "git bisect reset" in res.stderr and "deep-review review A..B" in res.stderr
