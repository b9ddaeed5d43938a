"""The fake GitHub itself: routes, pagination, failures on demand, GraphQL dispatch."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from support.fake_github import FakeGitHub, right_side_lines

PATCH = "@@ -1,2 +1,3 @@\n line one\n-old two\n+new two\n+new three\n"


def _call(gh: FakeGitHub, method: str, path: str, body: Any = None) -> tuple[int, Any, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{gh.url}{path}", data=data, method=method)
    req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, json.loads(resp.read()), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read()), dict(exc.headers)


def test_right_side_lines() -> None:
    assert right_side_lines(PATCH) == {1, 2, 3}
    assert right_side_lines("@@ -10,3 +20,2 @@\n a\n-b\n c\n") == {20, 21}


def test_comments_paginate_and_patch() -> None:
    with FakeGitHub() as gh:
        gh.add_pull("o/n", 3)
        for i in range(35):
            status, made, _ = _call(gh, "POST", "/repos/o/n/issues/3/comments", {"body": f"c{i}"})
            assert status == 201
        status, first, headers = _call(gh, "GET", "/repos/o/n/issues/3/comments?per_page=30")
        assert len(first) == 30 and 'rel="next"' in headers["Link"]
        status, second, headers = _call(
            gh, "GET", "/repos/o/n/issues/3/comments?per_page=30&page=2"
        )
        assert len(second) == 5 and "Link" not in headers
        status, _patched, _ = _call(
            gh, "PATCH", f"/repos/o/n/issues/comments/{made['id']}", {"body": "x"}
        )
        assert status == 200 and gh.pull("o/n", 3).issue_comments[-1]["body"] == "x"
        assert [r.method for r in gh.writes].count("PATCH") == 1


def test_review_comments_must_be_on_the_diff() -> None:
    with FakeGitHub() as gh:
        gh.add_pull("o/n", 3, files=[{"filename": "a.py", "status": "modified", "patch": PATCH}])
        ok = {
            "event": "COMMENT",
            "comments": [{"path": "a.py", "line": 3, "side": "RIGHT", "body": "b"}],
        }
        assert _call(gh, "POST", "/repos/o/n/pulls/3/reviews", ok)[0] == 200
        bad = {
            "event": "COMMENT",
            "comments": [{"path": "a.py", "line": 9, "side": "RIGHT", "body": "b"}],
        }
        assert _call(gh, "POST", "/repos/o/n/pulls/3/reviews", bad)[0] == 422
        assert len(gh.pull("o/n", 3).review_comments) == 1


@pytest.mark.parametrize("status", [401, 403, 404, 422, 429])
def test_fail_next(status: int) -> None:
    with FakeGitHub() as gh:
        gh.add_pull("o/n", 3)
        gh.fail_next(status, times=2)
        assert _call(gh, "GET", "/repos/o/n/pulls/3")[0] == status
        assert _call(gh, "GET", "/repos/o/n/pulls/3")[0] == status
        assert _call(gh, "GET", "/repos/o/n/pulls/3")[0] == 200


def test_rate_limited_403_and_token_check() -> None:
    with FakeGitHub(token="t") as gh:
        gh.add_pull("o/n", 3)
        gh.fail_next(403, rate_limited=True)
        status, _body, headers = _call(gh, "GET", "/repos/o/n/pulls/3")
        assert status == 403 and headers["X-RateLimit-Remaining"] == "0"
        assert _call(gh, "GET", "/repos/o/n/pulls/3")[0] == 401  # no token sent


def test_graphql_dispatch_by_query_name() -> None:
    with FakeGitHub() as gh:
        gh.graphql_handlers["Threads"] = lambda fake, variables, query: {"n": variables["n"]}
        status, body, _ = _call(
            gh, "POST", "/graphql", {"query": "query Threads($n: Int) { x }", "variables": {"n": 2}}
        )
        assert status == 200 and body == {"data": {"n": 2}}
        _status, body, _ = _call(gh, "POST", "/graphql", {"query": "query Other { x }"})
        assert "errors" in body
