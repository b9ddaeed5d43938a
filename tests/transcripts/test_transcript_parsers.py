"""Behaviour of the incremental parsers that the fixture goldens do not isolate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deepreview.agents.registry import transcript_agents, transcript_parser
from deepreview.errors import UsageError
from deepreview.transcripts import (
    ToolCall,
    parse_codex_rollout_file,
    parse_file,
    parse_text,
    with_rollout,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "transcripts"


def _lines(*events: dict[str, Any]) -> str:
    return "\n".join(json.dumps(e) for e in events)


def _claude_tool(msg_id: str, tool_id: str, name: str, **inp: str) -> dict[str, Any]:
    block = {"type": "tool_use", "id": tool_id, "name": name, "input": inp}
    return {"type": "assistant", "message": {"id": msg_id, "content": [block]}}


def test_an_agent_without_a_transcript_parser_is_refused() -> None:
    with pytest.raises(UsageError, match="agent 'static' writes no transcript we parse"):
        transcript_parser("static")


def test_live_progress_while_feeding() -> None:
    parser = transcript_parser("claude")()
    assert (parser.tool_call_count, parser.last_tool) == (0, None)
    parser.feed(json.dumps(_claude_tool("m1", "t1", "Bash", command="git log")).encode())
    parser.feed(json.dumps(_claude_tool("m1", "t2", "Read", file_path="/r/a.py")) + "\n")
    assert (parser.tool_call_count, parser.last_tool) == (2, "Read")
    mid = parser.result()
    assert not mid.ended_normally and mid.tool_counts == (("Bash", 1), ("Read", 1))


def test_codex_last_tool_updates_on_item_started() -> None:
    parser = transcript_parser("codex")()
    item = {"id": "i1", "type": "command_execution", "command": "/bin/bash -lc 'ls'"}
    parser.feed(json.dumps({"type": "item.started", "item": {**item, "status": "in_progress"}}))
    assert (parser.tool_call_count, parser.last_tool) == (0, "command_execution")
    parser.feed(json.dumps({"type": "item.completed", "item": {**item, "status": "completed"}}))
    assert parser.tool_call_count == 1


def test_claude_result_is_repeatable() -> None:
    """result() applies the result event's denials to a copy: calling it twice is safe."""
    parser = transcript_parser("claude")()
    for line in (FIXTURES / "claude-permission-denial.jsonl").read_bytes().splitlines():
        parser.feed(line)
    first = parser.result()
    assert parser.result() == first
    assert len(first.permission_denials) == 1


def test_claude_subagent_calls_count_but_their_text_is_not_the_answer() -> None:
    sub = _claude_tool("m2", "t2", "Grep", pattern="x")
    sub["parent_tool_use_id"] = "t1"
    sub_text = {
        "type": "assistant",
        "parent_tool_use_id": "t1",
        "message": {"id": "m3", "content": [{"type": "text", "text": "subagent notes"}]},
    }
    text = _lines(
        {"type": "assistant", "message": {"content": [{"type": "text", "text": "Review."}]}},
        _claude_tool("m1", "t1", "Task", subagent_type="Explore", description="find callers"),
        sub,
        sub_text,
    )
    stats = parse_text(transcript_parser("claude"), text)
    assert [(c.tool, c.detail) for c in stats.tool_calls] == [("Task", "Explore"), ("Grep", "x")]
    assert stats.final_text == "Review."


def test_claude_denial_without_matching_call_is_still_listed() -> None:
    result = {
        "type": "result",
        "subtype": "success",
        "is_error": False,
        "result": "ok",
        "permission_denials": [
            {"tool_name": "Write", "tool_use_id": "gone", "tool_input": {"file_path": "/x"}}
        ],
    }
    stats = parse_text(transcript_parser("claude"), _lines(result))
    assert stats.permission_denials == ("Write: /x",)
    assert stats.tool_calls == ()


