"""The scripted model server: stdlib HTTP on 127.0.0.1, one thread per connection.

It is stateless per request: the step it plays is chosen from the conversation each request
carries (how many tool steps it already holds), so any number of clients can share it and a
client's retries get the same answer. Every request is logged (`requests`) so tests can assert
what a CLI sent and which step it got.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from scripted_server.protocols import ANTHROPIC, GEMINI, RESPONSES, Usage, Wire
from scripted_server.script import Fault, FaultQueue, Step, default_script
from scripted_server.wire import Reply, ToolUse, texts_in


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: Any  # parsed JSON, or None
    raw_bytes: int
    client: tuple[str, int]
    protocol: str | None  # anthropic | responses | gemini | None (not a model call)
    kind: str  # turn | aux | fault | other
    step: int | None = None  # index of the step answered
    tools_declared: tuple[str, ...] = ()
    tool_uses: tuple[ToolUse, ...] = ()
    status: int = 200
    fault: str | None = None
    at: float = field(default_factory=time.time)

    def contains(self, needle: str) -> bool:
        """Whether any string in the request body contains `needle`."""
        return any(needle in text for text in texts_in(self.body))

    def as_json(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "client": list(self.client),
            "protocol": self.protocol,
            "kind": self.kind,
            "step": self.step,
            "status": self.status,
            "fault": self.fault,
            "tools_declared": list(self.tools_declared),
            "tool_uses": [{"name": t.name, "args": t.args} for t in self.tool_uses],
            "headers": self.headers,
            "body": self.body,
        }


class ScriptedServer:
    """`with ScriptedServer(script) as srv:` ... point clients at `srv.url`."""

    def __init__(
        self,
        script: Sequence[Step] | None = None,
        *,
        faults: Sequence[Fault] = (),
        root: str | Path | None = None,
        model: str | None = None,
        usage: Usage = Usage(),  # noqa: B008 - frozen value
        log_path: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.script: list[Step] = list(script if script is not None else default_script())
        self.root = str(root) if root else None
        self.model = model  # None: echo the model the client asked for
        self.usage = usage
        self.log_path = log_path
        self._faults = FaultQueue(list(faults))
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []
        self._httpd = ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.scripted = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ScriptedServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- configuration between runs -----------------------------------------------------------
    def set_script(self, script: Sequence[Step]) -> None:
        with self._lock:
            self.script = list(script)

    def set_faults(self, faults: Sequence[Fault]) -> None:
        with self._lock:
            self._faults = FaultQueue(list(faults))

    def clear_log(self) -> None:
        with self._lock:
            self._records.clear()

    # -- what happened ------------------------------------------------------------------------
    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def model_requests(self, protocol: str | None = None) -> list[RequestRecord]:
        return [
            r
            for r in self.requests
            if r.protocol is not None and (protocol is None or r.protocol == protocol)
        ]

    def turns(self) -> list[RequestRecord]:
        return [r for r in self.requests if r.kind == "turn"]

    def clients(self) -> set[str]:
        return {r.client[0] for r in self.requests}

    def issued_tool_uses(self) -> list[ToolUse]:
        """Tool calls the server asked for, once per step (retries of a step not repeated)."""
        seen: dict[int, tuple[ToolUse, ...]] = {}
        for r in self.turns():
            if r.step is not None and r.tool_uses:
                seen.setdefault(r.step, r.tool_uses)
        return [t for step in sorted(seen) for t in seen[step]]

    def _record(self, rec: RequestRecord) -> None:
        with self._lock:
            self._records.append(rec)
            if self.log_path is not None:
                with self.log_path.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(rec.as_json()) + "\n")

    # -- answering ----------------------------------------------------------------------------
    def _take_fault(self) -> Fault | None:
        with self._lock:
            return self._faults.take()

    def _step(self, index: int) -> tuple[int, Step]:
        with self._lock:
            script = list(self.script)
        if not script:
            return index, Step.text("(empty script)")
        if index < len(script):
            return index, script[index]
        last = script[-1]
        return len(script) - 1, last if last.is_final else Step.text("(script exhausted)")


def _protocol_for(path: str) -> tuple[Wire | None, str]:
    """(protocol, action) from a request path; action is turn | generate | count | ''."""
    if path.rstrip("/").endswith("/messages"):
        return ANTHROPIC, "turn"
    if path.rstrip("/").endswith("/messages/count_tokens"):
        return ANTHROPIC, "count"
    if path.rstrip("/").endswith("/responses"):
        return RESPONSES, "turn"
    if "/models/" in path and ":" in path.rsplit("/", 1)[-1]:
        action = path.rsplit(":", 1)[-1]
        return GEMINI, {
            "streamGenerateContent": "turn",
            "generateContent": "generate",
            "countTokens": "count",
        }.get(action, "")
    return None, ""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ScriptedModel/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        return  # the request log is the record; keep test output quiet

    @property
    def scripted(self) -> ScriptedServer:
        return self.server.scripted  # type: ignore[attr-defined,no-any-return]

    def do_HEAD(self) -> None:
        self._record_plain(200)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._record_plain(404)
        self._send(Reply.json(404, {"error": {"message": "not found (scripted server)"}}))

    def do_POST(self) -> None:
        raw = self._read_body()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        split = urlsplit(self.path)
        wire, action = _protocol_for(split.path)
        common = {
            "method": "POST",
            "path": split.path,
            "query": parse_qs(split.query),
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": body,
            "raw_bytes": len(raw),
            "client": (str(self.client_address[0]), int(self.client_address[1])),
        }
        if wire is None or not isinstance(body, dict):
            self.scripted._record(RequestRecord(**common, protocol=None, kind="other", status=404))
            self._send(Reply.json(404, {"error": {"message": "unknown endpoint"}}))
            return
        if action == "count":
            self.scripted._record(RequestRecord(**common, protocol=wire.name, kind="aux"))
            self._send(Reply.json(200, {"totalTokens": 10, "input_tokens": 10}))
            return
        srv = self.scripted
        fault = srv._take_fault()
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
        elif fault is not None:
            srv._record(
                RequestRecord(
                    **common,
                    protocol=wire.name,
                    kind="fault",
                    status=fault.status if fault.kind == "status" else 0,
                    fault=fault.kind,
                )
            )
            if fault.kind == "close":
                self.close_connection = True
                return  # nothing sent: the client sees the connection drop
            self._send(wire.error(fault.status, fault.message))
            return
        stream = self._wants_stream(body, action)
        model = srv.model or self._requested_model(body, split.path)
        declared = wire.declared_tools(body)
        if action == "generate" or not declared:
            srv._record(RequestRecord(**common, protocol=wire.name, kind="aux",
                                      tools_declared=tuple(declared)))  # fmt: skip
            self._send(wire.aux(body, model, stream))
            return
        index, step = srv._step(wire.played(body))
        root = srv.root or wire.workdir(body)
        uses = wire.tool_uses(step, index, set(declared), root, getattr(wire, "id_prefix", ""))
        srv._record(
            RequestRecord(
                **common,
                protocol=wire.name,
                kind="turn",
                step=index,
                tools_declared=tuple(declared),
                tool_uses=tuple(uses),
                fault="delay" if fault is not None else None,
            )
        )
        self._send(wire.render(step, uses, model, srv.usage, stream))

    # -- helpers ------------------------------------------------------------------------------
    def _wants_stream(self, body: dict[str, Any], action: str) -> bool:
        if "alt=sse" in self.path or (action == "turn" and ":streamGenerateContent" in self.path):
            return True
        if action == "generate":
            return False
        return bool(body.get("stream"))

    @staticmethod
    def _requested_model(body: dict[str, Any], path: str) -> str:
        if isinstance(body.get("model"), str):
            return str(body["model"])
        if "/models/" in path:
            return path.split("/models/", 1)[1].split(":", 1)[0]
        return "mock-model"

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0] or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            raw = b"".join(chunks)
        else:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "").lower()
        if encoding == "gzip":
            raw = gzip.decompress(raw)
        elif encoding == "deflate":
            raw = zlib.decompress(raw)
        return raw

    def _record_plain(self, status: int) -> None:
        split = urlsplit(self.path)
        self.scripted._record(
            RequestRecord(
                method=self.command,
                path=split.path,
                query=parse_qs(split.query),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=None,
                raw_bytes=0,
                client=(str(self.client_address[0]), int(self.client_address[1])),
                protocol=None,
                kind="other",
                status=status,
            )
        )

    def _send(self, reply: Reply) -> None:
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            if reply.content_type == "text/event-stream":
                self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(reply.body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
