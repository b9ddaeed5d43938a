"""The fake GitHub's server and its state: `FakeGitHub` starts a real HTTP server on
127.0.0.1 in a thread of its own, records every request, applies the failures a test asked
for (`failures`), then hands the request to the REST routes (`rest`) or GraphQL (`graphql`)."""

from __future__ import annotations

import itertools
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from support.fake_github import graphql, rest
from support.fake_github.failures import Hold, OnDemand
from support.fake_github.graphql import HANDLERS, GraphQLHandler
from support.fake_github.reply import Answer, Reply
from support.fake_github.state import PullState, Recorded


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
        self.graphql_handlers: dict[str, GraphQLHandler] = dict(HANDLERS)
        self.on_demand = OnDemand()
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
        # `stop` (`shutdown`) waits until the loop next looks at its flag: every poll
        # interval, 0.5 s by default, which every test using the fake paid at its end.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self.on_demand.release_all()
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
            "state": "open",
            "merged": False,
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

    # -- failures on demand ------------------------------------------------------------------

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
        reset_at: int | None = None,
        retry_after: int | None = None,
    ) -> None:
        """The next `times` requests (those with `method` and a path under `path_prefix`, when
        given) answer `status` with `message` (and `errors`, when given), with rate-limit
        headers when asked or for 429 (`reset_at`: when they say the limit resets), and a
        `Retry-After` header with `retry_after` (a secondary rate limit)."""
        self.on_demand.fail(
            status,
            times=times,
            rate_limited=rate_limited,
            message=message,
            errors=errors,
            method=method,
            path_prefix=path_prefix,
            reset_at=reset_at,
            retry_after=retry_after,
        )

    def hold_next(self, method: str, path_prefix: str) -> Hold:
        """The next `method` request under `path_prefix` waits, unanswered, until the test sets
        the returned hold's `release` (a slow GitHub, for a Ctrl-C in the middle of a write)."""
        return self.on_demand.hold(method, path_prefix)

    # -- what was asked ----------------------------------------------------------------------

    def record(self, request: Recorded) -> None:
        with self._lock:
            self.requests.append(request)

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

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: Any) -> Reply:
        """What a recorded request is answered, once no failure or hold took it."""
        path = path.rstrip("/")
        try:
            if path == "/graphql" and method == "POST":
                return graphql.answer(self, body or {})
            return rest.route(self, method, path, query, body)
        except Answer as early:
            return early.reply


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

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            self._send(Reply(400, {"message": "Problems parsing JSON"}))
            return
        fake = self.fake
        fake.record(Recorded(method, parts.path, query, dict(self.headers.items()), body))
        held = fake.on_demand.take_hold(method, parts.path)
        if held is not None:
            held.release.wait(600)  # a cap, not a timing: only a test that never releases hits it
            self._send(Reply(503, {"message": "Service Unavailable"}))
            return
        failure = fake.on_demand.take_failure(method, parts.path)
        if failure is not None:
            self._send(failure.reply())
            return
        auth = self.headers.get("Authorization")
        if fake.token is not None and auth != f"Bearer {fake.token}":
            self._send(Reply(401, {"message": "Bad credentials"}))
            return
        if fake.public and method != "GET" and not auth:
            self._send(Reply(401, {"message": "Requires authentication"}))
            return
        self._send(fake.answer(method, parts.path, query, body))

    def _send(self, reply: Reply) -> None:
        data = json.dumps(reply.body).encode("utf-8")
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in reply.headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
