"""The GitHub API client: `gh api` when `gh` is installed and logged in, else HTTPS with
`GITHUB_TOKEN` / `GH_TOKEN` (`GITHUB_API_URL` for GitHub Enterprise and for tests).

Both paths send the same requests (method, path, JSON body); lists are read page by page with
`per_page=100&page=N` until a short page, so neither path depends on `Link` headers.

Every failure becomes one `GitHubError` line that says what to do (log in, check the number,
grant the permission, wait for the rate limit); callers name the object they asked for with
`what`.
"""

from __future__ import annotations

import functools
import http.client
import json
import math
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from deepreview import proc
from deepreview.errors import GitHubError
from deepreview.github.unreachable import unreachable_message

DEFAULT_API: Final = "https://api.github.com"
PER_PAGE: Final = 100
MAX_PAGES: Final = 50  # 5,000 items: a PR with more comments than this is not worth reading all
RETRY_PAUSE_S: Final = 1.0  # before asking a read again that GitHub answered with a 5xx
_GH_STATUS: Final = re.compile(r"\(HTTP (\d{3})\)|HTTP (\d{3}):")
_RATE_LIMIT: Final = re.compile(r"rate limit", re.IGNORECASE)


@dataclass(frozen=True)
class HttpFailure:
    status: int
    message: str  # GitHub's own `message`, one line, untrusted: shown trimmed
    rate_limited: bool
    reset_at: int | None = None  # X-RateLimit-Reset: epoch seconds, when GitHub said
    errors: str = ""  # GitHub's `errors` list, flattened: a 422 says there what was wrong

    def error(self, what: str, not_found: str | None = None, *, write: bool = False) -> GitHubError:
        return GitHubError(
            failure_message(self, what, not_found, write=write),
            status=self.status,
            detail=f"{self.message}; {self.errors}" if self.errors else self.message,
            rate_limited=self.rate_limited,
        )


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def failure_message(
    failure: HttpFailure, what: str, not_found: str | None = None, *, write: bool = False
) -> str:
    """The one line a user reads for a failed request (`write`: one that creates or changes
    something)."""
    code = failure.status
    said = f": {_one_line(failure.message)}" if failure.message else ""
    if failure.rate_limited or code == 429:
        when = "(an hour at most)" if failure.reset_at is None else reset_words(failure.reset_at)
        return (
            f"GitHub rate limit reached ({what}: HTTP {code}); "
            f"wait for it to reset {when} and run the command again"
        )
    if code == 404 and write:
        # GitHub answers 404, not 403, to a token that cannot see a private repository: what
        # a write creates cannot be missing.
        return (
            f"GitHub refused writing {what} (HTTP 404): the token cannot see the "
            "repository, or the PR is gone; run `gh auth login` or set GITHUB_TOKEN to a "
            "token with access to the repository"
        )
    if code == 404:
        return (
            not_found
            or f"{what} not found (HTTP 404); check that it exists and the token can see it"
        )
    if code == 401:
        return (
            f"GitHub rejected the credentials for {what} (HTTP 401); "
            "run `gh auth login` or set a valid GITHUB_TOKEN"
        )
    if code == 403:
        return (
            f"GitHub refused access to {what} (HTTP 403{said}); run `gh auth login` or set "
            "GITHUB_TOKEN with `pull-requests: write` (in Actions: `permissions:`)"
        )
    if code in (301, 307, 308):
        # A read follows the redirect; a write is not re-sent to wherever it points.
        return (
            f"GitHub redirected {what} (HTTP {code}): the repository was renamed or "
            "transferred; point the `origin` remote (or GH_REPO) at its new name and review "
            "the PR again"
        )
    if code == 422:
        return f"GitHub rejected {what} (HTTP 422{said}); the PR may have changed, review it again"
    if code >= 500:
        return (
            f"GitHub could not answer for {what} (HTTP {code}{said}), a fault on GitHub's side; "
            "try again in a few minutes (https://www.githubstatus.com)"
        )
    return f"GitHub API error for {what}: HTTP {code}{said}"


