"""GitHub's GraphQL `reviewThreads` answer, faked: thread nodes, pages of 100 with cursors, and
a small HTTP server answering `POST …/graphql` (records requests, fails on demand).

The handler `threads_data(threads, variables)` has the shape the shared fake GitHub's
`graphql_handlers` take; `GraphQLServer` serves it alone for tests that need nothing else.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PAGE = 100


def thread(
    path: str | None,
    line: int | None,
    body: str,
    *,
    author: str | None = "alice",
    resolved: bool = False,
    outdated: bool = False,
    original_line: int | None = None,
    replies: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """One `reviewThreads` node as GitHub answers it."""
    comments = [(author, body), *replies]
    return {
        "isResolved": resolved,
        "isOutdated": outdated,
        "path": path,
        "line": None if outdated else line,
        "originalLine": original_line if original_line is not None else line,
        "comments": {
            "nodes": [
                {
                    "author": {"login": who} if who else None,
                    "body": text,
                    "url": f"https://github.com/acme/demo/pull/7#discussion_r{100 + i}",
                    "createdAt": "2026-11-30T10:00:00Z",
                }
                for i, (who, text) in enumerate(comments)
            ]
        },
    }


def threads_data(threads: list[dict[str, Any]], variables: dict[str, Any]) -> dict[str, Any]:
    """The `data` for one page: 100 threads after the cursor `variables["after"]`."""
    after = variables.get("after")
    start = int(after.removeprefix("cursor-")) if after else 0
    chunk = threads[start : start + PAGE]
    end = start + len(chunk)
    return {
        "repository": {
            "pullRequest": {
                "reviewThreads": {
                    "pageInfo": {"hasNextPage": end < len(threads), "endCursor": f"cursor-{end}"},
                    "nodes": chunk,
                }
            }
        }
    }


@dataclass
class GraphQLServer:
    threads: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, dict[str, Any], dict[str, str]]] = field(default_factory=list)
    fail_status: int | None = None  # every request answers this HTTP status
    hang_s: float = 0.0  # sleep before answering (a timeout test sets it past the client's)
    rest: dict[str, Any] = field(default_factory=dict)  # GET path -> JSON (e.g. the PR)
    url: str = ""


@contextmanager
def graphql_server(server: GraphQLServer | None = None) -> Iterator[GraphQLServer]:
    state = server or GraphQLServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            state.requests.append((self.path, {}, dict(self.headers.items())))
            doc = state.rest.get(self.path)
            self._send(200 if doc is not None else 404, doc or {"message": "Not Found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            state.requests.append((self.path, body, dict(self.headers.items())))
            if state.hang_s:
                threading.Event().wait(state.hang_s)
            if state.fail_status is not None:
                self._send(state.fail_status, {"message": "Bad credentials"})
            elif not self.path.endswith("/graphql"):
                self._send(404, {"message": "Not Found"})
            else:
                self._send(200, {"data": threads_data(state.threads, body.get("variables", {}))})

        def _send(self, status: int, doc: Any) -> None:
            data = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            # A client that timed out has hung up: nothing left to answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    # `shutdown` waits for the loop's next poll (0.5 s by default): at the end of every test.
    worker = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    worker.start()
    state.url = f"http://127.0.0.1:{httpd.server_port}"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def fake_gh_script(
    threads: list[dict[str, Any]], log: str, pull: dict[str, Any] | None = None
) -> str:
    """A fake `gh` (logged in) answering `gh api graphql` with `threads` in pages and, when
    given, `gh api repos/<o>/<n>/pulls/<N>` with `pull`; it appends each argv to `log`."""
    return f"""#!{sys.executable}
import json, sys
THREADS = json.loads({json.dumps(json.dumps(threads))})
PULL = json.loads({json.dumps(json.dumps(pull))})
args = sys.argv[1:]
with open({log!r}, "a") as f:
    f.write(json.dumps(args) + "\\n")
if args[:1] == ["auth"]:
    sys.exit(0)
if args[:2] == ["api", "graphql"]:
    variables = {{}}
    for flag, value in zip(args, args[1:]):
        if flag in ("-f", "-F"):
            key, _, val = value.partition("=")
            variables[key] = int(val) if flag == "-F" else val
    after = variables.get("after")
    start = int(after.removeprefix("cursor-")) if after else 0
    chunk = THREADS[start:start + {PAGE}]
    end = start + len(chunk)
    info = {{"hasNextPage": end < len(THREADS), "endCursor": "cursor-%d" % end}}
    threads = {{"pageInfo": info, "nodes": chunk}}
    doc = {{"repository": {{"pullRequest": {{"reviewThreads": threads}}}}}}
    print(json.dumps({{"data": doc}}))
    sys.exit(0)
if PULL is not None and len(args) == 2 and args[0] == "api" and "/pulls/" in args[1]:
    print(json.dumps(PULL))
    sys.exit(0)
print("HTTP 404: Not Found", file=sys.stderr)
sys.exit(1)
"""
