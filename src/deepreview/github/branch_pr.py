"""The open pull request whose head is a branch: a branch review then continues the PR's round
series. `gh pr list --head BRANCH` when `gh` is installed (and logged in: otherwise it fails at
once), else REST `GET repos/{o}/{n}/pulls?head={o}:{branch}&state=open` with the client's token.

Asking is optional (the caller asks only with a token or a `gh` on PATH), and every request
is bounded by a short timeout. The answer is untrusted and validated.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass
from typing import Any, Final

from deepreview import proc
from deepreview.errors import UsageError
from deepreview.github.client import GitHubClient

# A branch review does not wait longer than this for GitHub (it needs the answer only for the
# report's round series, and asks while the seats run).
LOOKUP_TIMEOUT_S: Final = 5.0


@dataclass(frozen=True)
class BranchPr:
    number: int
    url: str | None = None


def parse_pr_list(data: Any) -> BranchPr | None:
    """The first open PR of a `gh pr list --json number,url` or REST `pulls` answer."""
    if not isinstance(data, list):
        raise UsageError("GitHub answered a non-list for the open PRs of a branch")
    for item in data:
        number = item.get("number") if isinstance(item, dict) else None
        if isinstance(number, int) and not isinstance(number, bool) and number > 0:
            url = item.get("url") or item.get("html_url")
            return BranchPr(number, url if isinstance(url, str) else None)
    return None


def open_pr_for_branch(
    client: GitHubClient,
    repo: str,
    branch: str,
    *,
    timeout: float = LOOKUP_TIMEOUT_S,
    cancel: threading.Event | None = None,
) -> BranchPr | None:
    """The open PR of `repo` (`owner/name`) whose head is `branch`, or None when there is none.

    Raises `UsageError` when GitHub could not be asked (not logged in, no token, network,
    timeout, a strange answer); the caller decides whether that matters. `cancel` stops `gh`.
    """
    gh = proc.which("gh", client.env)
    gh_failure = ""
    if gh is not None:
        argv = [gh, "pr", "list", "--repo", repo, "--head", branch, "--state", "open"]
        result = proc.run(
            [*argv, "--json", "number,url"],
            cwd=client.cwd,
            env=client.env,
            timeout=timeout,
            cancel=cancel,
        )
        if result.ok:
            return parse_pr_list(_json(result.stdout_text))
        gh_failure = f"`gh pr list` failed ({result.describe_failure()})"
    if cancel is not None and cancel.is_set():
        raise UsageError("the PR lookup was cancelled")
    if not client.token:
        raise UsageError(gh_failure or "no `gh` and no GITHUB_TOKEN to ask GitHub with")
    owner = repo.split("/", 1)[0]
    query = urllib.parse.urlencode({"head": f"{owner}:{branch}", "state": "open"})
    data = client.https(
        "GET", f"repos/{repo}/pulls?{query}", what=f"the open PRs of {branch}", timeout=timeout
    )
    return parse_pr_list(data)


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError("GitHub answered non-JSON for the open PRs of a branch") from exc


__all__ = ["LOOKUP_TIMEOUT_S", "BranchPr", "open_pr_for_branch", "parse_pr_list"]