def test_crlf_blank_and_whitespace_lines() -> None:
    raw = (FIXTURES / "codex-exec.jsonl").read_text().replace("\n", "\r\n\r\n   \r\n")
    stats = parse_text(transcript_parser("codex"), raw)
    assert len(stats.tool_calls) == 3 and stats.lines == 10 and stats.malformed_lines == 0


@pytest.mark.parametrize("fmt", transcript_agents())
@pytest.mark.parametrize(
    "line",
    [
        b"not json",
        b'{"type": "assistant"',
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b"42",
        b'"just a string"',
        b'{"type":"item.completed","item":"caf\xe9"}',
    ],
)
def test_malformed_lines_are_counted_never_fatal(fmt: str, line: bytes) -> None:
    parser = transcript_parser(fmt)()
    parser.feed(line)
    stats = parser.result()
    assert (stats.lines, stats.malformed_lines) == (1, 1)


@pytest.mark.parametrize("fmt", transcript_agents())
def test_unexpected_shapes_do_not_raise(fmt: str) -> None:
    parser = transcript_parser(fmt)()
    for event in [
        {"type": "assistant", "message": None},
        {"type": "assistant", "message": {"content": "text, not blocks"}},
        {"type": "user", "message": {"content": [None, 3, {"type": "tool_result"}]}},
        {"type": "item.completed", "item": {"type": "command_execution", "command": 5}},
        {"type": "turn.completed", "usage": {"input_tokens": "many", "output_tokens": True}},
        {"type": "tool_use", "tool_name": None, "parameters": []},
        {"type": "tool_result", "status": "error", "error": "policy_violation"},
        {"type": "result", "stats": [], "modelUsage": [], "permission_denials": {}},
        {"type": "tool_use", "part": {"state": None}},
        {"type": "step_finish", "part": {"tokens": {"cache": 7}, "cost": "free"}},
        {"type": "error", "error": "plain string"},
        {"type": "done", "rejected": "bash"},
    ]:
        parser.feed(json.dumps(event))
    stats = parser.result()
    assert stats.lines == 12


