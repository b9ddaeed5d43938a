"""A local fake GitHub: a real HTTP server on 127.0.0.1 that answers the REST routes and the
GraphQL queries Deep Review uses, keeps their state in memory and records every request.

    with FakeGitHub() as gh:
        gh.add_pull("acme/demo", 7, base_sha=..., head_sha=..., files=[...])
        env = {"GITHUB_API_URL": gh.url, "GITHUB_TOKEN": "tok"}
        ...
        assert [r.method for r in gh.requests] == [...]

Its parts: `server` (the server's lifecycle, the state a test sets up, what was asked),
`state` (pull requests, recorded requests), `rest` (the REST routes), `graphql` (the GraphQL
endpoint and its handlers), `failures` (failures on demand), `reply` (what a route answers).

Failures on demand: `gh.fail_next(403, times=2)`, `gh.fail_next(429)`, or
`gh.fail_next(403, rate_limited=True)` (403 with `X-RateLimit-Remaining: 0`, as GitHub does);
GitHub's words with `message=` and `errors=[...]` (a 422's `errors` say what was wrong);
`gh.hold_next(method, path_prefix)` keeps a request unanswered until the test releases it.

GraphQL: `POST /graphql` is dispatched on the operation name (`query Name(...)`), or the first
selected root field when the query is anonymous, through `gh.graphql_handlers` — a dict of
name -> handler(fake, variables, query) returning the `data` object. Add one entry per query.
`{ viewer { login } }` answers `gh.login`, the account every comment is posted as (a Bot), or,
with `gh.viewer_known = False`, the error GitHub gives a token that may not ask.

A review whose comments are not all on RIGHT-side lines of the PR diff at its `commit_id` is
refused with 422, as GitHub does (the whole review, not just the bad comment): `gh.push(...)`
moves a PR's head and keeps the earlier head's files, so a review of an older commit is checked
against that commit's diff (`GET …/compare/BASE...HEAD` answers them too), and a commit the PR
does not have (never had, or lost to `gh.push(..., force=True)`) is refused with GitHub's words.
`add_pull(..., head_repo="fork/demo")` makes a PR from a fork (`head.repo.full_name`).
As GitHub, a compare lists at most 300 files and `GET …/pulls/N/files` at most 3,000.

Each top-level review comment is a review thread for the GraphQL `publishThreads` query
(thread IDs, `resolveReviewThread`); `reviewThreads` serves only the threads a test gives
(`PullState.review_threads`). `POST …/pulls/N/comments/ID/replies` answers.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.fake_github.failures import Hold
from support.fake_github.server import FakeGitHub
from support.fake_github.state import PullState, Recorded, right_side_lines


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    """Import into a test module (`from support.fake_github import fake_github`) to use."""
    with FakeGitHub() as gh:
        yield gh


__all__ = ["FakeGitHub", "Hold", "PullState", "Recorded", "fake_github", "right_side_lines"]
