"""A pull request as a target: its repository, its head (pinned, in a GitHub Actions run, to
the commit the run was started for: `targets.pr_head`) and its base."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview.errors import GitError, UsageError
from deepreview.github.actions import pull_event
from deepreview.github.remote import DEFAULT_HOST, gh_repo
from deepreview.targets.build import build_target
from deepreview.targets.git import Git
from deepreview.targets.pr_head import fetch_pr_head, moved_note, pinned_base_tip, pinned_head
from deepreview.targets.refs import require_full_history
from deepreview.targets.remote import github_remote, remote_of
from deepreview.targets.target import PullRequest, Target

if TYPE_CHECKING:  # the module brings the GitHub client: imported when a PR is reviewed
    from deepreview.github.pulls import PrInfo


def pull_request(
    git: Git,
    root: Path,
    number: int,
    hint: tuple[str | None, str] | None,
    env: dict[str, str],
    spec: str,
) -> Target:
    """PR `number`; `hint`: the (host, owner/name) of a PR URL, or (None, owner/name) of an
    `owner/name#N` target."""
    repo_name, repo_url = _pr_repo(git, hint, env)
    # Imported here: the GitHub client brings urllib.request (with ssl, http.client, email),
    # which only a pull request needs; every other review would pay for it before its first
    # seat (benchmarks/README.md, "first seat spawned after").
    from deepreview.github.client import GitHubClient
    from deepreview.github.pulls import fetch_pr

    info = fetch_pr(GitHubClient(env, root), repo_name, number)
    # A GitHub Actions run started for this PR reviews the commits it was started for: every
    # seat of the run (and every re-run of a job) then reviews the same ones, however the PR
    # moved since (`targets.pr_head`).
    event = pull_event(env)
    pin = (
        event
        if event and (event.number, event.repo.lower()) == (number, repo_name.lower())
        else None
    )
    # A PR named by its repository may be of another one than origin (a fork's clone)
    remote = "origin" if pin or hint is None else remote_of(git, repo_name, env)
    head = (
        pinned_head(git, pin, repo_name) if pin else fetch_pr_head(git, number, repo_name, remote)
    )
    base_tip = pinned_base_tip(git, pin, head) if pin else None
    stale: str | None = None
    if base_tip is None:
        base_tip, stale = _base_tip(git, info, number, remote)
    mb = git.run(["merge-base", base_tip, head], check=False).stdout_text.strip()
    if not mb:
        require_full_history(git, f"cannot find where PR #{number} leaves {info.base_ref}")
        mb = base_tip  # unrelated histories: the PR's tree against its base's
    pr = PullRequest(
        number=number,
        title=info.title,
        author=info.author,
        author_url=info.author_url,
        url=info.url,
        base_ref=info.base_ref,
        head_ref=info.head_ref,
        body=info.body,
        repo=repo_name,
    )
    target = build_target(
        git,
        root,
        "pr",
        mb,
        head,
        spec=spec,
        branch=info.head_ref or None,
        base_ref=info.base_ref,
        pr=pr,
        repo_name=repo_name,
        repo_url=repo_url,
    )
    notes = tuple(n for n in (moved_note(pin, info.head_sha) if pin else None, stale) if n)
    return dataclasses.replace(target, notes=target.notes + notes) if notes else target


def _base_tip(git: Git, info: PrInfo, number: int, remote: str) -> tuple[str, str | None]:
    """The base tip the PR is compared with, and a note when it may be stale. GitHub's
    `base.sha` when this clone has it (a PR rebased onto a moved base brings it with
    `refs/pull/N/head`) and the local `<remote>/<base>` does not already hold it: a stale local
    tip would show the base's new commits as the PR's. Else the base branch fetched, else the
    local tip, with a note."""
    ref, wanted = info.base_ref, info.base_sha
    local = git.rev(f"{remote}/{ref}") or git.rev(ref)
    if wanted and git.rev(wanted) == wanted:
        behind = local is not None and git.ok("merge-base", "--is-ancestor", wanted, local)
        return (local if behind and local else wanted), None
    if wanted or local is None:
        # the base's name is GitHub's answer: a name, never an option
        argv = ["fetch", "--quiet", "--end-of-options", remote, ref]
        fetched = git.rev("FETCH_HEAD") if git.run(argv, check=False).ok else None
        if fetched is not None:
            return fetched, None
    if local is None:
        raise GitError(
            f"cannot find base branch {ref!r} of PR #{number}; run `git fetch {remote} {ref}`"
        )
    if not wanted:
        return local, None
    return local, (
        f"GitHub's base of PR #{number} ({wanted[:12]}) is not in this clone and fetching "
        f"{ref} failed: compared with the local {ref} ({local[:12]}), which may be stale "
        f"(its commits since then would show as the PR's); run `git fetch {remote} {ref}`"
    )


def _pr_repo(
    git: Git, hint: tuple[str | None, str] | None, env: Mapping[str, str]
) -> tuple[str, str]:
    """The PR's repository (`owner/name`) and its web URL: the PR URL's (or `owner/name#N`'s,
    on the host of `GH_REPO`, of this checkout's remote, of `GH_HOST`, else github.com), else
    `GH_REPO`, else this checkout's GitHub remote (`github_remote`: the Enterprise host's, the
    Actions run's)."""
    if hint is not None:
        host, name = hint
        if host is None:
            found = gh_repo(env) or github_remote(git, env)
            host = found.host if found else env.get("GH_HOST", "").strip().lower() or DEFAULT_HOST
        return name, f"https://{host}/{name}"
    if named := gh_repo(env):
        return named.name, named.web_url
    found = github_remote(git, env)
    if found is None:
        raise UsageError(
            "cannot tell which GitHub repository this is: add an `origin` remote on github.com "
            "(GitHub Enterprise: set GITHUB_SERVER_URL or GH_HOST to its URL or host), set "
            "GH_REPO=owner/name (or host/owner/name), or pass the full PR URL"
        )
    return found.name, found.web_url
