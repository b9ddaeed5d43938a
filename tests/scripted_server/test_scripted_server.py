"""The scripted server on its own: protocols, step choice, tool mapping, faults, the log."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.request
from typing import Any

import pytest

from scripted_server import (
    Fault,
    ReadFile,
    ScriptedServer,
    Shell,
    Step,
    WriteFile,
    script_from_json,
)

SCRIPT = [
    Step.tools([Shell("git log --oneline -1"), Shell("git blame calc.py")]),
    Step.tools([ReadFile("README.md"), WriteFile("x.txt", "hi")]),
    Step.text("## Executive Summary\nLooks fine."),
]


def post(url: str, body: dict[str, Any]) -> tuple[int, str]:
    req = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def sse_data(text: str) -> list[dict[str, Any]]:
    return [json.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]


@pytest.fixture
def srv():  # type: ignore[no-untyped-def]
    with ScriptedServer(SCRIPT) as server:
        yield server


# -- Anthropic ---------------------------------------------------------------------------------
CLAUDE_TOOLS = [{"name": n, "input_schema": {}} for n in ("Bash", "Read", "Write")]


def claude_body(history: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "model": "claude-x",
        "stream": True,
        "system": [{"type": "text", "text": "Working directory: /repo/root\nBe good."}],
        "tools": CLAUDE_TOOLS,
        "messages": [{"role": "user", "content": "review please"}, *history],
    }


def test_anthropic_plays_steps_by_tool_rounds(srv: ScriptedServer) -> None:
    status, text = post(f"{srv.url}/v1/messages?beta=true", claude_body([]))
    assert status == 200
    events = sse_data(text)
    assert events[0]["type"] == "message_start" and events[-1]["type"] == "message_stop"
    starts = [e["content_block"] for e in events if e["type"] == "content_block_start"]
    assert [b["name"] for b in starts] == ["Bash", "Bash"]
    deltas = [e["delta"]["partial_json"] for e in events if e["type"] == "content_block_delta"]
    assert json.loads(deltas[1])["command"] == "git blame calc.py"
    stop = next(e for e in events if e["type"] == "message_delta")
    assert stop["delta"]["stop_reason"] == "tool_use"

    # The client answers both calls: the next request holds one tool round.
    uses = [{"type": "tool_use", "id": b["id"], "name": b["name"], "input": {}} for b in starts]
    results = [{"type": "tool_result", "tool_use_id": b["id"], "content": "ok"} for b in starts]
    history = [{"role": "assistant", "content": uses}, {"role": "user", "content": results}]
    _, text = post(f"{srv.url}/v1/messages", claude_body(history))
    starts2 = [e["content_block"] for e in sse_data(text) if e["type"] == "content_block_start"]
    deltas2 = [
        json.loads(e["delta"]["partial_json"])
        for e in sse_data(text)
        if e["type"] == "content_block_delta"
    ]
    assert [b["name"] for b in starts2] == ["Read", "Write"]
    assert deltas2[0] == {"file_path": "/repo/root/README.md"}  # absolute, from the system prompt

    # Two rounds (even when a client splits a round's calls into two messages) -> the text.
    uses2 = [{"type": "tool_use", "id": b["id"], "name": b["name"], "input": {}} for b in starts2]
    history += [
        {"role": "assistant", "content": uses2[:1]},
        {"role": "assistant", "content": uses2[1:]},
    ]
    _, text = post(f"{srv.url}/v1/messages", claude_body(history))
    deltas3 = [e["delta"] for e in sse_data(text) if e["type"] == "content_block_delta"]
    assert deltas3 == [{"type": "text_delta", "text": "## Executive Summary\nLooks fine."}]

    assert [r.step for r in srv.turns()] == [0, 1, 2]
    assert srv.turns()[0].query == {"beta": ["true"]}
    assert srv.turns()[0].contains("review please")
    assert srv.clients() == {"127.0.0.1"}
    assert [t.name for t in srv.issued_tool_uses()] == ["Bash", "Bash", "Read", "Write"]


def test_anthropic_request_without_tools_is_auxiliary(srv: ScriptedServer) -> None:
    body = {
        "model": "m",
        "stream": False,
        "messages": [{"role": "user", "content": "title?"}],
        "output_config": {
            "format": {
                "type": "json_schema",
                "schema": {"type": "object", "properties": {"title": {"type": "string"}}},
            }
        },
    }
    status, text = post(f"{srv.url}/v1/messages", body)
    assert status == 200
    assert json.loads(json.loads(text)["content"][0]["text"]) == {"title": "scripted"}
    assert srv.requests[-1].kind == "aux" and not srv.turns()


# -- OpenAI Responses --------------------------------------------------------------------------
def responses_body(tools: list[str], items: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "model": "gpt-5.5",
        "stream": True,
        "tools": [{"type": "function", "name": n} for n in tools],
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "go"}]}, *items],
    }


def test_responses_maps_calls_for_codex_and_opencode(srv: ScriptedServer) -> None:
    _, text = post(f"{srv.url}/v1/responses", responses_body(["exec_command", "apply_patch"], []))
    events = sse_data(text)
    assert events[0]["type"] == "response.created"
    assert events[-1]["type"] == "response.completed"
    done = [e["item"] for e in events if e["type"] == "response.output_item.done"]
    assert [(i["name"], json.loads(i["arguments"])) for i in done] == [
        ("exec_command", {"cmd": "git log --oneline -1"}),
        ("exec_command", {"cmd": "git blame calc.py"}),
    ]
    items = [
        {"type": "function_call", "call_id": i["call_id"], "name": i["name"], "arguments": "{}"}
        for i in done
    ] + [{"type": "function_call_output", "call_id": i["call_id"], "output": "ok"} for i in done]
    _, text = post(f"{srv.url}/responses", responses_body(["exec_command"], items))
    done2 = [e["item"] for e in sse_data(text) if e["type"] == "response.output_item.done"]
    assert [json.loads(i["arguments"])["cmd"] for i in done2] == [
        "cat README.md",
        "printf %s hi > x.txt",  # Codex has no write tool: a shell write
    ]

    _, text = post(f"{srv.url}/v1/responses", responses_body(["bash", "read", "glob"], []))
    done3 = [e["item"] for e in sse_data(text) if e["type"] == "response.output_item.done"]
    assert [i["name"] for i in done3] == ["bash", "bash"]
    assert json.loads(done3[0]["arguments"])["command"] == "git log --oneline -1"


def test_responses_final_text_and_usage(srv: ScriptedServer) -> None:
    srv.set_script([Step.text("done")])
    _, text = post(f"{srv.url}/v1/responses", responses_body(["exec_command"], []))
    events = sse_data(text)
    assert "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta") == (
        "done"
    )
    usage = events[-1]["response"]["usage"]
    assert usage["input_tokens"] == 100 and usage["output_tokens"] == 20


# -- Gemini ------------------------------------------------------------------------------------
def gemini_body(contents: list[dict[str, Any]]) -> dict[str, Any]:
    decls = [{"name": n} for n in ("run_shell_command", "read_file", "write_file")]
    return {
        "contents": [{"role": "user", "parts": [{"text": "review"}]}, *contents],
        "tools": [{"functionDeclarations": decls}],
    }


def test_gemini_stream_steps_and_router(srv: ScriptedServer) -> None:
    url = f"{srv.url}/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"
    _, text = post(url, gemini_body([]))
    chunks = sse_data(text)
    calls = [p["functionCall"] for p in chunks[0]["candidates"][0]["content"]["parts"]]
    assert [c["name"] for c in calls] == ["run_shell_command", "run_shell_command"]
    assert calls[1]["args"]["command"] == "git blame calc.py"

    # Client-made call ids (no step tag): rounds are counted from the model turns.
    history = [
        {
            "role": "model",
            "parts": [{"functionCall": {"name": "run_shell_command", "args": {}}}] * 2,
        },
        {"role": "user", "parts": [{"functionResponse": {"name": "run_shell_command"}}] * 2},
    ]
    _, text = post(url, gemini_body(history))
    parts = sse_data(text)[0]["candidates"][0]["content"]["parts"]
    assert [p["functionCall"]["name"] for p in parts] == ["read_file", "write_file"]
    assert parts[0]["functionCall"]["args"] == {"file_path": "README.md"}

    history += [{"role": "model", "parts": parts}]
    _, text = post(url, gemini_body(history))
    chunks = sse_data(text)
    assert len(chunks) == 2  # text arrives in two deltas
    joined = "".join(c["candidates"][0]["content"]["parts"][0]["text"] for c in chunks)
    assert joined == "## Executive Summary\nLooks fine."
    assert chunks[-1]["candidates"][0]["finishReason"] == "STOP"

    router = {
        "contents": [{"role": "user", "parts": [{"text": "route"}]}],
        "generationConfig": {
            "responseJsonSchema": {
                "type": "object",
                "properties": {
                    "complexity_reasoning": {"type": "string"},
                    "complexity_score": {"type": "integer"},
                },
            }
        },
    }
    status, text = post(f"{srv.url}/v1beta/models/flash-lite:generateContent", router)
    answer = json.loads(json.loads(text)["candidates"][0]["content"]["parts"][0]["text"])
    assert status == 200 and answer == {"complexity_reasoning": "scripted", "complexity_score": 1}
    assert [r.step for r in srv.turns()] == [0, 1, 2]


# -- faults, logging, binding ------------------------------------------------------------------
def test_http_faults_then_recovery() -> None:
    with ScriptedServer(SCRIPT, faults=[Fault.http(500, times=2)]) as srv:
        first = post(f"{srv.url}/v1/messages", claude_body([]))
        second = post(f"{srv.url}/v1/messages", claude_body([]))
        third = post(f"{srv.url}/v1/messages", claude_body([]))
    assert (first[0], second[0], third[0]) == (500, 500, 200)
    assert json.loads(first[1])["error"]["type"] == "api_error"
    assert [r.kind for r in srv.requests] == ["fault", "fault", "turn"]


def test_close_fault_drops_the_connection() -> None:
    with ScriptedServer(SCRIPT, faults=[Fault.close(times=1)]) as srv:
        conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5)
        conn.request("POST", "/v1/messages", body=json.dumps(claude_body([])))
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            conn.getresponse()
        conn.close()
        assert post(f"{srv.url}/v1/messages", claude_body([]))[0] == 200


def test_gemini_error_body_and_delay_fault() -> None:
    with ScriptedServer(SCRIPT, faults=[Fault.delay(0.2, times=1), Fault.http(400)]) as srv:
        url = f"{srv.url}/v1beta/models/g:streamGenerateContent?alt=sse"
        assert post(url, gemini_body([]))[0] == 200
        status, text = post(url, gemini_body([]))
    assert status == 400 and json.loads(text)["error"]["status"] == "INVALID_ARGUMENT"
    assert srv.requests[0].fault == "delay" and srv.requests[0].kind == "turn"


def test_unknown_paths_head_and_log_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "requests.jsonl"
    with ScriptedServer(SCRIPT, log_path=log) as srv:
        req = urllib.request.Request(srv.url + "/", method="HEAD")
        with urllib.request.urlopen(req, timeout=5) as resp:
            assert resp.status == 200
        assert post(f"{srv.url}/v1/other", {"a": 1})[0] == 404
        post(f"{srv.url}/v1/messages", claude_body([]))
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(e["method"], e["kind"]) for e in lines] == [
        ("HEAD", "other"),
        ("POST", "other"),
        ("POST", "turn"),
    ]
    assert lines[2]["tool_uses"][0]["name"] == "Bash"
    assert lines[2]["headers"]["content-type"] == "application/json"


def test_binds_loopback_only() -> None:
    with ScriptedServer(SCRIPT) as srv:
        host = srv._httpd.server_address[0]
        assert host == "127.0.0.1"
        with socket.create_connection(("127.0.0.1", srv.port), timeout=5):
            pass


def test_script_from_json() -> None:
    steps = script_from_json(
        [{"tools": [{"shell": "ls"}, {"read": "a"}, {"write": ["b", "c"]}]}, {"text": "t"}]
    )
    assert steps == [
        Step.tools([Shell("ls"), ReadFile("a"), WriteFile("b", "c")]),
        Step.text("t"),
    ]
    with pytest.raises(ValueError, match="unknown tool call"):
        script_from_json([{"tools": [{"fly": "x"}]}])