def limit_reset(retry_after: str | None, rate_limit_reset: str | None) -> int | None:
    """When the limit GitHub hit us with resets (epoch seconds): `Retry-After` first (the
    secondary limit on bursts of writes says how long to wait there, while `X-RateLimit-Reset`
    is the hourly limit's, an hour away or past), else `X-RateLimit-Reset`."""
    wait = (retry_after or "").strip()
    if wait.isdigit():
        return int(time.time()) + int(wait)
    reset = (rate_limit_reset or "").strip()
    return int(reset) if reset.isdigit() else None


def reset_words(reset_at: int, now: float | None = None) -> str:
    """When a rate limit resets, as GitHub's `X-RateLimit-Reset` says (epoch seconds): a date
    and time in UTC and how long from now (`(at 2026-12-05 23:58 UTC, in 2 h 30 min)`), since
    a bare `23:58` may be tomorrow, or read as local time."""
    stamp = datetime.fromtimestamp(reset_at, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
    left = reset_at - (time.time() if now is None else now)
    if left <= 0:
        return f"(at {stamp}, already past)"
    minutes = math.ceil(left / 60)
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        span = f"{minutes} min"
    elif rest == 0:
        span = f"{hours} h"
    else:
        span = f"{hours} h {rest} min"
    return f"(at {stamp}, in {span})"


def _body_message(raw: bytes) -> tuple[str, str]:
    """GitHub's `message`, and its `errors` (strings, or objects with `message`, `field`,
    `code`) flattened to one line."""
    try:
        data = json.loads(raw.decode("utf-8", errors="replace") or "{}")
    except json.JSONDecodeError:
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    msg = data.get("message")
    errors = data.get("errors")
    said: list[str] = []
    for item in errors if isinstance(errors, list) else []:
        if isinstance(item, str):
            said.append(item)
        elif isinstance(item, dict):
            parts = (item.get(k) for k in ("field", "code", "message"))
            said.append(" ".join(p for p in parts if isinstance(p, str) and p))
    return (msg if isinstance(msg, str) else ""), _one_line("; ".join(said), 500)


@dataclass(frozen=True)
class GitHubClient:
    env: Mapping[str, str]
    cwd: Path  # where `gh` runs (it reads the repository's own config there)

    @property
    def api_url(self) -> str:
        url = self.env.get("GITHUB_API_URL", DEFAULT_API).rstrip("/")
        # urllib also opens file: and ftp: URLs; GitHub is only ever asked over HTTP(S).
        if not url.startswith(("https://", "http://")):
            raise GitHubError(
                f"GITHUB_API_URL {url!r} is not an http(s) URL; unset it or give "
                "https://HOST/api/v3 (GitHub Enterprise)"
            )
        return url

    @property
    def token(self) -> str | None:
        return self.env.get("GITHUB_TOKEN") or self.env.get("GH_TOKEN")

    @functools.cached_property
    def _gh_path(self) -> str | None:
        # Asked once per client: a publish sends many requests.
        gh = proc.which("gh", self.env)
        if gh and proc.run([gh, "auth", "status"], cwd=self.cwd, env=self.env, timeout=20).ok:
            return gh
        return None

    def _gh(self) -> str | None:
        """`gh`, when it is installed and logged in."""
        return self._gh_path

    def gh_hostname(self) -> list[str]:
        """`gh api` asks its default host (github.com, or $GH_HOST) whatever the API URL: a
        GitHub Enterprise API URL names its host, for REST as for GraphQL."""
        host = urllib.parse.urlsplit(self.api_url).hostname
        return ["--hostname", host] if host and self.api_url != DEFAULT_API else []

    def has_credentials(self) -> bool:
        """Whether requests go out authenticated: a token, or `gh` logged in."""
        return bool(self.token) or self._gh() is not None

    def get_json(self, path: str, *, what: str, not_found: str | None = None) -> Any:
        """GET `path` (e.g. `repos/o/n/pulls/1`) as JSON; `what` names it in errors,
        `not_found` is the whole message for a 404."""
        return self.request("GET", path, what=what, not_found=not_found)

    def get_pages(self, path: str, *, what: str, max_pages: int = MAX_PAGES) -> list[Any]:
        """Every item of a list endpoint, all pages (`max_pages` at most)."""
        items: list[Any] = []
        sep = "&" if "?" in path else "?"
        for page in range(1, max_pages + 1):
            chunk = self.request("GET", f"{path}{sep}per_page={PER_PAGE}&page={page}", what=what)
            if not isinstance(chunk, list):
                raise GitHubError(f"GitHub answered a non-list for {what}; is the API URL right?")
            items.extend(chunk)
            if len(chunk) < PER_PAGE:
                break
        return items

    def request(
        self,
        method: str,
        path: str,
        *,
        what: str,
        body: Any = None,
        not_found: str | None = None,
    ) -> Any:
        """`method` on `path` with an optional JSON `body`; the JSON answer (None when empty).
        A read GitHub answers with a 5xx (mostly a passing fault) is asked once more; a write is
        not: it may have landed all the same, and a second one would post twice."""
        try:
            return self._request_once(method, path, what=what, body=body, not_found=not_found)
        except GitHubError as exc:
            if method != "GET" or exc.status is None or exc.status < 500:
                raise
        time.sleep(RETRY_PAUSE_S)
        return self._request_once(method, path, what=what, body=body, not_found=not_found)

    def _request_once(
        self, method: str, path: str, *, what: str, body: Any, not_found: str | None
    ) -> Any:
        gh = self._gh()
        if gh is not None:
            return self._via_gh(gh, method, path, body, what, not_found)
        return self.https(method, path, what=what, body=body, not_found=not_found)

    def _via_gh(
        self, gh: str, method: str, path: str, body: Any, what: str, not_found: str | None
    ) -> Any:
        # `gh api PATH` is a GET; writes name their method and send the body on stdin.
        argv = [gh, "api", path] if method == "GET" else [gh, "api", path, "--method", method]
        argv += self.gh_hostname()
        stdin = None
        if body is not None:
            argv += ["--input", "-"]
            stdin = json.dumps(body).encode("utf-8")
        result = proc.run(argv, cwd=self.cwd, env=self.env, timeout=60, stdin=stdin)
        if result.ok:
            text = result.stdout_text.strip()
            try:
                return json.loads(text) if text else None
            except json.JSONDecodeError as exc:
                raise GitHubError(f"`gh api` answered non-JSON for {what}") from exc
        said = f"{result.stderr_text}\n{result.stdout_text}"
        m = _GH_STATUS.search(said)
        if m is None:
            raise GitHubError(
                f"`gh api` failed for {what}: {_one_line(result.stderr_text or 'no output')}; "
                "check `gh auth status` and the network"
            )
        status = int(m.group(1) or m.group(2))
        message, errors = _body_message(result.stdout)
        limited = bool(_RATE_LIMIT.search(said))
        failure = HttpFailure(status, message, limited, errors=errors)
        raise failure.error(what, not_found, write=method != "GET")

    def https(
        self,
        method: str,
        path: str,
        *,
        what: str,
        body: Any = None,
        not_found: str | None = None,
        timeout: float = 30,
    ) -> Any:
        """`request` over HTTPS only (the token, if any), never through `gh`: for callers that
        have asked `gh` their own way already."""
        data = json.dumps(body).encode("utf-8") if body is not None else None
        url = f"{self.api_url}/{path.lstrip('/')}"
        req = urllib.request.Request(
            url,
            data=data,
            method=method,
            headers={"Accept": "application/vnd.github+json", "User-Agent": "deep-review"},
        )
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read().decode("utf-8")
                return json.loads(raw) if raw.strip() else None
        except urllib.error.HTTPError as exc:
            raw_body = exc.read() if exc.fp is not None else b""
            message, errors = _body_message(raw_body)
            headers = exc.headers
            limited = bool(headers and headers.get("X-RateLimit-Remaining") == "0")
            failure = HttpFailure(
                exc.code,
                message,
                limited or bool(_RATE_LIMIT.search(message)),
                limit_reset(
                    headers.get("Retry-After") if headers else None,
                    headers.get("X-RateLimit-Reset") if headers else None,
                ),
                errors,
            )
            raise failure.error(what, not_found, write=method != "GET") from exc
        # ValueError: http.client's InvalidURL too (a path no request line can carry).
        # HTTPException: an answer cut off, or one that is not HTTP (a wrong port, a proxy)
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
            raise GitHubError(unreachable_message(url, what, exc, timeout)) from exc


__all__ = [
    "DEFAULT_API",
    "GitHubClient",
    "HttpFailure",
    "failure_message",
    "limit_reset",
    "reset_words",
]
