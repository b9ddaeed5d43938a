"""Which of an agent's messages are its review (`transcripts.review_text`), as each CLI's
parser reads them: the review may be followed by a closing message, or split around a tool
call; a review in one message, or in plain prose, reads as before."""

from __future__ import annotations

import json
from typing import Any

import pytest

from deepreview.transcripts import parse_text
from deepreview.transcripts.claude import ClaudeParser
from deepreview.transcripts.codex import CodexParser
from deepreview.transcripts.gemini import GeminiParser
from deepreview.transcripts.opencode import OpencodeParser
from deepreview.transcripts.review_text import begins_review, review_of

HEAD = (
    "## Executive Summary\n\nOne bug.\n\n## Findings\n\n### Critical Issues\n\n"
    "1. **Bug** — `calc.py:5`: wrong.\n"
)
TAIL = "### Important Issues\n\nNone.\n\n### Suggestions\n\nNone.\n"
WHOLE = HEAD + "\n" + TAIL


def _codex(*messages: str) -> str:
    items = [
        {"type": "item.completed", "item": {"id": f"i{n}", "type": "agent_message", "text": m}}
        for n, m in enumerate(messages)
    ]
    events = [{"type": "turn.started"}, *items, {"type": "turn.completed", "usage": {}}]
    return "\n".join(json.dumps(e) for e in events)


def _claude(*texts: str, result: str | None = None) -> str:
    events: list[dict[str, Any]] = [{"type": "system", "subtype": "init", "model": "m"}]
    for n, text in enumerate(texts):
        block = {"type": "text", "text": text}
        events.append({"type": "assistant", "message": {"id": f"m{n}", "content": [block]}})
        tool = {"type": "tool_use", "id": f"t{n}", "name": "Read", "input": {"file_path": "a"}}
        events.append({"type": "assistant", "message": {"id": f"m{n}", "content": [tool]}})
    last = texts[-1] if result is None else result
    events.append({"type": "result", "subtype": "success", "is_error": False, "result": last})
    return "\n".join(json.dumps(e) for e in events)


def _gemini(*texts: str) -> str:
    """Each text as two deltas, a shell call after each but the last."""
    events: list[dict[str, Any]] = [{"type": "init", "model": "m"}]
    for n, text in enumerate(texts):
        half = len(text) // 2
        events += [
            {"type": "message", "role": "assistant", "content": part, "delta": True}
            for part in (text[:half], text[half:])
        ]
        if n < len(texts) - 1:
            call = {"command": "git log"}
            events.append({"type": "tool_use", "tool_name": "run_shell_command",
                           "tool_id": f"t{n}", "parameters": call})  # fmt: skip
            events.append({"type": "tool_result", "tool_id": f"t{n}", "status": "success"})
    events.append({"type": "result", "status": "success", "stats": {}})
    return "\n".join(json.dumps(e) for e in events)


def _opencode(*texts: str, reason: str = "stop") -> str:
    """Each text a step's text part, a read call after each but the last."""
    events: list[dict[str, Any]] = []
    for n, text in enumerate(texts):
        events += [{"type": "step_start", "part": {}}, {"type": "text", "part": {"text": text}}]
        if n < len(texts) - 1:
            state = {"status": "completed", "input": {"filePath": "a"}, "output": ""}
            events.append({"type": "tool_use", "part": {"tool": "read", "callID": f"c{n}",
                                                        "state": state}})  # fmt: skip
        last = n == len(texts) - 1
        finish = {"reason": reason if last else "tool-calls", "tokens": {}}
        events.append({"type": "step_finish", "part": finish})
    return "\n".join(json.dumps(e) for e in events)


def test_one_message_review_is_itself() -> None:
    assert review_of(["Let me look at calc.py.", WHOLE]) == WHOLE
    assert parse_text(CodexParser, _codex("Let me look.", WHOLE)).final_text == WHOLE
    assert parse_text(ClaudeParser, _claude("Let me look.", WHOLE)).final_text == WHOLE


def test_prose_review_without_structure_is_the_last_message() -> None:
    assert review_of(["I will read the diff.", "No issues found."]) == "No issues found."
    assert parse_text(ClaudeParser, _claude("Reading.", "LGTM.")).final_text == "LGTM."


def test_closing_message_after_the_review_keeps_the_review() -> None:
    got = parse_text(
        CodexParser, _codex("Let me look.", WHOLE, "Done — the review is above.")
    ).final_text
    assert got == WHOLE.rstrip("\n") + "\n\nDone — the review is above.\n"


