"""Odd targets and odd repositories the user names by mistake or by chance: a repository git
refuses for its owner, a partial clone whose blobs are not here, a backwards range, a branch
named like an option or like a commit, a tag or a PR's ref given as a branch. Each says in
one line what it is and what to type instead (exit 2, nothing written), or warns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.refusal import assert_refused
from support.repos import git, make_repo


def test_repository_git_refuses_for_its_owner(tmp_path: Path) -> None:
    """A checkout owned by another user (a container's mounted volume): git refuses it
    ("dubious ownership"), which is no "not inside a git repository". Git's own test switch
    makes it refuse as it does for another owner, without root."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    env = fakes.env({"GIT_TEST_ASSUME_DIFFERENT_OWNER": "1"})
    res = fakes.review(repo, "--agents", "static", "main..feature/x", env=env)
    assert_refused(res, "owned by another user", fakes.store)
    assert f"git config --global --add safe.directory {repo}" in res.stderr
    assert "not inside a git repository" not in res.stderr


def test_partial_clone_whose_blobs_are_not_here(tmp_path: Path) -> None:
    """`git clone --filter=blob:none` fetches a blob when first read; with the remote out of
    reach, say it is a partial clone and how to get the blobs, not git's raw `fatal:`."""
    upstream = make_repo(tmp_path, "upstream")
    git(upstream, "config", "uploadpack.allowfilter", "true")
    clone = tmp_path / "clone"
    git(
        tmp_path,
        "clone",
        "-q",
        "-b",
        "main",
        "--filter=blob:none",
        f"file://{upstream}",
        str(clone),
    )
    shutil.rmtree(upstream)  # the promisor remote is gone: the branch's blobs cannot be fetched
    fakes = Fakes(tmp_path)
    res = fakes.review(clone, "--agents", "static", "main..origin/feature/x")
    assert_refused(res, "partial clone", fakes.store)
    assert "fatal:" not in res.stderr


@pytest.mark.parametrize("dots", ["..", "..."])
def test_backwards_range_says_so(tmp_path: Path, dots: str) -> None:
    """`feature/x..main` where main is behind the branch: "no changes" would not say the
    sides are swapped."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", f"feature/x{dots}main")
    assert_refused(res, f"feature/x{dots}main is backwards", fakes.store)
    assert f"use main{dots}feature/x" in res.stderr


def test_branch_named_like_an_option(tmp_path: Path) -> None:
    """`refs/heads/-dash` is a branch git itself can name: a range side is a name, never an
    option (`rev-parse --end-of-options`)."""
    repo = make_repo(tmp_path)
    git(repo, "update-ref", "refs/heads/-dash", "feature/x")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "main..-dash")
    assert res.returncode == 0, (res.stdout, res.stderr)
    # a review's ID ends with its head commit's short SHA
    assert res.json()["review_id"].endswith(git(repo, "rev-parse", "feature/x")[:7])


def test_option_shaped_name_is_not_an_option(tmp_path: Path) -> None:
    """A side spelt like a `rev-parse` option must not act as one (`--all` would print every
    ref)."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "main..--all")
    assert_refused(res, "unknown ref '--all'", fakes.store)


def test_branch_named_like_a_commit_warns(tmp_path: Path) -> None:
    """A branch whose name is also a commit's abbreviated ID: the branch is reviewed, as git
    resolves it, and a note says the name was ambiguous and how to name the commit."""
    repo = make_repo(tmp_path)
    commit = git(repo, "rev-parse", "main~1")
    # an all-digit name is a PR number (`deep-review review 1234567`): the abbreviation runs
    # to its first letter, as one a person would type for this commit
    short = commit[: max(7, next(i for i, c in enumerate(commit) if c.isalpha()) + 1)]
    git(repo, "update-ref", f"refs/heads/{short}", "feature/x")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", short)
    assert res.returncode == 0, (res.stdout, res.stderr)
    notes = [ln for ln in res.stderr.splitlines() if ln.startswith("note:")]
    assert any("ambiguous" in n and commit in n for n in notes), res.stderr


def test_inside_the_git_folder_names_the_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo / ".git", "--agents", "static", "main..feature/x")
    assert_refused(res, f"{repo.resolve() / '.git'} is inside a repository's .git", fakes.store)


def test_tag_is_named_a_tag(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "tag", "-a", "v2", "-m", "release 2", "feature/x")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "v2")
    assert_refused(res, "'v2' is a tag, not a local branch", fakes.store)
    assert "use v2~1..v2" in res.stderr


def test_pull_request_ref_names_the_pull_request(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "update-ref", "refs/pull/7/head", "feature/x")
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "refs/pull/7/head")
    assert_refused(res, "is the head of pull request #7, not a local branch", fakes.store)
    assert "deep-review review 7" in res.stderr


@pytest.mark.parametrize(
    ("spec", "full"), [("..feature/x", "HEAD..feature/x"), ("main..", "main..HEAD")]
)
def test_a_range_with_an_empty_side_gives_it_in_full(tmp_path: Path, spec: str, full: str) -> None:
    """Git reads an empty side of a range as HEAD; this was "no local branch of that name".
    The line names the empty side and gives the range in full."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", spec)
    assert_refused(res, "leaves a side of the range empty", fakes.store)
    assert full in res.stderr
    assert "no local branch" not in res.stderr


@pytest.mark.parametrize(
    "spec", ["main....feature/x", "main..feature/x..main", "main.....feature/x"]
)
def test_a_range_with_too_many_dots_says_so(tmp_path: Path, spec: str) -> None:
    """Four dots, or two ranges in one: git ref names never hold `..` or start a part with
    `.`, so this is no range; it was "unknown ref '.feature/x'" (a ref the user never typed)."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", spec)
    assert_refused(res, f"{spec!r} is no range", fakes.store)
    assert "use A..B (what B changed since A) or A...B" in res.stderr
    assert "unknown ref" not in res.stderr


@pytest.mark.parametrize("spec", ["0", "#0", "https://github.com/o/r/pull/0"])
def test_pull_request_zero_is_refused_before_asking_github(tmp_path: Path, spec: str) -> None:
    """GitHub numbers pull requests from 1: #0 names none. It was sent to GitHub (a network
    round trip, then "could not reach HOST for PR #0" or a 404)."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    env = fakes.env({"GH_REPO": "o/r", "GITHUB_API_URL": "http://127.0.0.1:9"})
    res = fakes.review(repo, "--agents", "static", spec, env=env)
    assert_refused(res, "pull requests are numbered from 1: #0 names none", fakes.store)
    assert "GitHub API" not in res.stderr


def test_a_local_branch_named_0_is_reviewed_as_that_branch(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "branch", "0", "feature/x")
    fakes = Fakes(tmp_path)
    env = fakes.env({"GH_REPO": "o/r", "GITHUB_API_URL": "http://127.0.0.1:9"})
    res = fakes.review(repo, "--agents", "static", "0", env=env)
    assert res.returncode == 0, res.stderr
    assert "Reviewing branch 0 against main" in res.stderr
