"""A pull request's commits: its head as origin has it now (`refs/pull/N/head`), or, in a
GitHub Actions run started for the PR, the head and base that run was started for.

A push during a run moves `refs/pull/N/head`: seats that each fetched it when they started
would review different commits, and `finish` refuses to put them together (as it does on every
re-run of the failed jobs). The run's event does not move, so every seat (and every re-run)
pinned to it reviews the same commits.
"""

from __future__ import annotations

import contextlib

from deepreview.errors import GitError
from deepreview.github.actions import PullEvent
from deepreview.targets.git import Git


def fetch_pr_head(git: Git, number: int, repo: str, remote: str = "origin") -> str:
    """The PR's head commit, fetched from `remote` into `refs/deep-review/pull/<N>`."""
    ref = f"refs/pull/{number}/head"
    local = f"refs/deep-review/pull/{number}"
    argv = ["fetch", "--quiet", "--no-tags", "--end-of-options", remote, f"+{ref}:{local}"]
    result = git.run(argv, check=False)
    if not result.ok:
        tail = result.stderr_text.strip().splitlines()
        raise GitError(
            f"cannot fetch {ref} from {remote} ({tail[-1] if tail else 'fetch failed'}); "
            f"check that {remote} is {repo} and PR #{number} exists"
        )
    sha = git.rev(local)
    if sha is None:
        raise GitError(f"fetched {ref} but it does not name a commit")
    return sha


def _have(git: Git, sha: str) -> bool:
    return git.rev(sha) == sha


def _fetch_sha(git: Git, sha: str, number: int) -> bool:
    """`sha` fetched from origin by its name (GitHub serves any commit it has that way)."""
    keep = f"refs/deep-review/pull/{number}-event"  # a ref keeps it from `git gc`
    git.run(["fetch", "--quiet", "--no-tags", "origin", f"+{sha}:{keep}"], check=False)
    return _have(git, sha)


def pinned_head(git: Git, event: PullEvent, repo: str) -> str:
    """The head the run was started for. actions/checkout with fetch-depth: 0 already holds it
    (the test merge commit's second parent); else the PR's head ref brings it while the PR
    still has it, else it is fetched by its SHA."""
    sha = event.head_sha
    if _have(git, sha):
        return sha
    with contextlib.suppress(GitError):  # the SHA itself may still be fetched
        fetch_pr_head(git, event.number, repo)
    if _have(git, sha) or _fetch_sha(git, sha, event.number):
        return sha
    raise GitError(
        f"cannot fetch {sha[:12]}, the head of PR #{event.number} this GitHub Actions run was "
        "started for (force-pushed away?); check out with fetch-depth: 0, or start a new run "
        "for the PR's current head"
    )


def pinned_base_tip(git: Git, event: PullEvent, head: str) -> str | None:
    """The base tip the run was started against, None when this checkout cannot tell (then the
    base branch's tip is used, as outside Actions).

    For a `pull_request` run GITHUB_SHA is GitHub's test merge of the head into the base: its
    first parent is the base as GitHub merged it. The event's `base.sha` may be older than that
    (GitHub can keep the tip from when the PR was opened): a PR that merged its base since
    would then be reviewed from an old merge-base, the base's own later work shown as the PR's.
    So of the two, the one meeting the head latest is taken."""
    tips: list[str] = []
    if event.run_sha and _have(git, event.run_sha):
        line = git.run(["rev-list", "--parents", "-n", "1", event.run_sha], check=False)
        parents = line.stdout_text.split()[1:]
        if len(parents) == 2 and parents[1] == head:
            tips.append(parents[0])
    if event.base_sha and (
        _have(git, event.base_sha) or (not tips and _fetch_sha(git, event.base_sha, event.number))
    ):
        tips.append(event.base_sha)
    chosen: tuple[str, str] | None = None  # (tip, its merge-base with the head)
    for tip in tips:
        mb = git.run(["merge-base", tip, head], check=False).stdout_text.strip()
        if not mb:
            continue
        newer = chosen is not None and mb != chosen[1]
        if chosen is None or (newer and git.ok("merge-base", "--is-ancestor", chosen[1], mb)):
            chosen = (tip, mb)
    return chosen[0] if chosen else None


def moved_note(event: PullEvent, now_head: str | None) -> str | None:
    """The run note when the PR has moved on since the run was started."""
    if not now_head or now_head == event.head_sha:
        return None
    return (
        f"PR #{event.number} has moved on since this GitHub Actions run was started (its head "
        f"is now {now_head[:12]}): reviewed {event.head_sha[:12]}, the head the run was started "
        "for, as every seat of the run does; a run for the new head reviews it."
    )


__all__ = ["fetch_pr_head", "moved_note", "pinned_base_tip", "pinned_head"]
