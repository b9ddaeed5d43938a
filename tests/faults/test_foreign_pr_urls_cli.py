"""What the user names by mistake as the place or the change to review: an empty `--repo` (an
unset shell variable), and a change on a host that is not GitHub (a GitLab merge request, a
Bitbucket pull request, a PR-shaped URL elsewhere). Each is one line saying what it is and what
to type instead (exit 2, nothing written); a GitHub Enterprise host the environment names is
still read as GitHub."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes, run_json
from publish.scenario import NUMBER, REPO, setup
from support.fake_github import FakeGitHub
from support.refusal import assert_refused
from support.repos import make_repo, run_cli


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--json"],
        ["stats"],
        ["trust"],
        ["publish"],
    ],
)
def test_an_empty_repo_path_is_refused_not_read_as_here(tmp_path: Path, args: list[str]) -> None:
    """`--repo "$REPO"` with REPO unset: before, the current directory (a repository too) was
    reviewed in its place."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = run_cli([*args, "--repo", ""], cwd=repo, env=fakes.env())
    assert_refused(res, "--repo is empty; give the repository's path", fakes.store)


@pytest.mark.parametrize(
    "url",
    [
        "https://gitlab.com/o/r/-/merge_requests/3",
        "https://bitbucket.org/o/r/pull-requests/4",
        "https://example.com/o/r/pull/5",
    ],
)
def test_a_pull_request_url_of_another_host_says_it_is_no_github_pr(
    tmp_path: Path, url: str
) -> None:
    """Before: the PR-shaped URL was asked of the GitHub API (a network error), the others
    were looked up as a local branch."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", url)
    assert_refused(res, f"{url!r} is not a GitHub pull request URL", fakes.store)
    assert "deep-review review BASE...BRANCH" in res.stderr
    assert "GitHub API" not in res.stderr and "no local branch" not in res.stderr


def test_a_pr_shaped_url_names_the_host_to_configure(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo, "--agents", "static", "https://git.example.com/o/r/pull/5")
    assert_refused(
        res, "git.example.com is neither github.com nor a GitHub Enterprise", fakes.store
    )
    assert "set GH_HOST if it is one" in res.stderr


@pytest.mark.slow  # a real review
def test_a_github_enterprise_pr_url_is_still_reviewed(tmp_path: Path) -> None:
    """GH_HOST names the Enterprise host: its PR URL is a GitHub PR, fetched from its API."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env = {**env, "GH_HOST": "ghes.example.test"}
        env.pop("GH_REPO")  # the URL alone names the repository
        url = f"https://ghes.example.test/{REPO}/pull/{NUMBER}"
        res = fakes.review(clone, url, "--agents", "alpha", env=env)
        assert res.returncode == 0, res.stderr
        pr = run_json(Path(res.json()["review_dir"]))["target"]["pr"]
        assert (pr["number"], pr["repo"]) == (NUMBER, REPO)
