"""The base a review of a branch is measured against when none is named: `origin/HEAD`,
else `main` or `master` (the up-to-date one of the local branch and its remote)."""

from __future__ import annotations

from pathlib import Path

from deepreview.errors import UsageError
from deepreview.targets.git import Git
from deepreview.targets.refs import need


def default_base(git: Git) -> tuple[str, str]:
    """The default base branch's name and tip SHA."""
    candidates = []
    origin_head = git.run(
        ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], check=False
    ).stdout_text.strip()
    if origin_head:
        candidates.append(origin_head.removeprefix("refs/remotes/"))
    for ref in candidates:
        if sha := git.rev(ref):
            return ref, sha
    for name in ("main", "master"):
        local, remote = git.rev(name), git.rev(f"origin/{name}")
        # A local `main` never pulled is behind `origin/main`: a branch made from `origin/main`
        # would be reviewed with the colleagues' newer commits as its own. The up-to-date one
        # is the base; a local branch ahead of (or diverged from) its remote stays the base.
        if (
            local
            and remote
            and local != remote
            and git.ok("merge-base", "--is-ancestor", local, remote)
        ):
            return f"origin/{name}", remote
        if local:
            return name, local
        if remote:
            return f"origin/{name}", remote
    raise UsageError(f"cannot find a base branch (no origin/HEAD, main or master); {_no_base(git)}")


def _no_base(git: Git) -> str:
    """What to type when no default base is found (a `trunk` or `develop` repository with no
    remote): another local branch to pass as --base, else the range of the last commit."""
    current = git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], check=False).stdout_text
    listed = git.run(["for-each-ref", "--format=%(refname:short)", "refs/heads/"], check=False)
    others = [b for b in listed.stdout_text.split() if b != current.strip()]
    if not others:
        return "pass --base REF, or `deep-review review HEAD~1..HEAD` for the last commit"
    more = f" (or another of {len(others)} local branches)" if len(others) > 1 else ""
    return f"pass --base REF, e.g. --base {others[0]}{more}"


def current_branch_base(root: Path) -> tuple[str, str] | None:
    """(base branch name, merge-base SHA) a review of the current branch would use, if any."""
    git = Git(root)
    head = git.rev("HEAD")
    if head is None:
        return None
    try:
        name, _ = default_base(git)
    except UsageError:
        return None
    mb = git.run(["merge-base", name, head], check=False).stdout_text.strip()
    return (name, mb) if mb else None


def default_base_if_any(git: Git) -> tuple[str, str] | None:
    try:
        return default_base(git)
    except UsageError:
        return None


def base_and_tip(git: Git, base: str | None) -> tuple[str, str]:
    """The base's name and tip commit: `--base REF`, else the default base branch."""
    return (base, need(git, base, "base ref")) if base else default_base(git)
