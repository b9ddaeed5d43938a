"""Trial tc61: what an agent CLI's event stream may carry never costs the review its text.

A JSON string may hold half a surrogate pair (`\\ud83d`: Node's JSON.stringify writes one for
an emoji a tool or the model cut in two); a model-chosen tool input may nest deeper than the
JSON decoder recurses; a review may be written in two messages around a tool call with its
second half holding a level-2 heading (`## Coverage Summary`). The fake `claude`, `codex`,
`gemini` or `opencode` (tests/fakebin/fake_agent.py) prints the stream as written here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deepreview.transcripts.codex import parse_codex_rollout
from fakebin.harness import review_stream

HEAD = """## Executive Summary

The change adds `sub`; it is wrong.

## Findings

### Critical Issues

1. **`sub` adds instead of subtracting** — `calc.py:5`: `sub(3, 1)` returns 4.
"""
TAIL = """### Important Issues

None.

### Suggestions

None.

## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | Reviewed, 1 issue |
"""


def _review(tmp_path: Path, cli: str, events: list[dict[str, Any]] | str) -> dict[str, Any]:
    res = review_stream(tmp_path, cli, events)
    assert "Traceback" not in res.stderr, res.stderr
    out: dict[str, Any] = res.json()
    out["_returncode"] = res.returncode
    return out


def _report(out: dict[str, Any]) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    return report


def _places(report: dict[str, Any]) -> list[str]:
    return [f"{loc['path']}:{loc['start']}" for f in report["findings"] for loc in f["locations"]]


def _assistant(content: dict[str, Any], mid: str = "m") -> dict[str, Any]:
    message = {"id": mid, "role": "assistant", "model": "claude-opus-4-6", "content": [content]}
    return {"type": "assistant", "message": message, "parent_tool_use_id": None}


def _claude(*texts: str, call_input: str | None = None) -> str:
    """Claude's stream: each text a message, a Bash call between two; `call_input` is the raw
    JSON text of the first call's input (a shape `json.dumps` would not write)."""
    lines = [json.dumps({"type": "system", "subtype": "init", "model": "claude-opus-4-6"})]
    for n, text in enumerate(texts):
        lines.append(json.dumps(_assistant({"type": "text", "text": text}, f"m{n}")))
        if n == len(texts) - 1:
            break
        call = {"type": "tool_use", "id": f"t{n}", "name": "Bash", "input": {"command": "ls"}}
        line = json.dumps(_assistant(call, f"m{n}"))
        if call_input is not None and n == 0:
            line = line.replace('{"command": "ls"}', call_input)
        lines.append(line)
        answer = {"type": "tool_result", "tool_use_id": f"t{n}", "content": "ok"}
        lines.append(json.dumps({"type": "user", "message": {"content": [answer]}}))
    result = {"type": "result", "subtype": "success", "is_error": False, "result": texts[-1]}
    lines.append(json.dumps(result))
    return "\n".join(lines) + "\n"


