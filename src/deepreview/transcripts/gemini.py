"""Gemini CLI `-p --output-format stream-json`, and the single object of `--output-format json`.

Assistant text arrives as `message` deltas; the deltas between two `tool_use` events are one
message, and the review is read from those messages as from Claude's and Codex's (`review_of`:
a review split around a tool call is read whole); the `result` event carries no text.
A `tool_result` refused by policy (`error.type == "policy_violation"`) is a denied call, and so
is a failed call to an edit tool: a review does not register them, so the CLI answers
`tool_not_registered`. A shell command is failed when its output is the CLI's stand-in for a
failure that printed nothing (`_SHELL_FAILED`). `init.model` is the requested model;
`stats.models` is keyed by what the server answered.

An answer the model's output limit cut (`finishReason: MAX_TOKENS`) with text in it shows in
the stream as a complete one (0.61 emits no event for it). The CLI's telemetry log says it: its
`gemini_cli.api_response` records carry the response's `finish_reasons` (`length` for
MAX_TOKENS); `telemetry_cut_off` reads it from the log the seat has the CLI write.
"""

from __future__ import annotations

import json
import re
from typing import Any

from deepreview.transcripts.review_text import review_of
from deepreview.transcripts.stats import EDIT_TOOLS, ToolCall, TranscriptStats
from deepreview.transcripts.stream import (
    StreamParser,
    add_opt,
    as_dict,
    as_int,
    as_str,
    make_call,
)

SHELL_TOOL = "run_shell_command"
# A shell command that exited non-zero is `status: "success"` in the stream, its exit code
# only in what the model got. Its `output` says so only when the command printed nothing (its
# stand-in text); one that printed its own error (`fatal: …`) cannot be told from a success.
_SHELL_FAILED = re.compile(r"Command (?:exited with code: [1-9]\d*|terminated by signal: \S+)")


class GeminiParser(StreamParser):
    format = "gemini"

    def __init__(self) -> None:
        super().__init__()
        self._init_model: str | None = None
        self._messages: list[str] = []  # earlier assistant messages, one per run of deltas
        self._text_parts: list[str] = []  # assistant deltas since the last tool_use
        self._result: dict[str, Any] | None = None

    def _event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "message":
            if event.get("role") == "assistant":
                content = as_str(event.get("content"))
                if content:
                    self._text_parts.append(content)
        elif kind == "tool_use":
            name = as_str(event.get("tool_name")) or "?"
            self._add_call(
                as_str(event.get("tool_id")), make_call(name, as_dict(event.get("parameters")))
            )
            if self._text_parts:
                self._messages.append("".join(self._text_parts))
            self._text_parts = []
        elif kind == "tool_result":
            self._tool_result(event)
        elif kind == "init":
            self._init_model = as_str(event.get("model")) or self._init_model
        elif kind == "error":
            self._errors.append(as_str(event.get("message")) or "error")
        elif kind == "result":
            self._result = event

    def _tool_result(self, event: dict[str, Any]) -> None:
        key = as_str(event.get("tool_id"))
        index = self._call_index.get(key) if key is not None else None
        name = self._calls[index].tool if index is not None else _tool_name(key)
        if event.get("status") != "error":
            output = as_str(event.get("output")) or ""
            failed = name == SHELL_TOOL and _SHELL_FAILED.fullmatch(output) is not None
            self._update_call(key, ok=not failed)
            return
        if as_dict(event.get("error")).get("type") == "policy_violation" or name in EDIT_TOOLS:
            self._deny(key, ToolCall(name))
        else:
            self._update_call(key, ok=False)

    @property
    def finished(self) -> bool:
        return self._result is not None

    def result(self) -> TranscriptStats:
        final_text = review_of([*self._messages, "".join(self._text_parts)])
        res = self._result
        if res is None:
            return self._no_result(model=self._init_model, final_text=final_text)
        is_error = res.get("status") != "success"
        errors = list(self._errors)
        if is_error:
            error = as_dict(res.get("error"))
            message = as_str(error.get("message")) or as_str(error.get("type")) or "error"
            if not errors or errors[-1] != message:  # an `error` event often said it already
                errors.append(message)
        stats = as_dict(res.get("stats"))
        return self._stats(
            model=self._init_model or _first_key(stats.get("models")),
            cli_duration_ms=as_int(stats.get("duration_ms")),
            tokens_in=as_int(stats.get("input_tokens")),
            tokens_out=as_int(stats.get("output_tokens")),
            cost_usd=None,
            ended_normally=not is_error,
            is_error=is_error,
            final_text=final_text,
            errors=errors,
        )


