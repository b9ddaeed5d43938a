"""The fake GitHub's GraphQL endpoint: `POST /graphql` is dispatched on the operation name
(`query Name(...)`), or the first selected root field when the query is anonymous, through
`FakeGitHub.graphql_handlers`, one handler per operation: `viewer` (who the token is),
`reviewThreads` (the threads a test gives a PR), and for `publish` the thread IDs of the review
comments deep-review posted (`publishThreads`) and `resolveReviewThread`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from support.fake_github.reply import Answer, Reply
from support.fake_threads import threads_data

if TYPE_CHECKING:
    from support.fake_github.server import FakeGitHub

GraphQLHandler = Callable[["FakeGitHub", dict[str, Any], str], Any]


class GraphQLErrors(Exception):
    """An answer of `errors` (HTTP 200), as GitHub gives for a query it cannot carry out."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def answer(fake: FakeGitHub, body: dict[str, Any]) -> Reply:
    """The answer to `POST /graphql`: the handler's `data`, or GraphQL's `errors` (HTTP 200)."""
    query = body.get("query")
    if not isinstance(query, str):
        raise Answer(400, {"message": "A query attribute must be specified"})
    m = re.search(r"\b(?:query|mutation)\s+(\w+)", query) or re.search(r"\{\s*(\w+)", query)
    name = m.group(1) if m else ""
    handler = fake.graphql_handlers.get(name)
    if handler is None:
        return Reply(200, {"errors": [{"message": f"fake GitHub has no handler for {name!r}"}]})
    try:
        data = handler(fake, body.get("variables") or {}, query)
    except GraphQLErrors as exc:
        return Reply(200, {"errors": [{"message": exc.message}]})
    return Reply(200, {"data": data})


def _viewer(fake: FakeGitHub, variables: dict[str, Any], query: str) -> Any:
    """`viewer { login }`: who the token is."""
    if not fake.viewer_known:
        error = {"type": "FORBIDDEN", "message": "Resource not accessible by integration"}
        raise Answer(200, {"data": None, "errors": [error]})
    return {"viewer": {"login": fake.login}}


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


HANDLERS: dict[str, GraphQLHandler] = {
    "viewer": _viewer,
    "reviewThreads": _review_threads,
    "publishThreads": _publish_threads,
    "resolveReviewThread": _resolve_thread,
}
