"""Fetching a PR's unresolved review threads: GraphQL over HTTPS with the token, or `gh api
graphql` when gh is logged in; pages of 100; resolved threads left out; failures become a note."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from deepreview.github.client import GitHubClient
from deepreview.github.graphql import graphql_url
from deepreview.github.threads import NOT_FETCHED, fetch_threads, parse_page, unresolved
from support.fake_github import FakeGitHub
from support.fake_threads import GraphQLServer, fake_gh_script, graphql_server, thread

NO_GH = {"PATH": "/usr/bin:/bin"}  # no `gh` on PATH: the HTTPS path


def _client(tmp_path: Path, env: dict[str, str]) -> GitHubClient:
    return GitHubClient({**NO_GH, **env}, tmp_path)


def test_https_posts_the_query_with_the_token_and_keeps_unresolved(tmp_path: Path) -> None:
    server = GraphQLServer(
        threads=[
            thread("calc.py", 3, "Division by zero here?", author="bob"),
            thread("calc.py", 9, "Done already", resolved=True),
            thread("util.py", None, "This moved", outdated=True, original_line=12),
        ]
    )
    with graphql_server(server) as gql:
        env = {"GITHUB_API_URL": gql.url, "GITHUB_TOKEN": "tok-abcdef123"}
        got = fetch_threads(_client(tmp_path, env), "acme/demo", 7)
    assert got.note == ""
    assert [(t.ref, t.location, t.author, t.outdated) for t in got.threads] == [
        ("T1", "calc.py:3", "bob", False),
        ("T2", "util.py:12", "alice", True),
    ]
    path, body, headers = gql.requests[0]
    assert path == "/graphql"
    assert headers["Authorization"] == "Bearer tok-abcdef123"
    assert body["variables"] == {"owner": "acme", "name": "demo", "number": 7}
    assert "reviewThreads(first: 100" in body["query"] and "isResolved" in body["query"]


def test_more_than_100_threads_are_fetched_page_by_page(tmp_path: Path) -> None:
    threads = [thread("a.py", i, f"comment {i}", resolved=i % 50 == 0) for i in range(1, 251)]
    with graphql_server(GraphQLServer(threads=threads)) as gql:
        env = {"GITHUB_API_URL": gql.url, "GITHUB_TOKEN": "tok-abcdef123"}
        got = fetch_threads(_client(tmp_path, env), "acme/demo", 7)
    assert len(gql.requests) == 3
    assert [r[1]["variables"].get("after") for r in gql.requests] == [
        None,
        "cursor-100",
        "cursor-200",
    ]
    assert len(got.threads) == 245  # 250 less the 5 resolved
    assert got.threads[-1].ref == "T245" and got.threads[-1].line == 249  # 250 is resolved


def test_enterprise_api_url_maps_to_its_graphql_endpoint(tmp_path: Path) -> None:
    with graphql_server() as gql:
        env = {"GITHUB_API_URL": f"{gql.url}/api/v3/", "GITHUB_TOKEN": "tok-abcdef123"}
        client = _client(tmp_path, env)
        assert graphql_url(client) == f"{gql.url}/api/graphql"
        got = fetch_threads(client, "acme/demo", 7)
    assert got.note == "" and gql.requests[0][0] == "/api/graphql"
    assert graphql_url(GitHubClient({}, tmp_path)) == "https://api.github.com/graphql"


@pytest.mark.parametrize("status", [401, 403, 502])
def test_http_errors_become_a_note(tmp_path: Path, status: int) -> None:
    with graphql_server(GraphQLServer(fail_status=status)) as gql:
        env = {"GITHUB_API_URL": gql.url, "GITHUB_TOKEN": "tok-abcdef123"}
        got = fetch_threads(_client(tmp_path, env), "acme/demo", 7)
    assert got.threads == ()
    assert got.note.startswith(f"{NOT_FETCHED}: ") and f"HTTP {status}" in got.note
    assert "\n" not in got.note


def test_a_timeout_becomes_a_note(tmp_path: Path) -> None:
    with graphql_server(GraphQLServer(hang_s=1.5)) as gql:
        env = {"GITHUB_API_URL": gql.url, "GITHUB_TOKEN": "tok-abcdef123"}
        got = fetch_threads(_client(tmp_path, env), "acme/demo", 7, timeout=0.2)
    assert got.threads == () and got.note.startswith(NOT_FETCHED)
    assert "timed out" in got.note


def test_no_token_and_no_gh_skips_with_a_note(tmp_path: Path) -> None:
    got = fetch_threads(_client(tmp_path, {}), "acme/demo", 7)
    assert got.threads == ()
    assert got.note == (
        f"{NOT_FETCHED}: no GitHub token for the review threads of PR #7: "
        "run `gh auth login` or set GITHUB_TOKEN"
    )


def test_gh_api_graphql_when_logged_in(tmp_path: Path) -> None:
    threads = [thread("calc.py", i, f"c{i}") for i in range(1, 131)]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "gh.log"
    gh = bin_dir / "gh"
    gh.write_text(fake_gh_script(threads, str(log)))
    gh.chmod(0o755)
    env = {"PATH": f"{bin_dir}{os.pathsep}/usr/bin:/bin"}  # no token: gh brings its own
    got = fetch_threads(GitHubClient(env, tmp_path), "acme/demo", 7)
    assert len(got.threads) == 130 and got.note == ""
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    graphql = [c for c in calls if c[:2] == ["api", "graphql"]]
    assert len(graphql) == 2
    first = graphql[0]
    assert first[first.index("-f") + 1].startswith("query=query reviewThreads(")
    assert "owner=acme" in first and "name=demo" in first and "number=7" in first
    assert first[first.index("number=7") - 1] == "-F"
    assert "after=cursor-100" in graphql[1]
    assert "--hostname" not in first

    # GitHub Enterprise: gh is told which host's login to use.
    ghe = {**env, "GITHUB_API_URL": "https://ghe.example.com/api/v3"}
    fetch_threads(GitHubClient(ghe, tmp_path), "acme/demo", 7)
    last = json.loads(log.read_text().splitlines()[-1])
    assert last[last.index("--hostname") + 1] == "ghe.example.com"


def test_gh_failure_without_token_is_a_note(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(
        '#!/bin/sh\nif [ "$1" = auth ]; then exit 0; fi\necho "GraphQL: Bad things" >&2; exit 1\n'
    )
    gh.chmod(0o755)
    got = fetch_threads(GitHubClient({"PATH": f"{bin_dir}:/usr/bin:/bin"}, tmp_path), "a/b", 7)
    assert got.note == (
        f"{NOT_FETCHED}: `gh api graphql` failed for the review threads of PR #7: "
        "GraphQL: Bad things"
    )


def test_parse_page_rejects_other_shapes_and_tolerates_missing_authors() -> None:
    with pytest.raises(ValueError, match="unexpected answer"):
        parse_page({"repository": {"pullRequest": {"reviewThreads": {"nodes": "x"}}}})
    with pytest.raises(ValueError, match="no such pull request"):
        parse_page({"repository": {"pullRequest": None}})
    data = {
        "repository": {
            "pullRequest": {
                "reviewThreads": {
                    "pageInfo": {"hasNextPage": False, "endCursor": None},
                    "nodes": [thread("x.py", 1, "b" * 5000, author=None), None],
                }
            }
        }
    }
    page = parse_page(data)
    (t,) = unresolved(page.threads)
    assert t.author == "" and t.comments[0].body.endswith("[... truncated ...]")
    assert len(t.comments[0].body) < 4100


def test_fake_github_rate_limit_and_graphql_errors_become_notes(tmp_path: Path) -> None:
    with FakeGitHub() as gh:
        gh.add_pull("acme/demo", 7).review_threads = [thread("a.py", 1, "x")]
        client = _client(tmp_path, gh.env())
        gh.fail_next(403, rate_limited=True)
        limited = fetch_threads(client, "acme/demo", 7)
        missing = fetch_threads(client, "acme/demo", 8)
        ok = fetch_threads(client, "acme/demo", 7)
        del gh.graphql_handlers["reviewThreads"]
        unknown = fetch_threads(client, "acme/demo", 7)
    assert "rate limit is used up" in limited.note and "HTTP 403" in limited.note
    # When it resets, with its date (the fake's X-RateLimit-Reset is long past).
    assert "wait for it to reset (at 2023-11-14 22:13 UTC, already past)" in limited.note
    assert missing.note == f"{NOT_FETCHED}: GitHub found no such pull request"
    assert [t.ref for t in ok.threads] == ["T1"] and ok.note == ""
    assert unknown.note.startswith(f"{NOT_FETCHED}: GitHub GraphQL error for the review threads")
