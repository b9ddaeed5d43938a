"""The only module that talks to GitHub: PR metadata via `gh` or the REST API, head via git.

PR metadata is untrusted input (title, body): it is validated here and later fenced as data in
every prompt.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deepreview import proc
from deepreview.errors import GitError, UsageError
from deepreview.targets.git import Git, git_env

_REMOTE = re.compile(r"github\.com[:/](?P<repo>[^/\s]+/[^/\s]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class PrInfo:
    title: str
    author: str
    author_url: str | None
    url: str | None
    base_ref: str
    head_ref: str
    head_sha: str | None
    body: str


def repo_from_remote(git: Git) -> str | None:
    result = git.run(["remote", "get-url", "origin"], check=False)
    if not result.ok:
        return None
    m = _REMOTE.search(result.stdout_text.strip())
    return m.group("repo") if m else None


def _parse(data: Any, number: int) -> PrInfo:
    # Only a PR review needs pydantic; every review imports this module before its first seat.
    from pydantic import BaseModel, ConfigDict, ValidationError

    class _User(BaseModel):
        model_config = ConfigDict(extra="ignore")
        login: str = ""
        html_url: str | None = None

    class _Ref(BaseModel):
        model_config = ConfigDict(extra="ignore")
        ref: str
        sha: str | None = None

    class _Pull(BaseModel):
        model_config = ConfigDict(extra="ignore")
        title: str = ""
        html_url: str | None = None
        body: str | None = None
        user: _User = _User()
        base: _Ref
        head: _Ref

    try:
        pull = _Pull.model_validate(data)
    except ValidationError as exc:
        raise UsageError(
            f"GitHub answered an unexpected document for PR #{number}: {exc.errors()[0]['msg']}"
        ) from exc
    return PrInfo(
        title=pull.title,
        author=pull.user.login,
        author_url=pull.user.html_url,
        url=pull.html_url,
        base_ref=pull.base.ref,
        head_ref=pull.head.ref,
        head_sha=pull.head.sha,
        body=pull.body or "",
    )


def _gh_logged_in(gh: str, env: Mapping[str, str], cwd: Path) -> bool:
    return proc.run([gh, "auth", "status"], cwd=cwd, env=env, timeout=20).ok


def fetch_pr(repo: str, number: int, *, env: Mapping[str, str], cwd: Path) -> PrInfo:
    gh = shutil.which("gh", path=env.get("PATH"))
    if gh and _gh_logged_in(gh, env, cwd):
        result = proc.run([gh, "api", f"repos/{repo}/pulls/{number}"], cwd=cwd, env=env, timeout=60)
        if result.ok:
            try:
                return _parse(json.loads(result.stdout_text), number)
            except json.JSONDecodeError as exc:
                raise UsageError(f"`gh api` answered non-JSON for PR #{number}") from exc
        if "Not Found" in result.stderr_text or "404" in result.stderr_text:
            raise UsageError(f"PR #{number} not found in {repo}; check the number")
    return _fetch_rest(repo, number, env)


def _fetch_rest(repo: str, number: int, env: Mapping[str, str]) -> PrInfo:
    api = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    req = urllib.request.Request(
        f"{api}/repos/{repo}/pulls/{number}",
        headers={"Accept": "application/vnd.github+json", "User-Agent": "deep-review"},
    )
    token = env.get("GITHUB_TOKEN") or env.get("GH_TOKEN")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise UsageError(f"PR #{number} not found in {repo}; check the number") from exc
        if exc.code in (401, 403):
            raise UsageError(
                f"GitHub refused access to PR #{number} (HTTP {exc.code}); "
                "run `gh auth login` or set GITHUB_TOKEN"
            ) from exc
        raise UsageError(f"GitHub API error for PR #{number}: HTTP {exc.code}") from exc
    except (urllib.error.URLError, OSError, json.JSONDecodeError) as exc:
        raise UsageError(
            f"cannot reach the GitHub API for PR #{number} ({exc}); install and log in to `gh`, "
            "or set GITHUB_TOKEN and check the network"
        ) from exc
    return _parse(data, number)


def fetch_pr_head(git: Git, number: int, repo: str) -> str:
    ref = f"refs/pull/{number}/head"
    local = f"refs/deep-review/pull/{number}"
    result = git.run(["fetch", "--quiet", "--no-tags", "origin", f"+{ref}:{local}"], check=False)
    if not result.ok:
        tail = result.stderr_text.strip().splitlines()
        raise GitError(
            f"cannot fetch {ref} from origin ({tail[-1] if tail else 'fetch failed'}); "
            f"check that origin is {repo} and PR #{number} exists"
        )
    sha = git.rev(local)
    if sha is None:
        raise GitError(f"fetched {ref} but it does not name a commit")
    return sha


__all__ = ["PrInfo", "fetch_pr", "fetch_pr_head", "git_env", "repo_from_remote"]
