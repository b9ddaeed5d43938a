"""Who the token is: the login GitHub shows as the author of what it posts.

GraphQL's `viewer` answers for every kind of token: a person's (`gh` login, a personal token)
and a GitHub App installation token such as Actions' `GITHUB_TOKEN` (`github-actions[bot]`,
`NAME[bot]`), which may not ask REST `GET /user` and cannot ask `GET /app` (that needs the
App's own JWT).
"""

from __future__ import annotations

from deepreview.errors import UsageError
from deepreview.github.client import GitHubClient
from deepreview.github.graphql import graphql

_QUERY = "{ viewer { login } }"


def viewer_login(client: GitHubClient) -> str | None:
    """The token's login, or None when GitHub will not say (the caller decides without it)."""
    try:
        data = graphql(client, _QUERY, {}, what="the login of the GitHub token", timeout=15)
    except UsageError:
        return None
    viewer = data.get("viewer") if isinstance(data, dict) else None
    login = viewer.get("login") if isinstance(viewer, dict) else None
    return login if isinstance(login, str) and login else None


__all__ = ["viewer_login"]
