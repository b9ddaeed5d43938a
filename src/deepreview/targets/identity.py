"""Which repository a review is of, as the store tells repositories apart (`repo_key`).

A store may hold reviews of many repositories (`DEEP_REVIEW_STORE`, a CI artifact), and a
folder's name says nothing (`o1/app` and `o2/app`). A repository is identified by:

- `GH_REPO` when set (it names the GitHub repository for every review of the checkout);
- else its `origin` remote, normalised: `git@host:Team/App.git`, `ssh://git@host:22/team/app`
  and `https://user:token@host/team/app/` are all `host/team/app` (no credentials, no port,
  no scheme, lower case), so two clones of one repository (a laptop, a CI runner) share their
  series; an `origin` that is a path is that path, absolute;
- else the absolute path of its common git folder (`.git` left off), which every worktree of
  the repository shares.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from deepreview.errors import GitError
from deepreview.github.remote import RemoteRepo, gh_repo
from deepreview.targets.git import Git
from deepreview.targets.remote import origin_url

_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)$")
# scp-like `[user@]host:path`: no slash before the colon (`./a:b` is a path).
_SCP = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>.*)$")


def github_identity(named: RemoteRepo) -> str:
    """The repository `GH_REPO` names (`gh_repo`) as a key: `host/owner/name`."""
    return f"{named.host}/{named.name}".lower()


def remote_identity(url: str, repo_root: Path) -> str:
    """A remote's URL as a key: `host/path` for a network remote, an absolute path for a
    local one (relative paths are relative to the checkout, as git reads them)."""
    url = url.strip()
    if m := _SCHEME.match(url):
        if m["scheme"].lower() == "file":
            return _local_identity(Path(m["rest"]), repo_root)
        host, _, path = m["rest"].partition("/")
    elif (m := _SCP.match(url)) and len(m["host"]) > 1:  # `C:\...` is a Windows path
        host, path = m["host"], m["path"]
    else:
        return _local_identity(Path(url), repo_root)
    host = host.rpartition("@")[2]  # credentials are nobody's business, least of all the index
    if not host.startswith("["):
        host = host.partition(":")[0]  # the port: ssh on 22 and https on 443 are one repository
    path = path.strip("/").removesuffix(".git").strip("/")
    return f"{host}/{path}".lower()


def _local_identity(path: Path, repo_root: Path) -> str:
    full = (repo_root / path).resolve()
    if full.name == ".git":
        full = full.parent
    elif full.name.endswith(".git"):
        full = full.with_name(full.name.removesuffix(".git"))
    return full.as_posix()


def repository_folder(git: Git) -> Path:
    """The repository's own folder: its common git folder with `.git` left off (a bare
    repository's, `.git` suffix too), the same for each of its worktrees; the checkout itself
    when git cannot tell."""
    try:
        return Path(_local_identity(git.common_dir(), git.repo))
    except GitError:
        return git.repo.resolve()


def checkout_identity(git: Git, origin: str | None) -> str:
    """The key of `git`'s repository without `GH_REPO`: its `origin` (`origin_url`), else its
    common git folder."""
    if origin:
        return remote_identity(origin, git.repo)
    return _local_identity(git.common_dir(), git.repo)


def repo_aliases(git: Git, key: str) -> tuple[str, ...]:
    """The other key a review of the checkout `git` may have been stored under (`key`: its
    key now): the path of its git folder, what it was known by before it had an `origin`."""
    folder = repository_folder(git).as_posix()
    return () if folder == key else (folder,)


def repo_identity(git: Git, env: Mapping[str, str]) -> str:
    """The key of the checkout `git` is in, as a review of it records it."""
    if named := gh_repo(env):
        return github_identity(named)
    return checkout_identity(git, origin_url(git))


def recorded_identity(repo_url: str | None, repo_root: Path, head_sha: str) -> str:
    """The key of a review recorded before keys were kept, from what its run.json recorded;
    "" when it cannot be told. A GitHub `repo_url` is `github.com/owner/name`, what a review
    of it records now (by `GH_REPO` or a GitHub `origin`). Else the checkout at `repo_root`,
    if it is still there and holds the reviewed commit (not another repository since put in
    its place): its key as a review of it records it now."""
    if repo_url and repo_url.startswith("https://github.com/"):
        return remote_identity(repo_url, repo_root)
    if not head_sha or not repo_root.is_absolute() or not (repo_root / ".git").exists():
        return ""
    git = Git(repo_root)
    try:
        if git.rev(head_sha) != head_sha:
            return ""
        return checkout_identity(git, origin_url(git))
    except GitError:
        return ""
