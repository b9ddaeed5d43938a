"""Which GitHub repository a git remote URL names: on github.com, or on the GitHub Enterprise
host the environment names (`GITHUB_SERVER_URL` and `GITHUB_API_URL` in Actions, `GH_HOST` for
`gh`)."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from deepreview.errors import UsageError

DEFAULT_HOST: Final = "github.com"
_SCHEME: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(?P<rest>.*)$")
# scp-like `[user@]host:owner/name`: no slash before the colon (`./a:b` is a path)
_SCP: Final = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>.*)$")
_NAME: Final = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
# `GH_REPO` as `gh` reads it: `owner/name`, or `host/owner/name` (a GitHub Enterprise host)
_GH_REPO: Final = re.compile(
    r"^(?:(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?)/)?"
    r"(?P<name>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)$"
)


@dataclass(frozen=True)
class RemoteRepo:
    host: str  # github.com, or a GitHub Enterprise host
    name: str  # owner/name

    @property
    def web_url(self) -> str:
        return f"https://{self.host}/{self.name}"


def url_host(url: str | None) -> str | None:
    """The lower-case host of an http(s) URL, None for anything else."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower()


def github_hosts(env: Mapping[str, str] | None) -> frozenset[str]:
    """github.com and the GitHub Enterprise host(s) the environment is set up for: a remote on
    one of them names a GitHub repository."""
    hosts = {DEFAULT_HOST}
    env = env or {}
    for var in ("GITHUB_SERVER_URL", "GITHUB_API_URL"):
        host = url_host(env.get(var))
        if host and host != "api.github.com":
            # GHES serves its API at HOST/api/v3; GHE.com at api.SUBDOMAIN.ghe.com
            hosts |= {host, host.removeprefix("api.")}
    if gh_host := env.get("GH_HOST", "").strip().lower():
        hosts.add(gh_host)
    return frozenset(hosts)


def remote_repo(url: str, env: Mapping[str, str] | None = None) -> RemoteRepo | None:
    """The repository of a remote URL (https, ssh, scp-like) on a GitHub host, else None."""
    url = url.strip()
    if m := _SCHEME.match(url):
        host, _, path = m["rest"].partition("/")
    elif m := _SCP.match(url):
        host, path = m["host"], m["path"]
    else:
        return None
    host = host.rpartition("@")[2].partition(":")[0].lower()  # no credentials, no port
    name = path.strip("/").removesuffix(".git").strip("/")
    if host not in github_hosts(env) or not _NAME.match(name):
        return None
    return RemoteRepo(host, name)


def gh_repo(env: Mapping[str, str]) -> RemoteRepo | None:
    """The repository `GH_REPO` names (None when it is unset): `owner/name` is on github.com,
    `host/owner/name` on that host, as for `gh`."""
    value = env.get("GH_REPO", "").strip()
    if not value:
        return None
    m = _GH_REPO.match(value)
    if m is None:
        raise UsageError(
            f"GH_REPO {value!r} is not a repository; set it to OWNER/NAME or HOST/OWNER/NAME "
            "(e.g. octo/app or github.example.com/octo/app), or unset it"
        )
    return RemoteRepo((m["host"] or DEFAULT_HOST).lower(), m["name"])


def with_gh_repo_api(env: Mapping[str, str]) -> dict[str, str]:
    """`env` with the API of `GH_REPO`'s host: a GitHub Enterprise host serves it at
    `https://HOST/api/v3`. A GITHUB_API_URL that is set wins (tests, a proxy, --github-api)."""
    out = dict(env)
    named = gh_repo(env)
    if named is not None and named.host != DEFAULT_HOST and not env.get("GITHUB_API_URL"):
        out["GITHUB_API_URL"] = f"https://{named.host}/api/v3"
    return out


def repo_from_url(url: str, env: Mapping[str, str] | None = None) -> str | None:
    """`owner/name` for a remote URL on github.com (or the configured GitHub Enterprise host),
    else None."""
    found = remote_repo(url, env)
    return found.name if found else None


__all__ = [
    "DEFAULT_HOST",
    "RemoteRepo",
    "gh_repo",
    "github_hosts",
    "remote_repo",
    "repo_from_url",
    "url_host",
    "with_gh_repo_api",
]
