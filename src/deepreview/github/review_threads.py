"""A pull request's review threads by the database ID of their first comment, and the mutation
that resolves one: `publish` resolves the thread of an inline comment whose finding a later
round found fixed.

GraphQL only (REST has no thread IDs and cannot resolve). The answer is untrusted: anything not
of the expected shape is skipped, never an error; a thread is named by a node ID string.
"""

from __future__ import annotations

from typing import Any, Final

from deepreview.github.client import GitHubClient
from deepreview.github.graphql import graphql

PAGE_SIZE: Final = 100
MAX_PAGES: Final = 30  # as `threads.MAX_PAGES`: 3,000 threads

QUERY: Final = f"""\
query publishThreads($owner: String!, $name: String!, $number: Int!, $after: String) {{
  repository(owner: $owner, name: $name) {{
    pullRequest(number: $number) {{
      reviewThreads(first: {PAGE_SIZE}, after: $after) {{
        pageInfo {{ hasNextPage endCursor }}
        nodes {{ id isResolved comments(first: 1) {{ nodes {{ databaseId }} }} }}
      }}
    }}
  }}
}}"""

RESOLVE: Final = """\
mutation resolveReviewThread($thread: ID!) {
  resolveReviewThread(input: {threadId: $thread}) { thread { id isResolved } }
}"""


def _get(doc: Any, *keys: str) -> Any:
    for key in keys:
        doc = doc.get(key) if isinstance(doc, dict) else None
    return doc


def thread_ids(client: GitHubClient, repo: str, number: int) -> dict[int, tuple[str, bool]]:
    """First comment's database ID -> (thread node ID, resolved already). Raises `UsageError`
    (GraphQL's one line) when GitHub does not answer."""
    owner, _, name = repo.partition("/")
    found: dict[int, tuple[str, bool]] = {}
    after: str | None = None
    for _ in range(MAX_PAGES):
        variables: dict[str, str | int] = {"owner": owner, "name": name, "number": number}
        if after is not None:
            variables["after"] = after
        data = graphql(client, QUERY, variables, what=f"the review threads of PR #{number}")
        threads = _get(data, "repository", "pullRequest", "reviewThreads")
        for node in _get(threads, "nodes") or []:
            first = (_get(node, "comments", "nodes") or [None])[0]
            cid, tid = _get(first, "databaseId"), _get(node, "id")
            if isinstance(cid, int) and isinstance(tid, str):
                found[cid] = (tid, _get(node, "isResolved") is True)
        after = _get(threads, "pageInfo", "endCursor")
        if _get(threads, "pageInfo", "hasNextPage") is not True or not isinstance(after, str):
            break
    return found


__all__ = ["QUERY", "RESOLVE", "thread_ids"]
