"""opencode `run --format json`.

Events (one object per line, all with `timestamp` and `sessionID`): `step_start`; `tool_use`
once per finished call, `{"part": {"tool", "callID", "state": {"status": "completed"|"error",
"input", "output"|"error"}}}`; `text` (a finished text part); `reasoning`; `step_finish`
(`part.reason`, `part.tokens`, `part.cost`); `error` (`{"error": {"name", "data": {"message"}}}`);
newer releases end with `done` (`{"reason": "idle", "rejected": [permission names]}`).
A last step that finished with `reason: "length"` was cut by the model's output limit: the
answer is unfinished (`cut_off`), as Claude's `stop_reason: max_tokens`. The text parts between
two tool calls are one message; the review is read from the messages as from Claude's
(`review_of`: a review split around a tool call is read whole).
A refused permission shows as a tool part with status `error` and a "rejected permission" /
"specified a rule which prevents you" message. A call to a tool opencode does not offer (the
edit tools in a review; bash when the shell is denied) comes as a completed call of the stand-in
tool `invalid`, `input: {"tool": <the name asked for>, "error": "...unavailable tool..."}`: it is
recorded under the name asked for, failed, and denied for an edit or shell tool (`invalid` also
stands in for a call with bad arguments, a plain failure). The stream names no model and has no
duration.
"""

from __future__ import annotations

from typing import Any

from deepreview.transcripts.review_text import review_of
from deepreview.transcripts.stats import EDIT_TOOLS, SHELL_TOOLS, ToolCall, TranscriptStats
from deepreview.transcripts.stream import (
    StreamParser,
    add_opt,
    as_dict,
    as_float,
    as_int,
    as_list,
    as_str,
    denial_text,
    make_call,
)

_DENIAL_MARKERS = (
    "rejected permission to use this specific tool call",
    "specified a rule which prevents you from using this specific tool call",
)
# A step's finish reason when the model's answer was cut by its output limit (the AI SDK's).
_CUT_REASONS = {"length": "the output limit"}


class OpencodeParser(StreamParser):
    format = "opencode"

    def __init__(self) -> None:
        super().__init__()
        self._messages: list[str] = []  # earlier messages, one per run of text parts
        self._text_parts: list[str] = []  # text since the last tool call
        self._tokens_in: int | None = None
        self._tokens_out: int | None = None
        self._cost: float | None = None
        self._stopped = False  # the last step finished with reason "stop"
        self._cut: str | None = None  # the last step's finish reason, when it cut the answer
        self._done = False
        self._failed = False

    def _event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        part = as_dict(event.get("part"))
        if kind == "tool_use":
            self._tool(part)
        elif kind == "text":
            text = as_str(part.get("text"))
            if text:
                self._text_parts.append(text)
        elif kind == "step_start":
            self._stopped = False
            self._cut = None
        elif kind == "step_finish":
            self._step_finish(part)
        elif kind == "error":
            error = as_dict(event.get("error"))
            message = as_str(as_dict(error.get("data")).get("message"))
            self._errors.append(message or as_str(error.get("name")) or "error")
            self._failed = True
        elif kind == "done":
            self._done = True
            denied_tools = {d.split(":", 1)[0] for d in self._denials}
            for name in as_list(event.get("rejected")):
                if isinstance(name, str) and name not in denied_tools:
                    self._denials.append(name)

    def _tool(self, part: dict[str, Any]) -> None:
        name = as_str(part.get("tool")) or "?"
        state = as_dict(part.get("state"))
        key = as_str(part.get("callID")) or as_str(part.get("id"))
        status = state.get("status")
        if status not in ("completed", "error"):
            # pending/running parts are not emitted today; count them when they finish
            self._last_tool = name
            return
        params = as_dict(state.get("input"))
        if name == "invalid":
            call, ok, denied = _invalid_call(params)
        else:
            call = make_call(name, params)
            ok = status == "completed"
            error = "" if ok else str(state.get("error") or "")
            # an edit tool is never offered in a review: its failure is a refusal
            denied = not ok and (name in EDIT_TOOLS or any(m in error for m in _DENIAL_MARKERS))
        if key is None or key not in self._call_index:
            call = ToolCall(call.tool, call.command, ok, denied, call.detail)
            if denied:
                self._denials.append(denial_text(call))
        self._add_call(key, call)
        if self._text_parts:
            self._messages.append("\n".join(self._text_parts))
        self._text_parts = []

    def _step_finish(self, part: dict[str, Any]) -> None:
        tokens = as_dict(part.get("tokens"))
        cache = as_dict(tokens.get("cache"))
        # opencode reports input net of cache reads/writes; we count every prompt token
        for value in (tokens.get("input"), cache.get("read"), cache.get("write")):
            self._tokens_in = add_opt(self._tokens_in, as_int(value))
        self._tokens_out = add_opt(self._tokens_out, as_int(tokens.get("output")))
        cost = as_float(part.get("cost"))
        if cost is not None:
            self._cost = cost if self._cost is None else self._cost + cost
        # "tool-calls" means another step follows; "length"/"error"/... are not a normal end
        reason = as_str(part.get("reason"))
        self._stopped = reason == "stop"
        self._cut = reason if reason in _CUT_REASONS else None

    @property
    def finished(self) -> bool:
        return self._done

    def result(self) -> TranscriptStats:
        is_error = self._failed
        cut = f"{_CUT_REASONS[self._cut]} (finish reason: {self._cut})" if self._cut else None
        return self._stats(
            model=None,
            cli_duration_ms=None,
            tokens_in=self._tokens_in,
            tokens_out=self._tokens_out,
            cost_usd=self._cost,
            # a step cut by the output limit ended the run too (what it wrote is unfinished)
            ended_normally=(self._done or self._stopped or cut is not None) and not is_error,
            is_error=is_error,
            final_text=review_of([*self._messages, "\n".join(self._text_parts)]),
            cut_off=cut,
        )


def _invalid_call(params: dict[str, Any]) -> tuple[ToolCall, bool, bool]:
    """(call, ok, denied) of opencode's `invalid` stand-in, named by the tool asked for."""
    asked = as_str(params.get("tool")) or "invalid"
    error = as_str(params.get("error")) or ""
    refused = asked in EDIT_TOOLS or (asked in SHELL_TOOLS and "unavailable tool" in error)
    return ToolCall(asked), False, refused
