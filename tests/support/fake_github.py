"""A local fake GitHub: a real HTTP server on 127.0.0.1 that answers the REST routes and the
GraphQL queries Deep Review uses, keeps their state in memory and records every request.

    with FakeGitHub() as gh:
        gh.add_pull("acme/demo", 7, base_sha=..., head_sha=..., files=[...])
        env = {"GITHUB_API_URL": gh.url, "GITHUB_TOKEN": "tok"}
        ...
        assert [r.method for r in gh.requests] == [...]

Failures on demand: `gh.fail_next(403, times=2)`, `gh.fail_next(429)`, or
`gh.fail_next(403, rate_limited=True)` (403 with `X-RateLimit-Remaining: 0`, as GitHub does);
GitHub's words with `message=` and `errors=[...]` (a 422's `errors` say what was wrong).

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

Each top-level review comment is a review thread for the GraphQL `publishThreads` query
(thread IDs, `resolveReviewThread`); `reviewThreads` serves only the threads a test gives
(`PullState.review_threads`). `POST …/pulls/N/comments/ID/replies` answers.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from support.fake_github_graphql import HANDLERS, GraphQLErrors

GraphQLHandler = Callable[["FakeGitHub", dict[str, Any], str], Any]

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")


def right_side_lines(patch: str) -> set[int]:
    """New-file line numbers a review comment may sit on (added or context lines)."""
    lines: set[int] = set()
    new = 0
    for raw in patch.splitlines():
        m = _HUNK.match(raw)
        if m:
            new = int(m.group(1))
            continue
        if raw.startswith(("-", "\\")):
            continue
        if raw.startswith(("+", " ")) or raw == "":
            lines.add(new)
            new += 1
    return lines


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any  # parsed JSON, or None

    @property
    def auth(self) -> str:
        return self.headers.get("Authorization", "")


@dataclass
class _Failure:
    status: int
    times: int
    rate_limited: bool
    message: str
    errors: list[Any] | None = None  # GitHub's `errors` list, when given
    method: str | None = None  # only requests with this method ...
    path_prefix: str | None = None  # ... and a path starting with this fail

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path_prefix is None or path.startswith(self.path_prefix)
        )


@dataclass
class Hold:
    """One request held unanswered (`FakeGitHub.hold_next`): `arrived` is set when it comes in;
    once `release` is set it answers 503 without doing anything, as a write that never landed."""

    method: str
    path_prefix: str
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@dataclass
class PullState:
    repo: str
    number: int
    data: dict[str, Any]
    files: list[dict[str, Any]] = field(default_factory=list)
    issue_comments: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    review_comments: list[dict[str, Any]] = field(default_factory=list)
    review_threads: list[dict[str, Any]] = field(default_factory=list)
    files_at: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # earlier heads
    forgotten: set[str] = field(default_factory=set)  # heads a force-push took off the PR
    resolved_threads: set[str] = field(default_factory=set)  # node IDs of resolved threads
    history: list[str] = field(default_factory=list)  # the PR's commits, oldest first

    def commits(self) -> list[str]:
        """`GET pulls/N/commits`, as SHAs: every head the PR had, but those a force-push took
        off, and its head (also when a test moved `data["head"]["sha"]` by hand)."""
        head = self.data["head"]["sha"]
        return [*(s for s in self.history if s != head), head]

    def files_of(self, sha: str) -> list[dict[str, Any]] | None:
        """The PR's files at head commit `sha` (None: the PR never had that head)."""
        return self.files if sha == self.data["head"]["sha"] else self.files_at.get(sha)