def _tool_name(tool_id: str | None) -> str:
    """`run_shell_command__run_shell_command_179..._0` → `run_shell_command`."""
    return tool_id.split("__", 1)[0] if tool_id else "?"


def _first_key(value: object) -> str | None:
    models = as_dict(value)
    return next(iter(models), None) if models else None


def parse_gemini_output_json(text: str) -> TranscriptStats:
    """The single JSON object of `gemini -p --output-format json`.

    It has the final text and per-tool counts but no commands, so tool calls are synthesised
    from `stats.tools.byName` (name only) and `command` is always None.
    """
    lines = sum(1 for line in text.splitlines() if line.strip())
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return TranscriptStats(
            format="gemini", model=None, cli_duration_ms=None, tokens_in=None, tokens_out=None,
            cost_usd=None, tool_calls=(), permission_denials=(), errors=(), retries=0,
            ended_normally=False, is_error=False, final_text="", malformed_lines=1 if lines else 0,
            lines=lines,
        )  # fmt: skip
    stats = as_dict(data.get("stats"))
    models = {str(k): as_dict(v) for k, v in as_dict(stats.get("models")).items()}
    tokens_in: int | None = None
    tokens_out: int | None = None
    best_model: str | None = None
    best_requests = -1
    for name, entry in models.items():
        tokens = as_dict(entry.get("tokens"))
        tokens_in = add_opt(tokens_in, as_int(tokens.get("prompt")))
        tokens_out = add_opt(tokens_out, as_int(tokens.get("candidates")))
        requests = as_int(as_dict(entry.get("api")).get("totalRequests")) or 0
        if requests > best_requests:  # the router model answers once; the main one does the work
            best_model, best_requests = name, requests

    calls: list[ToolCall] = []
    denials: list[str] = []
    for name, entry in as_dict(as_dict(stats.get("tools")).get("byName")).items():
        entry = as_dict(entry)
        count = as_int(entry.get("count")) or 0
        fail = as_int(entry.get("fail")) or 0
        rejected = as_int(as_dict(entry.get("decisions")).get("reject")) or 0
        if name in EDIT_TOOLS:  # never registered in a review: every failure was a refusal
            rejected = max(rejected, fail)
        calls.extend(
            ToolCall(str(name), ok=i >= max(fail, rejected), denied=i < rejected)
            for i in range(count)
        )
        denials.extend([str(name)] * rejected)

    error = as_dict(data.get("error"))
    is_error = bool(error)
    errors = (
        (as_str(error.get("message")) or as_str(error.get("type")) or "error",) if error else ()
    )
    return TranscriptStats(
        format="gemini",
        model=best_model,
        cli_duration_ms=None,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        cost_usd=None,
        tool_calls=tuple(calls),
        permission_denials=tuple(denials),
        errors=errors,
        retries=0,
        ended_normally=not is_error,
        is_error=is_error,
        final_text=as_str(data.get("response")) or "",
        malformed_lines=0,
        lines=lines,
    )


_API_RESPONSE = "gemini_cli.api_response"
# The telemetry log is a run of pretty-printed JSON objects, each opening at the start of a line.
_OBJECT_START = re.compile(r"^\{", re.MULTILINE)


def telemetry_cut_off(text: str) -> str | None:
    """What cut the answer, from Gemini CLI's telemetry log (`--telemetry-outfile`): `the output
    limit (finish reason: length)` when the last response of the main model was cut by it, else
    None (no such record, or it stopped normally). A record the log's own cut (a killed CLI)
    left unfinished is not read."""
    decoder = json.JSONDecoder()
    last: list[Any] | None = None
    for start in _OBJECT_START.finditer(text):
        try:
            record, _ = decoder.raw_decode(text, start.start())
        except ValueError:
            continue
        attrs = as_dict(record.get("attributes")) if isinstance(record, dict) else {}
        if attrs.get("event.name") != _API_RESPONSE or attrs.get("role", "main") != "main":
            continue  # the router's and other helper calls are not the answer
        reasons = attrs.get("finish_reasons")
        last = reasons if isinstance(reasons, list) else []
    if last and last[-1] == "length":
        return "the output limit (finish reason: length)"
    return None
