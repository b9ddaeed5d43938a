"""Which GitHub repository a checkout is: `GH_REPO`, its `origin`, the Actions run's own."""

from __future__ import annotations

from collections.abc import Mapping

from deepreview.errors import UsageError
from deepreview.github.actions import actions_repo
from deepreview.github.remote import RemoteRepo, gh_repo, remote_repo
from deepreview.targets.git import Git


def local_repo_name(git: Git, env: Mapping[str, str]) -> str:
    """This checkout's repository as reviews name it: `GH_REPO`, else the GitHub `origin`'s
    `owner/name` (in Actions, else the run's repository), else the folder's name (the review's
    target and every store command agree)."""
    named = gh_repo(env)
    return named.name if named else repo_from_remote(git, env) or git.repo.name


def origin_url(git: Git) -> str | None:
    """The `origin` remote's URL, None without one."""
    result = git.run(["remote", "get-url", "origin"], check=False)
    return (result.stdout_text.strip() or None) if result.ok else None


def github_remote(git: Git, env: Mapping[str, str], origin: str | None = None) -> RemoteRepo | None:
    """This checkout's GitHub repository: `origin` (`origin_url`, asked when not given) on
    github.com or the configured Enterprise host, else, in GitHub Actions, the run's own
    repository (`GITHUB_REPOSITORY`): an origin the runner rewrote or a mirror does not hide it."""
    url = origin if origin is not None else origin_url(git)
    return (remote_repo(url, env) if url else None) or actions_repo(env)


def repo_from_remote(git: Git, env: Mapping[str, str]) -> str | None:
    """`owner/name` of this checkout's GitHub repository (`github_remote`), else None."""
    found = github_remote(git, env)
    return found.name if found else None


def remote_of(git: Git, repo: str, env: Mapping[str, str]) -> str:
    """The remote a PR of `repo` (`owner/name`) is fetched from: `origin` when it is that
    repository or not one GitHub names (a path, a mirror), else the remote that is (a fork's
    clone keeps the PR's repository as `upstream`). The URLs as configured: `insteadOf`
    rewrites where git fetches from, not which repository a remote is. A clone whose origin is
    another GitHub repository and no remote of `repo` is refused: its `refs/pull/N/head` would
    be another repository's PR, reviewed under this one's title."""
    listed = git.run(["config", "--get-regexp", r"^remote\..*\.url$"], check=False).stdout_text
    names: dict[str, RemoteRepo | None] = {}
    for line in listed.splitlines():
        key, _, url = line.partition(" ")
        names[key.removeprefix("remote.").removesuffix(".url")] = remote_repo(url, env)
    origin = names.get("origin")
    if origin is None or origin.name.lower() == repo.lower():
        return "origin"
    same = sorted(n for n, r in names.items() if r is not None and r.name.lower() == repo.lower())
    if same:
        return "upstream" if "upstream" in same else same[0]
    raise UsageError(
        f"this clone's origin is {origin.name}, not {repo}, and no remote is {repo}: add it "
        f"(`git remote add upstream https://{origin.host}/{repo}`) and review again, or review "
        f"in a clone of {repo}"
    )
