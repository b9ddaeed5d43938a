"""Codex CLI `codex exec --json`, plus the session rollout file (`rollout-*.jsonl`).

The --json stream has no duration, cost or model; usage comes per `turn.completed` and is summed.
`item.completed` items of type `error` are warnings, not errors of the run (left out of
`errors`). `error` events saying "Reconnecting..." are retries (Codex can loop on them forever,
so the caller enforces a timeout). Commands that the sandbox refused never reach the --json
stream; the rollout file records them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from deepreview.transcripts.error_codes import explained
from deepreview.transcripts.review_text import review_of
from deepreview.transcripts.shell import unwrap_argv, unwrap_shell
from deepreview.transcripts.stats import SHELL_TOOLS, ToolCall, TranscriptStats
from deepreview.transcripts.stream import (
    StreamParser,
    add_opt,
    as_dict,
    as_int,
    as_list,
    as_str,
    denial_text,
    detail_of,
    load_event,
)

_RETRY = re.compile(r"\s*re-?connecting\b", re.IGNORECASE)
# How codex 0.171 fails a turn whose response the API ended `incomplete` at the output limit
# (an `error` event, then `turn.failed`): the answer it had written is an unfinished review.
_CUT = re.compile(r"Incomplete response returned, reason: (max_output_tokens)\b")
_EXIT_CODE = re.compile(r"(?:Process exited with code|Exit code:)\s*(-?\d+)")
# Item types that are tool calls; everything else (messages, reasoning, todo lists) is not.
_TOOL_ITEMS = frozenset({"command_execution", "file_change", "mcp_tool_call", "web_search"})


class CodexParser(StreamParser):
    format = "codex"

    def __init__(self) -> None:
        super().__init__()
        self._messages: list[str] = []  # agent_message texts, in order (`review_of`)
        self._tokens_in: int | None = None
        self._tokens_out: int | None = None
        self._last_terminal: str | None = None  # "completed" | "failed"
        self._fatal_error = False
        self._retrying_error: str | None = None
        self._cut: str | None = None  # the reason of an answer cut by the output limit (`_CUT`)

    def _event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "error":
            message = as_str(event.get("message")) or "error"
            message = explained(message) or message
            if _RETRY.match(message):
                self._note_retry(None)  # its words name no cause we could sum up
                self._retrying_error = message
                return
            self._errors.append(message)
            self._fatal_error = True
            cut = _CUT.search(message)
            self._cut = cut.group(1) if cut else None
        elif kind == "turn.failed":
            message = as_str(as_dict(event.get("error")).get("message")) or "turn failed"
            message = explained(message) or message
            if not self._errors or self._errors[-1] != message:  # usually repeats the error event
                self._errors.append(message)
            self._last_terminal = "failed"
        elif kind == "turn.completed":
            usage = as_dict(event.get("usage"))
            # input_tokens already includes cached_input_tokens (OpenAI convention)
            self._tokens_in = add_opt(self._tokens_in, as_int(usage.get("input_tokens")))
            self._tokens_out = add_opt(self._tokens_out, as_int(usage.get("output_tokens")))
            self._last_terminal = "completed"
        elif kind in ("item.started", "item.updated"):
            itype = as_dict(event.get("item")).get("type")
            if itype in _TOOL_ITEMS:
                self._last_tool = str(itype)
        elif kind == "item.completed":
            self._item(as_dict(event.get("item")))
        self._retrying_error = None

    def _item(self, item: dict[str, Any]) -> None:
        itype = as_str(item.get("type"))
        key = as_str(item.get("id"))
        if itype == "agent_message":
            text = as_str(item.get("text"))
            if text:
                self._messages.append(text)
        elif itype == "error":
            # A warning, not an error of the run ("Model metadata for `m` not found.
            # Defaulting to fallback metadata"): never the cause a failure reason names.
            pass
        elif itype == "command_execution":
            call = _command_call(item)
            if call.denied and (key is None or key not in self._call_index):
                self._denials.append(denial_text(call))
            self._add_call(key, call)
        elif itype == "file_change":
            paths = [as_str(as_dict(c).get("path")) for c in as_list(item.get("changes"))]
            detail = ", ".join(p for p in paths if p)
            self._add_call(key, ToolCall("file_change", ok=_status_ok(item), detail=detail))
        elif itype == "mcp_tool_call":
            detail = "/".join(
                s for s in (as_str(item.get("server")), as_str(item.get("tool"))) if s
            )
            self._add_call(key, ToolCall("mcp_tool_call", ok=_status_ok(item), detail=detail))
        elif itype == "web_search":
            self._add_call(key, ToolCall("web_search", detail=as_str(item.get("query")) or ""))

    @property
    def finished(self) -> bool:
        return self._last_terminal is not None

    def result(self) -> TranscriptStats:
        is_error = self._last_terminal == "failed" or (
            self._fatal_error and self._last_terminal != "completed"
        )
        ended = self._last_terminal == "completed" and not is_error
        cut_off = None
        if is_error and self._cut is not None and self._messages:
            # the failure is the cut (`_CUT`): what it wrote is its unfinished review
            cut_off = f"the output limit (reason: {self._cut})"
            is_error, ended = False, True
        errors = None
        if self._retrying_error and not ended:
            errors = [*self._errors, self._retrying_error]  # stuck reconnecting when it stopped
        return self._stats(
            model=None,
            cli_duration_ms=None,
            tokens_in=self._tokens_in,
            tokens_out=self._tokens_out,
            cost_usd=None,
            ended_normally=ended,
            is_error=is_error,
            final_text=review_of(self._messages),
            errors=errors,
            cut_off=cut_off,
        )


def _command_call(item: dict[str, Any]) -> ToolCall:
    raw = item.get("command")
    if isinstance(raw, list):  # older releases gave argv
        command = unwrap_argv([w for w in raw if isinstance(w, str)])
    else:
        command = unwrap_shell(as_str(raw) or "")
    status = item.get("status")
    exit_code = as_int(item.get("exit_code"))
    if status == "declined" or (status == "failed" and _SANDBOX_REFUSAL.search(_output(item))):
        return ToolCall("command_execution", command=command, ok=False, denied=True)
    ok: bool | None = None
    if status == "failed" or (exit_code is not None and exit_code != 0):
        ok = False
    elif status == "completed":
        ok = True
    return ToolCall("command_execution", command=command, ok=ok)


# Codex either declines a write up front or runs it in its read-only sandbox, where the kernel
# refuses it; both are the seat's policy refusing the call. Only the read-only file system's own
# message counts: "Permission denied" also means an ordinary unreadable file.
_SANDBOX_REFUSAL = re.compile(r"Read-only file system")


def _output(item: dict[str, Any]) -> str:
    return as_str(item.get("aggregated_output")) or ""


def _status_ok(item: dict[str, Any]) -> bool | None:
    status = item.get("status")
    if status == "completed":
        return True
    if status in ("failed", "declined"):
        return False
    return None


def parse_codex_rollout(text: str) -> tuple[ToolCall, ...]:
    """Tool calls from a `$CODEX_HOME/sessions/**/rollout-*.jsonl` file's text.

    Every model-side `function_call` is recorded there, including commands the sandbox refused
    (which `codex exec --json` drops). Shell calls are `exec_command` with JSON arguments
    `{"cmd": ...}`; older releases used `shell` with `{"command": [argv]}`.
    """
    parser = CodexRolloutParser()
    for line in text.splitlines():
        parser.feed(line)
    return parser.calls()


class CodexRolloutParser:
    """Incremental form of `parse_codex_rollout`, for rollout files too big to hold."""

    def __init__(self) -> None:
        self._calls: list[ToolCall] = []
        self._by_call_id: dict[str, int] = {}

    def feed(self, line: bytes | str) -> None:
        if not line or line.isspace():
            return
        try:
            event = load_event(line)
        except ValueError:
            return
        if not isinstance(event, dict) or event.get("type") != "response_item":
            return
        payload = as_dict(event.get("payload"))
        ptype = payload.get("type")
        if ptype in ("function_call", "custom_tool_call", "local_shell_call"):
            self._call(payload)
        elif ptype in ("function_call_output", "custom_tool_call_output"):
            self._output(payload)

    def _call(self, payload: dict[str, Any]) -> None:
        name = as_str(payload.get("name")) or (
            "local_shell" if payload.get("type") == "local_shell_call" else "?"
        )
        args: dict[str, Any] = {}
        raw = payload.get("arguments")
        if isinstance(raw, str):
            try:
                args = as_dict(load_event(raw))
            except ValueError:
                args = {}
        elif isinstance(raw, dict):
            args = raw
        if payload.get("type") == "local_shell_call":
            args = as_dict(payload.get("action"))
        command = args.get("cmd", args.get("command"))
        if isinstance(command, list):
            command = unwrap_argv([w for w in command if isinstance(w, str)])
        if name in SHELL_TOOLS and isinstance(command, str):
            call = ToolCall(name, command=command)
        else:
            call = ToolCall(name, detail=detail_of(args))
        call_id = as_str(payload.get("call_id"))
        if call_id is not None:
            if call_id in self._by_call_id:
                return
            self._by_call_id[call_id] = len(self._calls)
        self._calls.append(call)

    def _output(self, payload: dict[str, Any]) -> None:
        call_id = as_str(payload.get("call_id"))
        index = self._by_call_id.get(call_id) if call_id is not None else None
        if index is None:
            return
        output = payload.get("output")
        text = output if isinstance(output, str) else as_str(as_dict(output).get("content")) or ""
        match = _EXIT_CODE.search(text)
        if match:
            self._calls[index] = replace(self._calls[index], ok=int(match.group(1)) == 0)

    def calls(self) -> tuple[ToolCall, ...]:
        return tuple(self._calls)


def with_rollout(stats: TranscriptStats, rollout_calls: tuple[ToolCall, ...]) -> TranscriptStats:
    """The --json stats with the rollout's complete call list, when there is one."""
    return replace(stats, tool_calls=rollout_calls) if rollout_calls else stats
