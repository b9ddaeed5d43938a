"""The three wire protocols the scripted server speaks.

Each protocol says whether a request is a conversation turn (it declares tools) or an auxiliary
request (title, router), how many tool steps the conversation already holds, and how to encode
a step, an auxiliary answer and an error.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, ClassVar

from scripted_server.script import Step
from scripted_server.wire import (
    Reply,
    ToolUse,
    call_id,
    find_workdir,
    new_id,
    played_steps,
    render_call,
    sample_from_schema,
    sse,
    texts_in,
)

SSE = "text/event-stream"


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 100
    output_tokens: int = 20


class Wire:
    name: ClassVar[str]

    def declared_tools(self, body: dict[str, Any]) -> list[str]:
        raise NotImplementedError

    def played(self, body: dict[str, Any]) -> int:
        raise NotImplementedError

    def flavor(self, declared: set[str]) -> str:
        raise NotImplementedError

    def render(self, step: Step, tools: list[ToolUse], model: str, usage: Usage,
               stream: bool) -> Reply:  # fmt: skip
        raise NotImplementedError

    def aux(self, body: dict[str, Any], model: str, stream: bool) -> Reply:
        raise NotImplementedError

    def error(self, status: int, message: str) -> Reply:
        raise NotImplementedError

    def workdir(self, body: dict[str, Any]) -> str | None:
        for text in texts_in(body):
            found = find_workdir(text)
            if found:
                return found
        return None

    def tool_uses(
        self, step: Step, index: int, declared: set[str], root: str | None, prefix: str
    ) -> list[ToolUse]:
        flavor = self.flavor(declared)
        return [
            render_call(flavor, call, declared, root, call_id(prefix, index, k))
            for k, call in enumerate(step.calls)
        ]


class Anthropic(Wire):
    """POST /v1/messages, streamed (Claude Code)."""

    name = "anthropic"
    id_prefix = "toolu_"

    def declared_tools(self, body: dict[str, Any]) -> list[str]:
        return [str(t.get("name")) for t in body.get("tools") or [] if isinstance(t, dict)]

    def flavor(self, declared: set[str]) -> str:
        return "claude"

    def played(self, body: dict[str, Any]) -> int:
        ids: list[object] = []
        turns = 0
        for msg in body.get("messages") or []:
            content = msg.get("content")
            if msg.get("role") != "assistant" or not isinstance(content, list):
                continue
            uses = [b for b in content if isinstance(b, dict) and b.get("type") == "tool_use"]
            turns += bool(uses)
            ids.extend(b.get("id") for b in uses)
        return played_steps(ids, turns)

    def render(
        self, step: Step, tools: list[ToolUse], model: str, usage: Usage, stream: bool
    ) -> Reply:
        blocks: list[dict[str, Any]] = [
            {"type": "tool_use", "id": t.call_id, "name": t.name, "input": t.args} for t in tools
        ]
        if step.is_final:
            blocks = [{"type": "text", "text": step.message}]
        stop = ("max_tokens" if step.cut else "end_turn") if step.is_final else "tool_use"
        return self._message(blocks, stop, model, usage, stream)

    def _message(
        self, blocks: list[dict[str, Any]], stop: str, model: str, usage: Usage, stream: bool
    ) -> Reply:
        msg_id = new_id("msg_mock_")
        if not stream:
            return Reply.json(
                200,
                {
                    "id": msg_id,
                    "type": "message",
                    "role": "assistant",
                    "model": model,
                    "content": blocks,
                    "stop_reason": stop,
                    "stop_sequence": None,
                    "usage": {
                        "input_tokens": usage.input_tokens,
                        "output_tokens": usage.output_tokens,
                    },
                },
            )
        events: list[tuple[str | None, dict[str, Any]]] = [
            (
                "message_start",
                {
                    "type": "message_start",
                    "message": {
                        "id": msg_id,
                        "type": "message",
                        "role": "assistant",
                        "model": model,
                        "content": [],
                        "stop_reason": None,
                        "stop_sequence": None,
                        "usage": {
                            "input_tokens": usage.input_tokens,
                            "output_tokens": 1,
                            "cache_creation_input_tokens": 0,
                            "cache_read_input_tokens": 0,
                        },
                    },
                },
            )
        ]
        for i, block in enumerate(blocks):
            if block["type"] == "text":
                start = {"type": "text", "text": ""}
                delta = {"type": "text_delta", "text": block["text"]}
            else:
                start = {**block, "input": {}}
                delta = {"type": "input_json_delta", "partial_json": json.dumps(block["input"])}
            events += [
                ("content_block_start", {"type": "content_block_start", "index": i,
                                         "content_block": start}),
                ("content_block_delta", {"type": "content_block_delta", "index": i,
                                         "delta": delta}),
                ("content_block_stop", {"type": "content_block_stop", "index": i}),
            ]  # fmt: skip
        events += [
            (
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": stop, "stop_sequence": None},
                    "usage": {"output_tokens": usage.output_tokens},
                },
            ),
            ("message_stop", {"type": "message_stop"}),
        ]
        return Reply(200, SSE, sse(events))

    def aux(self, body: dict[str, Any], model: str, stream: bool) -> Reply:
        fmt = (body.get("output_config") or {}).get("format") or {}
        schema = fmt.get("schema") if isinstance(fmt, dict) else None
        text = json.dumps(sample_from_schema(schema)) if schema else "Scripted review"
        return self._message([{"type": "text", "text": text}], "end_turn", model, Usage(), stream)

    def error(self, status: int, message: str) -> Reply:
        kind = "overloaded_error" if status == 529 else "api_error"
        if status < 500:
            kind = "invalid_request_error"
        return Reply.json(status, {"type": "error", "error": {"type": kind, "message": message}})


class Responses(Wire):
    """POST /v1/responses or /responses, streamed (Codex, opencode with an OpenAI provider)."""

    name = "responses"
    id_prefix = "call_"

    def declared_tools(self, body: dict[str, Any]) -> list[str]:
        names: list[str] = []
        for tool in body.get("tools") or []:
            if not isinstance(tool, dict):
                continue
            if tool.get("name"):
                names.append(str(tool["name"]))
            elif isinstance(tool.get("function"), dict):
                names.append(str(tool["function"].get("name")))
            else:
                names.append(str(tool.get("type")))
        return names

    def flavor(self, declared: set[str]) -> str:
        if "exec_command" in declared or "shell" in declared:
            return "codex"
        return "opencode"

    def played(self, body: dict[str, Any]) -> int:
        items = body.get("input")
        if not isinstance(items, list):
            return 0
        ids: list[object] = []
        turns = 0
        previous_was_call = False
        for item in items:
            is_call = isinstance(item, dict) and item.get("type") in (
                "function_call",
                "custom_tool_call",
                "local_shell_call",
            )
            if is_call:
                ids.append(item.get("call_id"))
                turns += not previous_was_call
            if isinstance(item, dict) and item.get("type") not in ("reasoning",):
                previous_was_call = is_call
        return played_steps(ids, turns)

    def render(
        self, step: Step, tools: list[ToolUse], model: str, usage: Usage, stream: bool
    ) -> Reply:
        if step.is_final:
            items = [self._message_item(step.message)]
        else:
            items = [
                {
                    "type": "function_call",
                    "id": new_id("fc_"),
                    "call_id": t.call_id,
                    "name": t.name,
                    "arguments": t.args_json,
                    "status": "completed",
                }
                for t in tools
            ]
        return self._response(items, model, usage, stream, cut=step.cut)

    @staticmethod
    def _message_item(text: str) -> dict[str, Any]:
        return {
            "type": "message",
            "id": new_id("msg_"),
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": text, "annotations": []}],
        }

    def _response(
        self,
        items: list[dict[str, Any]],
        model: str,
        usage: Usage,
        stream: bool,
        *,
        cut: bool = False,
    ) -> Reply:
        resp_id = new_id("resp_")
        base = {
            "id": resp_id,
            "object": "response",
            "created_at": int(time.time()),
            "model": model,
            "error": None,
            "incomplete_details": None,
            "service_tier": "default",
        }
        # cut by the output limit: the Responses API's `incomplete` status and its reason
        final = {
            **base,
            "status": "incomplete" if cut else "completed",
            "incomplete_details": {"reason": "max_output_tokens"} if cut else None,
            "output": items,
            "usage": {
                "input_tokens": usage.input_tokens,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens": usage.output_tokens,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": usage.input_tokens + usage.output_tokens,
            },
        }
        if not stream:
            return Reply.json(200, final)
        seq = iter(range(1_000_000))
        events: list[tuple[str | None, dict[str, Any]]] = []

        def emit(kind: str, **data: Any) -> None:
            events.append((kind, {"type": kind, "sequence_number": next(seq), **data}))

        emit("response.created", response={**base, "status": "in_progress", "output": []})
        emit("response.in_progress", response={**base, "status": "in_progress", "output": []})
        for index, item in enumerate(items):
            if item["type"] == "function_call":
                emit("response.output_item.added", output_index=index,
                     item={**item, "arguments": "", "status": "in_progress"})  # fmt: skip
                emit("response.function_call_arguments.delta", item_id=item["id"],
                     output_index=index, delta=item["arguments"])  # fmt: skip
                emit("response.function_call_arguments.done", item_id=item["id"],
                     output_index=index, arguments=item["arguments"])  # fmt: skip
            else:
                text = item["content"][0]["text"]
                part = {"type": "output_text", "text": "", "annotations": []}
                emit("response.output_item.added", output_index=index,
                     item={**item, "status": "in_progress", "content": []})  # fmt: skip
                emit("response.content_part.added", item_id=item["id"], output_index=index,
                     content_index=0, part=part)  # fmt: skip
                emit("response.output_text.delta", item_id=item["id"], output_index=index,
                     content_index=0, delta=text, logprobs=[])  # fmt: skip
                emit("response.output_text.done", item_id=item["id"], output_index=index,
                     content_index=0, text=text, logprobs=[])  # fmt: skip
                emit("response.content_part.done", item_id=item["id"], output_index=index,
                     content_index=0, part={**part, "text": text})  # fmt: skip
            emit("response.output_item.done", output_index=index, item=item)
        emit("response.incomplete" if cut else "response.completed", response=final)
        return Reply(200, SSE, sse(events))

    def aux(self, body: dict[str, Any], model: str, stream: bool) -> Reply:
        text_cfg = (body.get("text") or {}).get("format") or {}
        schema = text_cfg.get("schema") if isinstance(text_cfg, dict) else None
        text = json.dumps(sample_from_schema(schema)) if schema else "Scripted review"
        return self._response([self._message_item(text)], model, Usage(), stream)

    def error(self, status: int, message: str) -> Reply:
        kind = "server_error" if status >= 500 else "invalid_request_error"
        return Reply.json(
            status, {"error": {"message": message, "type": kind, "param": None, "code": None}}
        )


class Gemini(Wire):
    """models/<m>:streamGenerateContent?alt=sse, :generateContent, :countTokens (Gemini CLI)."""

    name = "gemini"
    id_prefix = "gcall_"

    def declared_tools(self, body: dict[str, Any]) -> list[str]:
        names: list[str] = []
        for tool in body.get("tools") or []:
            for decl in (tool or {}).get("functionDeclarations") or []:
                names.append(str(decl.get("name")))
        return names

    def flavor(self, declared: set[str]) -> str:
        return "gemini"

    def played(self, body: dict[str, Any]) -> int:
        ids: list[object] = []
        turns = 0
        for content in body.get("contents") or []:
            if content.get("role") != "model":
                continue
            calls = [p["functionCall"] for p in content.get("parts") or [] if "functionCall" in p]
            turns += bool(calls)
            ids.extend(c.get("id") for c in calls)
        return played_steps(ids, turns)

    def render(
        self, step: Step, tools: list[ToolUse], model: str, usage: Usage, stream: bool
    ) -> Reply:
        meta = {
            "promptTokenCount": usage.input_tokens,
            "candidatesTokenCount": usage.output_tokens,
            "totalTokenCount": usage.input_tokens + usage.output_tokens,
        }
        if step.is_final:
            text = step.message
            finish = "MAX_TOKENS" if step.cut else "STOP"
            half = len(text) // 2
            # Text arrives in two chunks, as from the real API, to exercise delta joining.
            chunks = [
                {"candidates": [{"content": {"role": "model", "parts": [{"text": text[:half]}]},
                                 "index": 0}], "modelVersion": model},
                {"candidates": [{"content": {"role": "model", "parts": [{"text": text[half:]}]},
                                 "finishReason": finish, "index": 0}],
                 "usageMetadata": meta, "modelVersion": model},
            ]  # fmt: skip
        else:
            parts = [
                {"functionCall": {"id": t.call_id, "name": t.name, "args": t.args}} for t in tools
            ]
            chunks = [
                {"candidates": [{"content": {"role": "model", "parts": parts},
                                 "finishReason": "STOP", "index": 0}],
                 "usageMetadata": meta, "modelVersion": model},
            ]  # fmt: skip
        if not stream:
            merged = {**chunks[-1]}
            if step.is_final:
                merged["candidates"] = [
                    {"content": {"role": "model", "parts": [{"text": step.message}]},
                     "finishReason": finish, "index": 0}
                ]  # fmt: skip
            return Reply.json(200, merged)
        return Reply(200, SSE, sse([(None, c) for c in chunks]))

    def aux(self, body: dict[str, Any], model: str, stream: bool) -> Reply:
        cfg = body.get("generationConfig") or {}
        schema = cfg.get("responseJsonSchema") or cfg.get("responseSchema")
        text = json.dumps(sample_from_schema(schema)) if schema else "Scripted review"
        return self.render(Step.text(text), [], model, Usage(), stream)

    def error(self, status: int, message: str) -> Reply:
        names = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 503: "UNAVAILABLE"}  # fmt: skip
        state = names.get(status, "INTERNAL")
        return Reply.json(status, {"error": {"code": status, "message": message, "status": state}})


ANTHROPIC = Anthropic()
RESPONSES = Responses()
GEMINI = Gemini()