_KEYS = st.sampled_from(
    ["type", "subtype", "message", "item", "part", "usage", "stats", "status", "error",
     "tool_name", "tool_id", "parameters", "result", "is_error", "role", "content",
     "permission_denials", "modelUsage", "rejected", "event"]
)  # fmt: skip
_WORDS = st.sampled_from(
    ["assistant", "user", "result", "tool_use", "tool_result", "item.completed",
     "turn.completed", "turn.failed", "error", "command_execution", "step_finish", "done",
     "init", "api_retry", "system", "message", "text", "tool_use_id"]
)  # fmt: skip
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _WORDS
_VALUES = st.recursive(
    _SCALARS | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(_KEYS | st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=10,
)
_EVENTS = st.lists(st.dictionaries(_KEYS, _VALUES, max_size=6), max_size=8)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(_EVENTS, st.sampled_from(transcript_agents()))
def test_random_events_never_raise(events: list[dict[str, Any]], fmt: str) -> None:
    parser = transcript_parser(fmt)()
    for event in events:
        parser.feed(json.dumps(event))
    stats = parser.result()
    assert stats.lines == len(events)
    assert parser.tool_call_count == len(parser.result().tool_calls)


def test_parse_file_skips_overlong_lines_without_holding_them(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    long_event = {"type": "item.completed", "item": {"type": "agent_message", "text": "x" * 5000}}
    ok_item = {"id": "1", "type": "command_execution", "command": "ls", "status": "completed"}
    path.write_text(
        _lines(
            long_event,
            {"type": "item.completed", "item": ok_item},
            {"type": "turn.completed", "usage": {}},
        )
    )
    stats = parse_file(transcript_parser("codex"), path, max_line_bytes=1024)
    assert (stats.lines, stats.malformed_lines) == (3, 1)
    assert stats.shell_commands == ("ls",) and stats.ended_normally


def test_parse_file_last_line_without_newline(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes((FIXTURES / "gemini-stream.jsonl").read_bytes().rstrip(b"\n"))
    assert parse_file(transcript_parser("gemini"), path).ended_normally


def test_codex_declined_command_is_a_denial() -> None:
    item = {
        "id": "i1",
        "type": "command_execution",
        "command": ["bash", "-lc", "rm -rf build"],
        "status": "declined",
    }
    stats = parse_text(transcript_parser("codex"), _lines({"type": "item.completed", "item": item}))
    assert stats.tool_calls == (
        ToolCall("command_execution", command="rm -rf build", ok=False, denied=True),
    )
    assert stats.permission_denials == ("command_execution: rm -rf build",)


def test_codex_write_refused_by_the_read_only_sandbox_is_a_denial() -> None:
    """Codex sometimes declines a write, and sometimes runs it in its read-only sandbox, where
    it fails: both are a refusal by the seat's sandbox (seen on the real CLI under load)."""
    failed = {
        "id": "i2",
        "type": "command_execution",
        "command": "/bin/bash -lc 'mkdir out'",
        "aggregated_output": "mkdir: cannot create directory 'out': Read-only file system\n",
        "exit_code": 1,
        "status": "failed",
    }
    plain = {
        "id": "i3",
        "type": "command_execution",
        "command": "/bin/bash -lc 'grep -q TODO src.py'",
        "aggregated_output": "",
        "exit_code": 1,
        "status": "failed",
    }
    stats = parse_text(
        transcript_parser("codex"),
        _lines(
            {"type": "item.completed", "item": failed}, {"type": "item.completed", "item": plain}
        ),
    )
    assert stats.tool_calls == (
        ToolCall("command_execution", command="mkdir out", ok=False, denied=True),
        ToolCall("command_execution", command="grep -q TODO src.py", ok=False),
    )
    assert stats.permission_denials == ("command_execution: mkdir out",)


def test_codex_other_tool_items() -> None:
    text = _lines(
        {"type": "item.completed", "item": {"id": "a", "type": "mcp_tool_call", "server": "gh",
                                            "tool": "get_pr", "status": "failed"}},
        {"type": "item.completed", "item": {"id": "b", "type": "web_search", "query": "x"}},
        {"type": "item.completed", "item": {"id": "c", "type": "todo_list", "items": []}},
    )  # fmt: skip
    stats = parse_text(transcript_parser("codex"), text)
    assert [(c.tool, c.detail, c.ok) for c in stats.tool_calls] == [
        ("mcp_tool_call", "gh/get_pr", False),
        ("web_search", "x", None),
    ]


def test_rollout_file_and_with_rollout() -> None:
    calls = parse_codex_rollout_file(FIXTURES / "codex-rollout.jsonl")
    stream = parse_file(transcript_parser("codex"), FIXTURES / "codex-exec.jsonl")
    merged = with_rollout(stream, calls)
    assert merged.tool_counts[0] == ("exec_command", 2)
    assert merged.final_text == stream.final_text
    assert with_rollout(stream, ()) is stream


def test_opencode_pending_tool_parts_are_not_counted() -> None:
    part = {"tool": "bash", "callID": "c1", "state": {"status": "running", "input": {}}}
    parser = transcript_parser("opencode")()
    parser.feed(json.dumps({"type": "tool_use", "part": part}))
    assert (parser.tool_call_count, parser.last_tool) == (0, "bash")


def test_gemini_final_text_without_tools_is_all_deltas() -> None:
    text = _lines(
        {"type": "message", "role": "assistant", "content": "## Executive", "delta": True},
        {"type": "message", "role": "user", "content": "ignored"},
        {"type": "message", "role": "assistant", "content": " Summary", "delta": True},
    )
    stats = parse_text(transcript_parser("gemini"), text)
    assert stats.final_text == "## Executive Summary"
    assert not stats.ended_normally


def test_parse_file_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    from deepreview.errors import ParseError

    with pytest.raises(ParseError, match="cannot read transcript"):
        parse_file(transcript_parser("claude"), tmp_path / "nope.jsonl")