class FakeGitHub:
    """The server and its state. Use as a context manager (or the `fake_github` fixture)."""

    def __init__(self, *, login: str = "deep-review-bot", token: str | None = None) -> None:
        self.login = login
        # When set, requests without `Authorization: Bearer <token>` answer 401.
        self.token = token
        # A public repository: anyone reads it, but a write without a token answers 401.
        self.public = False
        self.requests: list[Recorded] = []
        self.pulls: dict[tuple[str, int], PullState] = {}
        # (repo, path, ref) -> file text, served by GET /repos/o/n/contents/PATH?ref=REF
        self.contents: dict[tuple[str, str, str], str] = {}
        self.viewer_known = True
        self.graphql_handlers: dict[str, GraphQLHandler] = {**HANDLERS, "viewer": _viewer}
        self._failures: list[_Failure] = []
        self._holds: list[Hold] = []
        self._ids = itertools.count(1001)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def __enter__(self) -> FakeGitHub:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        fake = self

        class Handler(_Handler):
            pass

        Handler.fake = fake
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        for hold in self._holds:
            hold.release.set()  # a held handler thread ends with the server
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        assert self._server is not None, "FakeGitHub is not started"
        return f"http://127.0.0.1:{self._server.server_port}"

    def env(self, token: str = "tok-fake") -> dict[str, str]:
        """The environment variables that point the client at this server over HTTPS-style REST."""
        return {"GITHUB_API_URL": self.url, "GITHUB_TOKEN": token}

    # -- state -------------------------------------------------------------------------------

    def next_id(self) -> int:
        return next(self._ids)

    def add_pull(
        self,
        repo: str,
        number: int,
        *,
        base_sha: str = "b" * 40,
        head_sha: str = "h" * 40,
        base_ref: str = "main",
        head_ref: str = "feature",
        title: str = "A change",
        body: str = "",
        author: str = "octocat",
        files: list[dict[str, Any]] | None = None,
        head_repo: str | None = None,
    ) -> PullState:
        """A PR; `files` are GitHub's pull-file objects (`filename`, `status`, `patch`);
        `head_repo` the fork it comes from (default: a branch of `repo` itself)."""
        data = {
            "number": number,
            "title": title,
            "body": body,
            "html_url": f"https://github.com/{repo}/pull/{number}",
            "user": {"login": author, "html_url": f"https://github.com/{author}"},
            "base": {"ref": base_ref, "sha": base_sha, "repo": {"full_name": repo}},
            "head": {
                "ref": head_ref,
                "sha": head_sha,
                "repo": {"full_name": head_repo or repo},
            },
        }
        state = PullState(
            repo=repo, number=number, data=data, files=list(files or []), history=[head_sha]
        )
        self.pulls[(repo, number)] = state
        return state

    def pull(self, repo: str, number: int) -> PullState:
        return self.pulls[(repo, number)]

    def push(
        self,
        repo: str,
        number: int,
        head_sha: str,
        files: list[dict[str, Any]],
        *,
        force: bool = False,
    ) -> None:
        """A push to the PR: its head and files move on; the old head's files are kept (a
        review may still name that commit), unless `force`: a force-push takes the old head
        off the PR, and a review naming it is refused."""
        pull = self.pulls[(repo, number)]
        old = pull.data["head"]["sha"]
        if force:
            pull.forgotten.add(old)
            pull.history = [s for s in pull.history if s != old]
        else:
            pull.files_at[old] = pull.files
        pull.history.append(head_sha)
        pull.data["head"]["sha"] = head_sha
        pull.files = list(files)

    def fail_next(
        self,
        status: int,
        *,
        times: int = 1,
        rate_limited: bool = False,
        message: str | None = None,
        errors: list[Any] | None = None,
        method: str | None = None,
        path_prefix: str | None = None,
    ) -> None:
        """The next `times` requests (those with `method` and a path under `path_prefix`, when
        given) answer `status` with `message` (and `errors`, when given), with rate-limit
        headers when asked or for 429."""
        default = {
            401: "Bad credentials",
            403: "Resource not accessible by integration",
            404: "Not Found",
            422: "Unprocessable Entity",
            429: "Too Many Requests",
        }.get(status, "Error")
        if rate_limited:
            default = "API rate limit exceeded"
        self._failures.append(
            _Failure(status, times, rate_limited, message or default, errors, method, path_prefix)
        )

    def hold_next(self, method: str, path_prefix: str) -> Hold:
        """The next `method` request under `path_prefix` waits, unanswered, until the test sets
        the returned hold's `release` (a slow GitHub, for a Ctrl-C in the middle of a write)."""
        hold = Hold(method, path_prefix)
        with self._lock:
            self._holds.append(hold)
        return hold

    def requests_to(self, method: str, path_prefix: str = "") -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.startswith(path_prefix)]

    @property
    def writes(self) -> list[Recorded]:
        """Every request that would change something on GitHub (a GraphQL POST is a query)."""
        return [
            r
            for r in self.requests
            if r.method in ("POST", "PATCH", "PUT", "DELETE") and r.path != "/graphql"
        ]

    def _take_failure(self, method: str, path: str) -> _Failure | None:
        with self._lock:
            for i, failure in enumerate(self._failures):
                if failure.matches(method, path):
                    failure.times -= 1
                    if failure.times <= 0:
                        self._failures.pop(i)
                    return failure
            return None


