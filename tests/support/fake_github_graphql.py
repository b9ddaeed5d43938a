"""The fake GitHub's GraphQL handlers (`FakeGitHub.graphql_handlers`), one per operation:
`reviewThreads` (the threads a test gives a PR), and for `publish` the thread IDs of the review
comments deep-review posted (`publishThreads`) and `resolveReviewThread`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from support.fake_threads import threads_data

if TYPE_CHECKING:
    from support.fake_github import FakeGitHub


class GraphQLErrors(Exception):
    """An answer of `errors` (HTTP 200), as GitHub gives for a query it cannot carry out."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _review_threads(fake: FakeGitHub, variables: dict[str, Any], query: str) -> Any:
    """`reviewThreads`: the PR's `review_threads` (GraphQL nodes, see `fake_threads.thread`),
    100 per page after the `after` cursor."""
    key = (f"{variables.get('owner')}/{variables.get('name')}", int(variables.get("number", 0)))
    pull = fake.pulls.get(key)
    if pull is None:
        return {"repository": {"pullRequest": None}}
    return threads_data(pull.review_threads, variables)


def _publish_threads(fake: FakeGitHub, variables: dict[str, Any], query: str) -> Any:
    """`publishThreads`: one thread per top-level review comment, its node ID, whether it is
    resolved and its first comment's database ID (one page: tests post few)."""
    key = (f"{variables.get('owner')}/{variables.get('name')}", int(variables.get("number", 0)))
    pull = fake.pulls.get(key)
    if pull is None:
        return {"repository": {"pullRequest": None}}
    nodes = [
        {
            "id": f"PRRT_{c['id']}",
            "isResolved": f"PRRT_{c['id']}" in pull.resolved_threads,
            "comments": {"nodes": [{"databaseId": c["id"]}]},
        }
        for c in pull.review_comments
        if not c.get("in_reply_to_id")
    ]
    info = {"hasNextPage": False, "endCursor": None}
    return {"repository": {"pullRequest": {"reviewThreads": {"pageInfo": info, "nodes": nodes}}}}


def _resolve_thread(fake: FakeGitHub, variables: dict[str, Any], query: str) -> Any:
    """`resolveReviewThread(input: {threadId: $thread})`."""
    thread = str(variables.get("thread"))
    for pull in fake.pulls.values():
        if any(f"PRRT_{c['id']}" == thread for c in pull.review_comments):
            pull.resolved_threads.add(thread)
            return {"resolveReviewThread": {"thread": {"id": thread, "isResolved": True}}}
    raise GraphQLErrors(f"Could not resolve to a node with ID {thread}")


HANDLERS = {
    "reviewThreads": _review_threads,
    "publishThreads": _publish_threads,
    "resolveReviewThread": _resolve_thread,
}
