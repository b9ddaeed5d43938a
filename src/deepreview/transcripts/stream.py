"""Shared machinery of the incremental JSONL parsers: line decoding, malformed-line accounting,
tool-call bookkeeping and defensive field access (CLI output is input we do not control).
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar

from deepreview.transcripts.stats import SHELL_TOOLS, ToolCall, TranscriptStats

# Input keys whose value best describes a non-shell call, in order of preference.
_DETAIL_KEYS = (
    "file_path", "filePath", "absolute_path", "notebook_path", "pattern", "path", "dir_path",
    "query", "url", "subagent_type", "description",
)  # fmt: skip
_MAX_DETAIL = 200
# A `\uD800`-`\uDFFF` escape: JSON allows half a surrogate pair (Node's JSON.stringify writes
# one for an emoji cut in two), Python decodes it into a code point no UTF-8 writer accepts.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def load_event(line: bytes | str) -> object:
    """One line of JSON, its strings valid text (half a surrogate pair is U+FFFD); raises
    ValueError for a line that is none, nested past the decoder's depth included."""
    text = line.decode("utf-8") if isinstance(line, bytes) else line
    try:
        value = json.loads(text)
        return _valid_text(value) if _SURROGATE_ESCAPE.search(text) else value
    except RecursionError as exc:  # a model-chosen tool input nested thousands deep
        raise ValueError("JSON nested too deep") from exc


def _valid_text(value: object) -> object:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_valid_text(k): _valid_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_valid_text(v) for v in value]
    return value


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def as_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def as_int(value: object) -> int | None:
    # bool is an int subclass; a `true` where a count belongs is not a count
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def as_float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def add_opt(total: int | None, value: int | None) -> int | None:
    if value is None:
        return total
    return value if total is None else total + value


def detail_of(params: dict[str, Any]) -> str:
    for key in _DETAIL_KEYS:
        value = params.get(key)
        if isinstance(value, str) and value:
            return value if len(value) <= _MAX_DETAIL else value[: _MAX_DETAIL - 1] + "…"
    return ""


def make_call(tool: str, params: dict[str, Any], command_key: str = "command") -> ToolCall:
    """A ToolCall from a tool name and its input object."""
    if tool in SHELL_TOOLS:
        command = params.get(command_key)
        if isinstance(command, list) and all(isinstance(w, str) for w in command):
            command = " ".join(command)
        if isinstance(command, str):
            return ToolCall(tool=tool, command=command)
    return ToolCall(tool=tool, detail=detail_of(params))


def denial_text(call: ToolCall) -> str:
    what = call.command if call.command is not None else call.detail
    return f"{call.tool}: {what}" if what else call.tool


class StreamParser:
    """Base of the per-CLI parsers. Feed it one line at a time; `result()` at any point."""

    format: ClassVar[str] = ""

    def __init__(self) -> None:
        self._lines = 0
        self._malformed = 0
        self._calls: list[ToolCall] = []
        self._call_index: dict[str, int] = {}
        self._last_tool: str | None = None
        self._errors: list[str] = []
        self._denials: list[str] = []
        self._retries = 0
        self._retry_causes: dict[str, None] = {}  # ordered set

    def _note_retry(self, cause: str | None) -> None:
        self._retries += 1
        if cause:
            self._retry_causes.setdefault(cause)

    # -- live progress -------------------------------------------------------------------------
    @property
    def tool_call_count(self) -> int:
        return len(self._calls)

    @property
    def last_tool(self) -> str | None:
        return self._last_tool

    @property
    def last_call(self) -> ToolCall | None:
        return self._calls[-1] if self._calls else None

    @property
    def finished(self) -> bool:
        """Whether the CLI's final event (a result, success or error) was seen: its work is
        over, whatever it still prints or however long it takes to exit."""
        return False

    # -- input ---------------------------------------------------------------------------------
    def feed(self, line: bytes | str) -> None:
        """One line of the CLI's stdout (trailing newline optional). Never raises."""
        if not line or line.isspace():
            return
        self._lines += 1
        try:
            event = load_event(line)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError both
            self._malformed += 1
            return
        if not isinstance(event, dict):
            self._malformed += 1
            return
        try:
            self._event(event)
        except (TypeError, AttributeError, KeyError, ValueError):
            # A JSON object of a shape we do not expect; the accessors should prevent this,
            # and a transcript must never break a review.
            self._malformed += 1

    def note_malformed(self) -> None:
        """Count a line the reader had to drop (e.g. longer than its limit)."""
        self._lines += 1
        self._malformed += 1

    def _event(self, event: dict[str, Any]) -> None:
        raise NotImplementedError

    def result(self) -> TranscriptStats:
        """The stats so far; pure, so it can be called mid-stream and again at the end."""
        raise NotImplementedError

    # -- bookkeeping ---------------------------------------------------------------------------
    def _add_call(self, key: str | None, call: ToolCall) -> None:
        """Record a call once per key (CLIs repeat events for the same call)."""
        self._last_tool = call.tool
        if key is not None:
            if key in self._call_index:
                return
            self._call_index[key] = len(self._calls)
        self._calls.append(call)

    def _update_call(
        self, key: str | None, *, ok: bool | None, denied: bool | None = None
    ) -> ToolCall | None:
        index = self._call_index.get(key) if key is not None else None
        if index is None:
            return None
        old = self._calls[index]
        # direct construction: dataclasses.replace costs more than the rest of a line's work
        new = ToolCall(
            old.tool, old.command, ok, old.denied if denied is None else denied, old.detail
        )
        self._calls[index] = new
        return new

    def _deny(self, key: str | None, fallback: ToolCall) -> None:
        call = self._update_call(key, denied=True, ok=False)
        self._denials.append(denial_text(call if call is not None else fallback))

    def _stats(
        self,
        *,
        model: str | None,
        cli_duration_ms: int | None,
        tokens_in: int | None,
        tokens_out: int | None,
        cost_usd: float | None,
        ended_normally: bool,
        is_error: bool,
        final_text: str,
        calls: list[ToolCall] | None = None,
        denials: list[str] | None = None,
        errors: list[str] | None = None,
        cut_off: str | None = None,
    ) -> TranscriptStats:
        """Snapshot of the state; `calls`/`denials`/`errors` override it without mutating it."""
        return TranscriptStats(
            format=self.format,
            model=model,
            cli_duration_ms=cli_duration_ms,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            cost_usd=cost_usd,
            tool_calls=tuple(self._calls if calls is None else calls),
            permission_denials=tuple(self._denials if denials is None else denials),
            errors=tuple(self._errors if errors is None else errors),
            retries=self._retries,
            ended_normally=ended_normally,
            is_error=is_error,
            final_text=final_text,
            malformed_lines=self._malformed,
            lines=self._lines,
            retry_causes=tuple(self._retry_causes),
            cut_off=cut_off,
        )

    def _no_result(
        self, *, model: str | None, final_text: str, errors: list[str] | None = None
    ) -> TranscriptStats:
        """A stream with no result event yet (still running, or killed before it ended): no
        duration, tokens or cost were reported, and the run did not end normally."""
        return self._stats(
            model=model,
            cli_duration_ms=None,
            tokens_in=None,
            tokens_out=None,
            cost_usd=None,
            ended_normally=False,
            is_error=False,
            final_text=final_text,
            errors=errors,
        )