def _page(items: list[Any], query: dict[str, list[str]]) -> tuple[list[Any], bool]:
    per_page = min(int(query.get("per_page", ["30"])[0]), 100)
    page = int(query.get("page", ["1"])[0])
    start = (page - 1) * per_page
    return items[start : start + per_page], start + per_page < len(items)


def _open_pulls(fake: FakeGitHub, repo: str, query: dict[str, list[str]]) -> list[Any]:
    """`GET repos/{repo}/pulls?head=owner:branch&state=open`: every PR here is open."""
    head = query.get("head", [""])[0]
    owner = repo.split("/", 1)[0]
    return [
        p.data
        for (r, _), p in sorted(fake.pulls.items())
        if r == repo and (not head or head == f"{owner}:{p.data['head']['ref']}")
    ]


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGitHub
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # -- plumbing ----------------------------------------------------------------------------

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            self._send(400, {"message": "Problems parsing JSON"})
            return
        fake = self.fake
        with fake._lock:
            fake.requests.append(
                Recorded(method, parts.path, query, dict(self.headers.items()), body)
            )
        with fake._lock:
            held = next(
                (
                    h
                    for h in fake._holds
                    if not h.arrived.is_set()
                    and h.method == method
                    and parts.path.startswith(h.path_prefix)
                ),
                None,
            )
            if held is not None:
                held.arrived.set()
        if held is not None:
            held.release.wait(600)  # a cap, not a timing: only a test that never releases hits it
            self._send(503, {"message": "Service Unavailable"})
            return
        failure = fake._take_failure(method, parts.path)
        if failure is not None:
            headers = {}
            if failure.rate_limited or failure.status == 429:
                headers = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000000"}
            answer: dict[str, Any] = {"message": failure.message}
            if failure.errors is not None:
                answer["errors"] = failure.errors
            self._send(failure.status, answer, headers)
            return
        if fake.token is not None and self.headers.get("Authorization") != f"Bearer {fake.token}":
            self._send(401, {"message": "Bad credentials"})
            return
        if fake.public and method != "GET" and not self.headers.get("Authorization"):
            self._send(401, {"message": "Requires authentication"})
            return
        try:
            self._route(method, parts.path.rstrip("/"), query, body)
        except _Answer as answer:
            self._send(answer.status, answer.body, answer.headers)

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _send_page(self, path: str, items: list[Any], query: dict[str, list[str]]) -> None:
        chunk, more = _page(items, query)
        headers = {}
        if more:
            per_page = min(int(query.get("per_page", ["30"])[0]), 100)
            page = int(query.get("page", ["1"])[0])
            nxt = f"{self.fake.url}{path}?per_page={per_page}&page={page + 1}"
            headers["Link"] = f'<{nxt}>; rel="next"'
        self._send(200, chunk, headers)

    # -- routes ------------------------------------------------------------------------------

    def _route(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> None:
        fake = self.fake
        if path == "/graphql" and method == "POST":
            self._graphql(body or {})
            return
        m = re.fullmatch(r"/repos/([^/]+/[^/]+)/(.+)", path)
        if not m:
            raise _Answer(404, {"message": "Not Found"})
        repo, rest = m.group(1), m.group(2)
        if method == "GET" and rest.startswith("contents/"):
            ref = query.get("ref", [""])[0]
            text = fake.contents.get((repo, rest.removeprefix("contents/"), ref))
            if text is None:
                raise _Answer(404, {"message": "Not Found"})
            encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
            self._send(200, {"type": "file", "encoding": "base64", "content": encoded})
            return
        m = re.fullmatch(r"compare/([0-9a-f]+)\.\.\.([0-9a-f]+)", rest)
        if m and method == "GET":
            # The files of a PR head (the base is the PR's merge-base in every test).
            for pull in fake.pulls.values():
                files = pull.files_of(m.group(2)) if pull.repo == repo else None
                if files is not None:
                    self._send(200, {"status": "ahead", "files": files})
                    return
            raise _Answer(404, {"message": "Not Found"})
        m = re.fullmatch(r"issues/comments/(\d+)", rest)
        if m and method == "PATCH":
            self._patch_comment(repo, int(m.group(1)), body or {})
            return
        if method == "GET" and rest == "pulls":
            self._send_page(path, _open_pulls(fake, repo, query), query)
            return
        m = re.fullmatch(r"(pulls|issues)/(\d+)(?:/(.+))?", rest)
        if not m:
            raise _Answer(404, {"message": "Not Found"})
        pull = fake.pulls.get((repo, int(m.group(2))))
        if pull is None:
            raise _Answer(404, {"message": "Not Found"})
        kind, sub = m.group(1), m.group(3) or ""
        if method == "GET" and kind == "pulls" and sub == "":
            self._send(200, pull.data)
        elif method == "GET" and kind == "pulls" and sub == "commits":
            self._send_page(path, [{"sha": sha} for sha in pull.commits()], query)
        elif method == "GET" and kind == "pulls" and sub == "files":
            self._send_page(path, pull.files, query)
        elif method == "GET" and kind == "issues" and sub == "comments":
            self._send_page(path, pull.issue_comments, query)
        elif method == "POST" and kind == "issues" and sub == "comments":
            self._send(201, self._new_issue_comment(pull, body or {}))
        elif method == "GET" and kind == "pulls" and sub == "reviews":
            self._send_page(path, pull.reviews, query)
        elif method == "GET" and kind == "pulls" and sub == "comments":
            self._send_page(path, pull.review_comments, query)
        elif method == "POST" and kind == "pulls" and sub == "reviews":
            self._send(200, self._new_review(pull, body or {}))
        elif method == "POST" and kind == "pulls" and re.fullmatch(r"comments/\d+/replies", sub):
            self._send(201, self._reply(pull, int(sub.split("/")[1]), body or {}))
        else:
            raise _Answer(404, {"message": "Not Found"})

    def _user(self) -> dict[str, Any]:
        return {"login": self.fake.login, "type": "Bot"}

    def _new_issue_comment(self, pull: PullState, body: dict[str, Any]) -> dict[str, Any]:
        text = body.get("body")
        if not isinstance(text, str) or not text:
            raise _Answer(422, {"message": "Validation Failed: body is missing"})
        if len(text) > 65536:
            raise _Answer(422, {"message": "Validation Failed: body is too long"})
        cid = self.fake.next_id()
        comment = {
            "id": cid,
            "body": text,
            "user": self._user(),
            "html_url": f"https://github.com/{pull.repo}/pull/{pull.number}#issuecomment-{cid}",
        }
        pull.issue_comments.append(comment)
        return comment

    def _patch_comment(self, repo: str, cid: int, body: dict[str, Any]) -> None:
        text = body.get("body")
        if not isinstance(text, str) or not text or len(text) > 65536:
            raise _Answer(422, {"message": "Validation Failed: body"})
        for pull in self.fake.pulls.values():
            if pull.repo != repo:
                continue
            for comment in pull.issue_comments:
                if comment["id"] == cid:
                    comment["body"] = text
                    self._send(200, comment)
                    return
        raise _Answer(404, {"message": "Not Found"})

    def _new_review(self, pull: PullState, body: dict[str, Any]) -> dict[str, Any]:
        comments = body.get("comments") or []
        sha = body.get("commit_id") or pull.data["head"]["sha"]
        files = pull.files_of(sha)
        if files is None:
            # GitHub's words: a commit it knows but the PR lost, or one it never saw.
            said = (
                "The commitOID is not part of the pull request"
                if sha in pull.forgotten
                else f"No commit found for SHA: {sha}"
            )
            raise _Answer(422, {"message": "Unprocessable Entity", "errors": [said]})
        diff_lines = {f["filename"]: right_side_lines(f.get("patch") or "") for f in files}
        for c in comments:
            if not isinstance(c, dict) or not isinstance(c.get("body"), str):
                raise _Answer(422, {"message": "Validation Failed: comment body"})
            if len(c["body"]) > 65536:  # as GitHub: one comment's limit
                raise _Answer(422, {"message": "Validation Failed: body is too long"})
            if c.get("side", "RIGHT") != "RIGHT" or c.get("line") not in diff_lines.get(
                c.get("path"), set()
            ):
                raise _Answer(
                    422,
                    {
                        "message": "Unprocessable Entity",
                        "errors": ["Pull request review thread line must be part of the diff"],
                    },
                )
        if body.get("event", "COMMENT") not in ("COMMENT", "APPROVE", "REQUEST_CHANGES"):
            raise _Answer(422, {"message": "Validation Failed: event"})
        rid = self.fake.next_id()
        review = {
            "id": rid,
            "body": body.get("body") or "",
            "state": "COMMENTED",
            "commit_id": body.get("commit_id") or pull.data["head"]["sha"],
            "user": self._user(),
        }
        pull.reviews.append(review)
        for c in comments:
            pull.review_comments.append(
                {
                    "id": self.fake.next_id(),
                    "pull_request_review_id": rid,
                    "path": c["path"],
                    "line": c["line"],
                    "side": c.get("side", "RIGHT"),
                    "body": c["body"],
                    "commit_id": review["commit_id"],
                    "user": self._user(),
                }
            )
        return review

    def _reply(self, pull: PullState, cid: int, body: dict[str, Any]) -> dict[str, Any]:
        parent = next((c for c in pull.review_comments if c["id"] == cid), None)
        if parent is None:
            raise _Answer(404, {"message": "Not Found"})
        text = body.get("body")
        if not isinstance(text, str) or not text:
            raise _Answer(422, {"message": "Validation Failed: body is missing"})
        if len(text) > 65536:
            raise _Answer(422, {"message": "Validation Failed: body is too long"})
        reply = {
            **{k: parent[k] for k in ("pull_request_review_id", "path", "line", "side")},
            "id": self.fake.next_id(),
            "in_reply_to_id": cid,
            "body": text,
            "commit_id": parent["commit_id"],
            "user": self._user(),
        }
        pull.review_comments.append(reply)
        return reply

    def _graphql(self, body: dict[str, Any]) -> None:
        query = body.get("query")
        if not isinstance(query, str):
            raise _Answer(400, {"message": "A query attribute must be specified"})
        m = re.search(r"\b(?:query|mutation)\s+(\w+)", query) or re.search(r"\{\s*(\w+)", query)
        name = m.group(1) if m else ""
        handler = self.fake.graphql_handlers.get(name)
        if handler is None:
            self._send(200, {"errors": [{"message": f"fake GitHub has no handler for {name!r}"}]})
            return
        try:
            data = handler(self.fake, body.get("variables") or {}, query)
        except GraphQLErrors as exc:
            self._send(200, {"errors": [{"message": exc.message}]})
            return
        self._send(200, {"data": data})


def _viewer(fake: FakeGitHub, variables: dict[str, Any], query: str) -> Any:
    """`viewer { login }`: who the token is."""
    if not fake.viewer_known:
        error = {"type": "FORBIDDEN", "message": "Resource not accessible by integration"}
        raise _Answer(200, {"data": None, "errors": [error]})
    return {"viewer": {"login": fake.login}}


class _Answer(Exception):  # an early answer from deep inside a route
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    """Import into a test module (`from support.fake_github import fake_github`) to use."""
    with FakeGitHub() as gh:
        yield gh


__all__ = ["FakeGitHub", "PullState", "Recorded", "fake_github", "right_side_lines"]
