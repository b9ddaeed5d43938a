"""The GitHub API client: `gh api` when `gh` is installed and logged in, else HTTPS with
`GITHUB_TOKEN` / `GH_TOKEN` (`GITHUB_API_URL` for GitHub Enterprise and for tests).

Every failure becomes one `UsageError` line that says what to do (log in, check the number,
check the network); callers name the object they asked for with `what`.
"""

from __future__ import annotations

import json
import shutil
import urllib.error
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