@pytest.mark.parametrize(
    ("parser", "stream"),
    [(ClaudeParser, _claude), (GeminiParser, _gemini), (OpencodeParser, _opencode)],
)
def test_review_split_around_a_tool_call_is_joined(parser: Any, stream: Any) -> None:
    got = parse_text(parser, stream("Let me look.", HEAD, TAIL)).final_text
    assert got == HEAD.rstrip("\n") + "\n\n" + TAIL
    assert "Let me look." not in got
    assert parse_text(parser, stream("Let me look.", WHOLE)).final_text == WHOLE


def test_a_heading_inside_a_code_fence_begins_nothing() -> None:
    fenced = "Here is the template:\n\n```\n## Findings\n```\n"
    assert not begins_review(fenced)
    assert review_of([fenced, "No issues."]) == "No issues."
    assert begins_review("# Review\n") and not begins_review("#hashtag\n### Deep\n")


def test_claude_error_result_keeps_its_last_text_apart() -> None:
    text = _claude(HEAD).replace('"is_error": false', '"is_error": true')
    stats = parse_text(ClaudeParser, text)
    assert stats.is_error and stats.final_text == HEAD


@pytest.mark.parametrize(
    ("stop", "cut"),
    [
        ("max_tokens", "the output limit (stop_reason: max_tokens)"),
        ("end_turn", None),
        (None, None),
    ],
)
def test_claude_stop_reason_says_whether_the_answer_was_cut(
    stop: str | None, cut: str | None
) -> None:
    lines = _claude(WHOLE).splitlines()
    result = json.loads(lines[-1])
    result["stop_reason"] = stop
    stats = parse_text(ClaudeParser, "\n".join([*lines[:-1], json.dumps(result)]))
    assert stats.ended_normally and stats.cut_off == cut


@pytest.mark.parametrize(
    ("reason", "cut"), [("length", "the output limit (finish reason: length)"), ("stop", None)]
)
def test_opencode_finish_reason_says_whether_the_answer_was_cut(
    reason: str, cut: str | None
) -> None:
    stats = parse_text(OpencodeParser, _opencode(WHOLE, reason=reason))
    assert stats.ended_normally and stats.cut_off == cut and stats.final_text == WHOLE


def test_claude_cut_answer_reported_as_an_api_error_is_unfinished() -> None:
    """Claude Code 2.1.197: a made-up message with `error: max_output_tokens`, an error result
    quoting it; the review it had written is kept, as cut by the output limit."""
    lines = _claude(WHOLE).splitlines()
    error = "API Error: Claude's response exceeded the 32000 output token maximum."
    message = {"model": "<synthetic>", "content": [{"type": "text", "text": error}]}
    made_up = {"type": "assistant", "message": message, "error": "max_output_tokens"}
    result = {"type": "result", "subtype": "success", "is_error": True, "result": error}
    stats = parse_text(
        ClaudeParser, "\n".join([*lines[:-1], json.dumps(made_up), json.dumps(result)])
    )
    assert not stats.is_error and stats.final_text == WHOLE
    assert stats.cut_off == "the output limit (error: max_output_tokens)"
    assert stats.errors == (error,)
    # an API error that is no cut stays an error, its text no review
    made_up.pop("error")
    stats = parse_text(
        ClaudeParser, "\n".join([*lines[:-1], json.dumps(made_up), json.dumps(result)])
    )
    assert stats.is_error and stats.cut_off is None


def test_codex_turn_failed_at_the_output_limit_is_unfinished() -> None:
    """codex 0.171 fails a turn whose response ended `incomplete` at the output limit."""
    error = "Incomplete response returned, reason: max_output_tokens"
    lines = _codex(WHOLE).splitlines()[:-1]
    failed = [
        {"type": "error", "message": error},
        {"type": "turn.failed", "error": {"message": error}},
    ]
    stats = parse_text(CodexParser, "\n".join([*lines, *(json.dumps(e) for e in failed)]))
    assert not stats.is_error and stats.ended_normally and stats.final_text == WHOLE
    assert stats.cut_off == "the output limit (reason: max_output_tokens)"
    # any other failure stays one
    other = [{"type": "turn.failed", "error": {"message": "stream disconnected"}}]
    stats = parse_text(CodexParser, "\n".join([*lines, *(json.dumps(e) for e in other)]))
    assert stats.is_error and stats.cut_off is None