def _codex(*texts: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [{"type": "thread.started"}, {"type": "turn.started"}]
    for n, text in enumerate(texts):
        item = {"id": f"m{n}", "type": "agent_message", "text": text}
        events.append({"type": "item.completed", "item": item})
        if n < len(texts) - 1:
            command = {"id": f"c{n}", "type": "command_execution", "command": "git log",
                       "aggregated_output": "ok", "exit_code": 0,
                       "status": "completed"}  # fmt: skip
            events.append({"type": "item.completed", "item": command})
    events.append({"type": "turn.completed", "usage": {"input_tokens": 1, "output_tokens": 1}})
    return events


def _gemini(*texts: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [{"type": "init", "session_id": "s", "model": "m"}]
    for n, text in enumerate(texts):
        events.append({"type": "message", "role": "assistant", "content": text, "delta": True})
        if n < len(texts) - 1:
            tid = f"run_shell_command__{n}"
            events += [
                {"type": "tool_use", "tool_name": "run_shell_command", "tool_id": tid,
                 "parameters": {"command": "git log"}},
                {"type": "tool_result", "tool_id": tid, "status": "success", "output": "ok"},
            ]  # fmt: skip
    events.append({"type": "result", "status": "success", "stats": {}})
    return events


def _opencode(*texts: str) -> list[dict[str, Any]]:
    def event(kind: str, part: dict[str, Any]) -> dict[str, Any]:
        return {"type": kind, "timestamp": 1, "sessionID": "ses_1", "part": part}

    events = [event("step_start", {"type": "step-start"})]
    for n, text in enumerate(texts):
        events.append(event("text", {"type": "text", "text": text}))
        if n < len(texts) - 1:
            state = {"status": "completed", "input": {"command": "git log"}, "output": "ok"}
            events.append(event("tool_use", {"tool": "bash", "callID": f"c{n}", "state": state}))
    events.append(event("step_finish", {"type": "step-finish", "reason": "stop"}))
    events.append({"type": "done", "timestamp": 2, "sessionID": "ses_1", "rejected": []})
    return events


def test_half_a_surrogate_pair_in_the_review_is_replaced_not_fatal(tmp_path: Path) -> None:
    stream = _claude("Checking.", HEAD + "Cut emoji: \ud83d.\n\n" + TAIL).replace(
        "\ud83d", "\\ud83d"
    )
    assert "\\ud83d" in stream  # the escape as Node writes it, not a character
    out = _review(tmp_path, "claude", stream)
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    assert "calc.py:5" in _places(_report(out))
    stored = (Path(out["review_dir"]) / "review-claude-pass-1.md").read_text(encoding="utf-8")
    assert "Cut emoji: \ufffd." in stored


def test_a_tool_input_nested_past_the_decoders_depth_is_one_malformed_line(
    tmp_path: Path,
) -> None:
    deep = '{"command": "ls", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    out = _review(tmp_path, "claude", _claude("Checking.", HEAD + "\n" + TAIL, call_input=deep))
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    assert "calc.py:5" in _places(_report(out))
    run = json.loads((Path(out["review_dir"]) / "run.json").read_text(encoding="utf-8"))
    assert run["seats"]["claude"]["run"]["malformed_lines"] == 1


@pytest.mark.parametrize("cli", ["claude", "codex", "gemini", "opencode"])
def test_review_split_before_a_section_with_a_level_2_heading_is_joined(
    tmp_path: Path, cli: str
) -> None:
    """The second half opens with `### Important Issues` and holds `## Coverage Summary`:
    it continues the review, it is not one of its own."""
    build = {"claude": _claude, "codex": _codex, "gemini": _gemini, "opencode": _opencode}
    stream = build[cli](HEAD, TAIL)
    out = _review(tmp_path, cli, stream)
    (seat,) = out["seats"]
    assert seat["status"] == "ok", seat
    assert "calc.py:5" in _places(_report(out))
    assert out["verdict"] != "Merge as-is", out["verdict"]
    stored = (Path(out["review_dir"]) / f"review-{cli}-pass-1.md").read_text(encoding="utf-8")
    assert stored.startswith("## Executive Summary") and "## Coverage Summary" in stored


def test_codex_rollout_commands_are_valid_text_and_deep_arguments_skipped() -> None:
    """The rollout (whose calls a Codex seat's run.json lists) is read by the same rule."""
    half = json.dumps({"cmd": "grep -n x \ud83d"}).replace("\ud83d", "\\ud83d")
    deep = '{"cmd": "ls", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    payloads = [
        {"type": "function_call", "name": "exec_command", "call_id": f"c{n}", "arguments": args}
        for n, args in enumerate((half, deep))
    ]
    lines = [json.dumps({"type": "response_item", "payload": p}) for p in payloads]
    calls = parse_codex_rollout("\n".join(lines))
    assert [c.command for c in calls] == ["grep -n x \ufffd", None]
    json.dumps([c.command for c in calls], ensure_ascii=False).encode("utf-8")
