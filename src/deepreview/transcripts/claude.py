"""Claude Code `-p --output-format stream-json --verbose`.

Traps handled: one `assistant` event per content block (parallel tool_use blocks share a
message.id, so calls are keyed by the tool_use id); `is_error: true` with `subtype: "success"` is an
error; `system/api_retry` events are retries; `result.permission_denials[]` marks denied calls.
It lists only what the permission policy refused: a call to a tool that is not enabled (the edit
tools in a review) and a blocked write come back only as an erroring `tool_result`, so those
are marked denied from the result's text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from deepreview.transcripts.error_codes import explained
from deepreview.transcripts.review_text import review_of
from deepreview.transcripts.stats import EDIT_TOOLS, ToolCall, TranscriptStats
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

_SYNTHETIC = "<synthetic>"
# Words of a refusal in an erroring tool_result (Claude Code 2.1): a tool that is not offered,
# and a write outside the allowed directories (also listed in permission_denials, counted once).
_REFUSAL_MARKERS = ("exists but is not enabled", "was blocked. For security")
# The result's `stop_reason` when the model's answer was cut by its output limit.
_CUT_STOPS = {
    "max_tokens": "the output limit",
    "model_context_window_exceeded": "the context window",
}
# Claude Code 2.1 turns such a stop into a made-up assistant message with this `error`
# ("API Error: Claude's response exceeded the 32000 output token maximum. ...", or "... has
# reached its context window limit.") and an error result quoting it: the answer it had
# streamed is then no error message but an unfinished review.
_CUT_ERROR = "max_output_tokens"
# What an api_retry with no status and the error "unknown" was: no HTTP response came back.
_NO_RESPONSE = "no HTTP response"


def _subtype_error(subtype: str | None) -> str | None:
    """`error_max_turns` -> `stopped at its turn limit (error_max_turns): …` (`explained`)."""
    return explained(subtype or "") or subtype


class ClaudeParser(StreamParser):
    format = "claude"

    def __init__(self) -> None:
        super().__init__()
        self._init_model: str | None = None
        self._message_model: str | None = None
        self._texts: list[str] = []  # the top-level assistant texts, in order (`review_of`)
        self._result: dict[str, Any] | None = None
        self._retrying_error: str | None = None  # set while the last event was an api_retry
        self._unreached = 0  # api_retry events with no HTTP response (no status, "unknown")
        self._cut_message: str | None = None  # the made-up message of a cut answer (`_CUT_ERROR`)

    def _event(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "assistant":
            self._assistant(event)
        elif kind == "user":
            self._user(event)
        elif kind == "system":
            subtype = event.get("subtype")
            if subtype == "init":
                self._init_model = as_str(event.get("model")) or self._init_model
            elif subtype == "api_retry":
                error = as_str(event.get("error")) or "unknown"
                status = as_int(event.get("error_status"))
                suffix = f" (HTTP {status})" if status is not None else ""
                # "authentication_failed" -> "authentication failed (HTTP 401)"; an event that
                # names neither gives no cause (the retro guesses none)
                named = error if error != "unknown" else None  # the CLI's own "unknown"
                if named is None and status is None:
                    # no HTTP response at all (trial 54 #10): the network or the base URL,
                    # which the CLI's "unknown" does not tell the user
                    self._unreached += 1
                    self._note_retry(_NO_RESPONSE)
                    self._retrying_error = (
                        f"the API could not be reached: {self._unreached} "
                        f"{'retry' if self._unreached == 1 else 'retries'} with {_NO_RESPONSE}; "
                        "check the network or ANTHROPIC_BASE_URL"
                    )
                    return
                words = (named or "API error").replace("_", " ")
                self._note_retry(f"{words}{suffix}")
                self._retrying_error = f"API retry {event.get('attempt')}: {error}{suffix}"
                return
        elif kind == "result":
            self._result = event
        self._retrying_error = None

    def _assistant(self, event: dict[str, Any]) -> None:
        message = as_dict(event.get("message"))
        model = as_str(message.get("model"))
        # API failures come as a made-up assistant message (model "<synthetic>", event "error")
        # whose text is the error, not an answer.
        synthetic = model == _SYNTHETIC or "error" in event
        if model and not synthetic:
            self._message_model = model
        top_level = event.get("parent_tool_use_id") is None and not synthetic
        if top_level:
            self._cut_message = None  # the model went on after it
        elif event.get("error") == _CUT_ERROR:
            self._cut_message = _first_text(message.get("content"))
        for block in as_list(message.get("content")):
            block = as_dict(block)
            btype = block.get("type")
            if btype == "tool_use":
                name = as_str(block.get("name")) or "?"
                self._add_call(
                    as_str(block.get("id")), make_call(name, as_dict(block.get("input")))
                )
            elif btype == "text" and top_level:
                text = as_str(block.get("text"))
                if text:
                    self._texts.append(text)

    def _user(self, event: dict[str, Any]) -> None:
        for block in as_list(as_dict(event.get("message")).get("content")):
            block = as_dict(block)
            if block.get("type") != "tool_result":
                continue
            key = as_str(block.get("tool_use_id"))
            if block.get("is_error") is not True:
                self._update_call(key, ok=True)
            elif _refused(self._call_of(key), _result_text(block.get("content"))):
                self._deny(key, ToolCall("?"))
            else:
                self._update_call(key, ok=False)

    def _call_of(self, key: str | None) -> ToolCall | None:
        index = self._call_index.get(key) if key is not None else None
        return self._calls[index] if index is not None else None

    @property
    def finished(self) -> bool:
        return self._result is not None

    def result(self) -> TranscriptStats:
        """Pure with respect to the parser: callable for progress, then again at the end."""
        model = self._init_model or self._message_model
        res = self._result
        if res is None:
            return self._no_result(
                model=model,
                final_text=review_of(self._texts),
                # killed while retrying: the retry's error is the only explanation there is
                errors=[*self._errors, self._retrying_error] if self._retrying_error else None,
            )

        calls = list(self._calls)
        denials = list(self._denials)
        for denial in as_list(res.get("permission_denials")):
            denial = as_dict(denial)
            name = as_str(denial.get("tool_name")) or "?"
            key = as_str(denial.get("tool_use_id"))
            index = self._call_index.get(key) if key is not None else None
            if index is not None:
                if calls[index].denied:  # already counted from its tool_result
                    continue
                calls[index] = replace(calls[index], denied=True, ok=False)
                denials.append(denial_text(calls[index]))
            else:
                denials.append(denial_text(make_call(name, as_dict(denial.get("tool_input")))))

        is_error = res.get("is_error") is True or res.get("subtype") not in (None, "success")
        text = as_str(res.get("result"))
        status = as_int(res.get("api_error_status"))
        if is_error and text and status is not None and str(status) not in text:
            text = f"HTTP {status}: {text}"  # "Invalid API key · …" says no status; the event does
        errors = list(self._errors)
        if is_error:
            errors.append(text or _subtype_error(as_str(res.get("subtype"))) or "error")
            errors.extend(e for e in as_list(res.get("errors")) if isinstance(e, str) and e)

        stop = as_str(res.get("stop_reason"))
        cut_off = f"{_CUT_STOPS[stop]} (stop_reason: {stop})" if stop in _CUT_STOPS else None
        if is_error and self._cut_message is not None and self._texts:
            # the error is the cut (`_CUT_ERROR`): what it wrote is its unfinished review
            where = "the context window" if "context window" in self._cut_message else None
            cut_off = f"{where or 'the output limit'} (error: {_CUT_ERROR})"
            is_error, text = False, None
        model_usage = {str(k): as_dict(v) for k, v in as_dict(res.get("modelUsage")).items()}
        tokens_in, tokens_out = _tokens(as_dict(res.get("usage")), model_usage)
        return self._stats(
            model=_main_model(model_usage) or model,
            cli_duration_ms=as_int(res.get("duration_ms")),
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            cost_usd=as_float(res.get("total_cost_usd")),
            ended_normally=not is_error,
            is_error=is_error,
            # on error, `result` holds the error message, not the review: what the model wrote
            # before the error is its own messages (a review, even: `agents._cli` keeps it)
            final_text=review_of(self._texts) if is_error else self._review(text),
            calls=calls,
            denials=denials,
            errors=errors,
            cut_off=cut_off,
        )

    def _review(self, result_text: str | None) -> str:
        """The review: `result` is the last message's text, the review may have begun in an
        earlier one (`review_of`)."""
        texts = self._texts
        if result_text is not None and (not texts or texts[-1] != result_text):
            texts = [*texts, result_text]
        return review_of(texts) if texts else (result_text or "")


def _first_text(content: object) -> str:
    return next(
        (t for b in as_list(content) if (t := as_str(as_dict(b).get("text"))) is not None), ""
    )


def _refused(call: ToolCall | None, text: str) -> bool:
    # an edit tool is never offered in a review, so its failure is a refusal whatever the words
    if call is not None and call.tool in EDIT_TOOLS:
        return True
    return any(marker in text for marker in _REFUSAL_MARKERS)


def _result_text(content: object) -> str:
    """A tool_result's content: a string, or a list of text blocks."""
    if isinstance(content, str):
        return content
    return " ".join(as_str(as_dict(b).get("text")) or "" for b in as_list(content))


def _tokens(
    usage: dict[str, Any], model_usage: dict[str, dict[str, Any]]
) -> tuple[int | None, int | None]:
    """The session's tokens: `modelUsage` (per model, sub-agents and helper models included,
    what `total_cost_usd` sums), else `usage`, which counts the main agent's requests only."""
    tokens_in: int | None = None
    tokens_out: int | None = None
    for entry in model_usage.values():
        for key in ("inputTokens", "cacheCreationInputTokens", "cacheReadInputTokens"):
            tokens_in = add_opt(tokens_in, as_int(entry.get(key)))
        tokens_out = add_opt(tokens_out, as_int(entry.get("outputTokens")))
    if tokens_in is not None or tokens_out is not None:
        return tokens_in, tokens_out
    for key in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
        tokens_in = add_opt(tokens_in, as_int(usage.get(key)))
    return tokens_in, as_int(usage.get("output_tokens"))


def _main_model(model_usage: dict[str, dict[str, Any]]) -> str | None:
    """The model that did the work: Claude Code bills small helper calls to a cheaper one."""
    best: str | None = None
    best_out = -1
    for name, entry in model_usage.items():
        out = as_int(entry.get("outputTokens")) or 0
        if out > best_out:
            best, best_out = name, out
    return best
