"""The GitHub API client: `gh api` when `gh` is installed and logged in, else HTTPS with
`GITHUB_TOKEN` / `GH_TOKEN` (`GITHUB_API_URL` for GitHub Enterprise and for tests).

Every failure becomes one `UsageError` line that says what to do (log in, check the number,
check the network); callers name the object they asked for with `what`.
"""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from deepreview import proc
from deepreview.errors import UsageError

DEFAULT_API: Final = "https://api.github.com"


@dataclass(frozen=True)
class GitHubClient:
    env: Mapping[str, str]
    cwd: Path  # where `gh` runs (it reads the repository's own config there)
    graphql_timeout: float = 30.0  # seconds per GraphQL request (a test shortens it)

    @property
    def api_url(self) -> str:
        return self.env.get("GITHUB_API_URL", DEFAULT_API).rstrip("/")

    @property
    def token(self) -> str | None:
        return self.env.get("GITHUB_TOKEN") or self.env.get("GH_TOKEN")

    def _gh(self) -> str | None:
        """`gh`, when it is installed and logged in."""
        gh = shutil.which("gh", path=self.env.get("PATH"))
        if gh and proc.run([gh, "auth", "status"], cwd=self.cwd, env=self.env, timeout=20).ok:
            return gh
        return None

    def get_json(self, path: str, *, what: str, not_found: str | None = None) -> Any:
        """GET `path` (e.g. `repos/o/n/pulls/1`) as JSON; `what` names it in errors,
        `not_found` is the whole message for a 404."""
        missing = not_found or f"{what} not found; check that it exists"
        gh = self._gh()
        if gh is not None:
            result = proc.run([gh, "api", path], cwd=self.cwd, env=self.env, timeout=60)
            if result.ok:
                try:
                    return json.loads(result.stdout_text)
                except json.JSONDecodeError as exc:
                    raise UsageError(f"`gh api` answered non-JSON for {what}") from exc
            if "Not Found" in result.stderr_text or "404" in result.stderr_text:
                raise UsageError(missing)
        return self._get_rest(path, what, missing)

    @property
    def graphql_url(self) -> str:
        """`<api>/graphql`; GitHub Enterprise's `https://host/api/v3` → `https://host/api/graphql`."""
        api = self.api_url
        return f"{api.removesuffix('/v3')}/graphql" if api.endswith("/api/v3") else f"{api}/graphql"

    def graphql(self, query: str, variables: Mapping[str, str | int], *, what: str) -> Any:
        """The `data` of a GraphQL query, via `gh api graphql` when logged in, else an HTTPS POST
        with the token. GraphQL has no anonymous access: without either, a `UsageError`."""
        gh = self._gh()
        if gh is not None:
            argv = [gh, "api", "graphql", "-f", f"query={query}"]
            host = urllib.parse.urlsplit(self.api_url).hostname
            if host and self.api_url != DEFAULT_API:
                argv += ["--hostname", host]  # GitHub Enterprise: gh picks its login by host
            for key, value in variables.items():
                # -F converts numbers; -f keeps strings as given (a repo may be named "true").
                argv += ["-F" if isinstance(value, int) else "-f", f"{key}={value}"]
            result = proc.run(argv, cwd=self.cwd, env=self.env, timeout=self.graphql_timeout * 2)
            if result.ok:
                return self._graphql_data(result.stdout_text, what)
            if not self.token:
                lines = result.stderr_text.strip().splitlines()
                why = "timed out" if result.timed_out else (lines[-1] if lines else "failed")
                raise UsageError(f"`gh api graphql` failed for {what}: {why}")
        if not self.token:
            raise UsageError(f"no GitHub token for {what}: run `gh auth login` or set GITHUB_TOKEN")
        body = json.dumps({"query": query, "variables": dict(variables)}).encode()
        req = urllib.request.Request(
            self.graphql_url,
            data=body,
            method="POST",
            headers={
                "Accept": "application/vnd.github+json",
                "Content-Type": "application/json",
                "User-Agent": "deep-review",
                "Authorization": f"Bearer {self.token}",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=self.graphql_timeout) as resp:
                text = resp.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as exc:
            if exc.code == 429 or exc.headers.get("X-RateLimit-Remaining") == "0":
                raise UsageError(
                    f"GitHub's rate limit is used up for {what} (HTTP {exc.code}); "
                    "wait for it to reset and rerun"
                ) from exc
            if exc.code in (401, 403):
                raise UsageError(
                    f"GitHub refused access to {what} (HTTP {exc.code}); "
                    "run `gh auth login` or check GITHUB_TOKEN"
                ) from exc
            raise UsageError(f"GitHub API error for {what}: HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise UsageError(
                f"cannot reach the GitHub API for {what} ({exc}); check the network"
            ) from exc
        return self._graphql_data(text, what)

    @staticmethod
    def _graphql_data(text: str, what: str) -> Any:
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(f"GitHub answered non-JSON for {what}") from exc
        if not isinstance(doc, dict):
            raise UsageError(f"GitHub answered an unexpected document for {what}")
        errors = doc.get("errors")
        if errors:
            first = errors[0] if isinstance(errors, list) and errors else {}
            msg = first.get("message", "error") if isinstance(first, dict) else str(first)
            raise UsageError(f"GitHub GraphQL error for {what}: {str(msg)[:200]}")
        return doc.get("data")

    def _get_rest(self, path: str, what: str, missing: str) -> Any:
        req = urllib.request.Request(
            f"{self.api_url}/{path}",
            headers={"Accept": "application/vnd.github+json", "User-Agent": "deep-review"},
        )
        if self.token:
            req.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                raise UsageError(missing) from exc
            if exc.code in (401, 403):
                raise UsageError(
                    f"GitHub refused access to {what} (HTTP {exc.code}); "
                    "run `gh auth login` or set GITHUB_TOKEN"
                ) from exc
            raise UsageError(f"GitHub API error for {what}: HTTP {exc.code}") from exc
        except (urllib.error.URLError, OSError, json.JSONDecodeError) as exc:
            raise UsageError(
                f"cannot reach the GitHub API for {what} ({exc}); install and log in to `gh`, "
                "or set GITHUB_TOKEN and check the network"
            ) from exc


__all__ = ["DEFAULT_API", "GitHubClient"]
