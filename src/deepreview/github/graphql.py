"""GitHub GraphQL queries through the same client: `gh api graphql` when `gh` is logged in, else
an HTTPS POST to the GraphQL endpoint with the token (GraphQL has no anonymous access).

Its own module beside `client` (REST): the endpoint differs on GitHub Enterprise
(`https://host/api/v3` → `https://host/api/graphql`), and an answer can fail inside a 200
(`errors`). Every failure is one `UsageError` line naming `what` was asked for.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

from deepreview import proc
from deepreview.errors import UsageError
from deepreview.github.client import GitHubClient, limit_reset, reset_words
from deepreview.github.unreachable import unreachable_message


def graphql_url(client: GitHubClient) -> str:
    """`<api>/graphql`; GitHub Enterprise's `https://host/api/v3` → `https://host/api/graphql`."""
    api = client.api_url
    return f"{api.removesuffix('/v3')}/graphql" if api.endswith("/api/v3") else f"{api}/graphql"


def graphql(
    client: GitHubClient,
    query: str,
    variables: Mapping[str, str | int],
    *,
    what: str,
    timeout: float = 30.0,
) -> Any:
    """The `data` of a GraphQL query."""
    gh = client._gh()  # the client's own "is gh installed and logged in" check
    if gh is not None:
        argv = [gh, "api", "graphql", "-f", f"query={query}"]
        argv += client.gh_hostname()  # GitHub Enterprise: gh picks its login by host
        for key, value in variables.items():
            # -F converts numbers; -f keeps strings as given (a repo may be named "true").
            argv += ["-F" if isinstance(value, int) else "-f", f"{key}={value}"]
        result = proc.run(argv, cwd=client.cwd, env=client.env, timeout=timeout * 2)
        if result.ok:
            return _data(result.stdout_text, what)
        if not client.token:
            lines = result.stderr_text.strip().splitlines()
            why = "timed out" if result.timed_out else (lines[-1] if lines else "failed")
            raise UsageError(f"`gh api graphql` failed for {what}: {why}")
    if not client.token:
        raise UsageError(f"no GitHub token for {what}: run `gh auth login` or set GITHUB_TOKEN")
    return _post(client, query, variables, what, timeout)


def _post(
    client: GitHubClient,
    query: str,
    variables: Mapping[str, str | int],
    what: str,
    timeout: float,
) -> Any:
    url = graphql_url(client)
    req = urllib.request.Request(
        url,
        data=json.dumps({"query": query, "variables": dict(variables)}).encode(),
        method="POST",
        headers={
            "Accept": "application/vnd.github+json",
            "Content-Type": "application/json",
            "User-Agent": "deep-review",
            "Authorization": f"Bearer {client.token}",
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            text = resp.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        if exc.code == 429 or exc.headers.get("X-RateLimit-Remaining") == "0":
            reset = limit_reset(
                exc.headers.get("Retry-After"), exc.headers.get("X-RateLimit-Reset")
            )
            when = f" {reset_words(reset)}" if reset is not None else ""
            raise UsageError(
                f"GitHub's rate limit is used up for {what} (HTTP {exc.code}); "
                f"wait for it to reset{when} and rerun"
            ) from exc
        if exc.code in (401, 403):
            raise UsageError(
                f"GitHub refused access to {what} (HTTP {exc.code}); "
                "run `gh auth login` or check GITHUB_TOKEN"
            ) from exc
        raise UsageError(f"GitHub API error for {what}: HTTP {exc.code}") from exc
    # HTTPException: an answer cut off, or one that is not HTTP (a wrong port, a proxy)
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        raise UsageError(unreachable_message(url, what, exc, timeout)) from exc
    return _data(text, what)


def _data(text: str, what: str) -> Any:
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


__all__ = ["graphql", "graphql_url"]
