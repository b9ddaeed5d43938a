"""A PR named by its repository (a URL, `owner/name#N`) is fetched from the remote of that
repository, through the real `deep-review review` against the fake GitHub: a clone of a fork
(`origin` the fork, `upstream` the PR's repository) reviews the PR's commits, not the fork's
own PR of that number; a clone with no remote of the PR's repository says so, rather than
reviewing the commits of another repository's PR under this one's title.

The remotes carry GitHub URLs that git's `url.<path>.insteadOf` sends to local bare
repositories: no test reaches the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import run_json
from publish.scenario import NUMBER, REPO, setup
from support.fake_github import FakeGitHub
from support.repos import commit_all, git, run_cli, write

pytestmark = pytest.mark.slow  # real reviews

FORK = "someone/demo"


def _fork_remotes(tmp: Path, clone: Path, *, upstream: bool) -> str:
    """`origin` becomes the fork (whose own PR #7 is other commits), `upstream` (when asked)
    the PR's repository; the fork's PR head, returned."""
    bare = tmp / "origin.git"
    fork = tmp / "fork.git"
    git(tmp, "clone", "-q", "--bare", str(bare), str(fork))
    other = tmp / "other"
    git(tmp, "clone", "-q", str(bare), str(other))
    write(other, "fork.py", "x = 1\n")
    fork_head = commit_all(other, "The fork's own change")
    git(other, "push", "-q", str(fork), f"{fork_head}:refs/pull/{NUMBER}/head")
    for name, path in ((FORK, fork), (REPO, bare)):
        git(clone, "config", f"url.{path}.insteadOf", f"https://github.com/{name}.git")
    git(clone, "remote", "set-url", "origin", f"https://github.com/{FORK}.git")
    if upstream:
        git(clone, "remote", "add", "upstream", f"https://github.com/{REPO}.git")
    return fork_head


@pytest.mark.parametrize("spec", [f"{REPO}#{NUMBER}", f"https://github.com/{REPO}/pull/{NUMBER}"])
def test_the_pr_comes_from_the_remote_of_its_repository(tmp_path: Path, spec: str) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GH_REPO")
        fork_head = _fork_remotes(tmp_path, clone, upstream=True)
        res = fakes.review(clone, spec, "--agents", "alpha", env=env)
        assert res.returncode == 0, res.stderr
        target = run_json(Path(res.json()["review_dir"]))["target"]
        assert target["head_sha"] == gh.pull(REPO, NUMBER).data["head"]["sha"] != fork_head
        assert [f["path"] for f in target["changed_files"]] == ["calc.py"]


def test_no_remote_of_the_prs_repository_is_said(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GH_REPO")
        _fork_remotes(tmp_path, clone, upstream=False)
        res = fakes.review(clone, f"{REPO}#{NUMBER}", "--agents", "alpha", env=env)
        assert res.returncode == 2, res.stderr
        said = " ".join(res.stderr.split())
        assert f"origin is {FORK}, not {REPO}" in said, said
        assert f"git remote add upstream https://github.com/{REPO}" in said, said


def test_a_publication_that_lost_the_commits_fetches_them_from_that_remote(
    tmp_path: Path,
) -> None:
    """The fork's clone lost the PR's commits after the review: `publish --inline` fetches
    them again from `upstream` (origin's PR of that number is the fork's) and reads the diff
    itself, asking GitHub for no compare."""
    with FakeGitHub() as gh:
        fakes, clone, env = setup(tmp_path, gh)
        env.pop("GH_REPO")
        _fork_remotes(tmp_path, clone, upstream=True)
        res = fakes.review(clone, f"{REPO}#{NUMBER}", "--agents", "alpha", env=env)
        assert res.returncode == 0, res.stderr
        git(clone, "update-ref", "-d", f"refs/deep-review/pull/{NUMBER}")
        git(clone, "reflog", "expire", "--expire=now", "--all")
        git(clone, "gc", "-q", "--prune=now")
        head = gh.pull(REPO, NUMBER).data["head"]["sha"]
        assert git(clone, "cat-file", "-t", head, check=False) != "commit"
        published = run_cli(["publish", res.json()["review_id"], "--inline"], cwd=clone, env=env)
        assert published.returncode == 0, published.stderr
        assert gh.requests_to("GET", f"/repos/{REPO}/compare/") == []
        assert gh.pull(REPO, NUMBER).review_comments, published.stderr
