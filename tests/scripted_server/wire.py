"""Pieces shared by the three wire protocols: replies, neutral-call mapping, JSON samples."""

from __future__ import annotations

import json
import re
import shlex
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from scripted_server.script import NeutralCall, ReadFile, Search, Shell, WriteFile


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes

    @classmethod
    def json(cls, status: int, data: Any) -> Reply:
        return cls(status, "application/json", json.dumps(data).encode())


@dataclass(frozen=True)
class ToolUse:
    """A neutral call rendered for one client: the tool name and arguments it declared."""

    call_id: str
    name: str
    args: dict[str, Any]

    @property
    def args_json(self) -> str:
        return json.dumps(self.args)


def sse(events: list[tuple[str | None, dict[str, Any]]]) -> bytes:
    out = []
    for name, data in events:
        head = f"event: {name}\n" if name else ""
        out.append(f"{head}data: {json.dumps(data)}\n\n")
    return "".join(out).encode()


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:12]}"


def call_id(prefix: str, step: int, k: int) -> str:
    """Call ids carry the step index so a later request tells which steps were played."""
    return f"{prefix}s{step}_{k}_{uuid.uuid4().hex[:6]}"


_STEP_TAG = re.compile(r"s(\d+)_\d+_[0-9a-f]{6}$")


def step_of(identifier: object) -> int | None:
    if not isinstance(identifier, str):
        return None
    m = _STEP_TAG.search(identifier)
    return int(m.group(1)) if m else None


def played_steps(ids: list[object], fallback_turns: int) -> int:
    """How many tool steps the conversation already holds.

    Prefer the step tags in our own call ids (robust to how a client groups parallel calls in
    its history); fall back to counting assistant turns that made tool calls.
    """
    tags = [s for s in (step_of(i) for i in ids) if s is not None]
    return max(tags) + 1 if tags else fallback_turns


_WORKDIR = re.compile(
    r"(?:[Ww]orking directory|working in the directory|[Cc]urrent working directory)"
    r"\s*[:=]?\s*`?(/[^\s`<>\"']+)"
)


def find_workdir(text: str) -> str | None:
    m = _WORKDIR.search(text)
    return m.group(1).rstrip(".,") if m else None


def absolute(path: str, root: str | None) -> str:
    if PurePosixPath(path).is_absolute() or not root:
        return path
    return str(PurePosixPath(root) / path)


def write_command(call: WriteFile) -> str:
    return f"printf %s {shlex.quote(call.content)} > {shlex.quote(call.path)}"


def render_call(
    flavor: str, call: NeutralCall, declared: set[str], root: str | None, cid: str
) -> ToolUse:
    """Map a neutral call to the tool a client of `flavor` declared."""
    if flavor == "claude":
        if isinstance(call, Shell):
            return ToolUse(cid, "Bash", {"command": call.command, "description": call.description})
        if isinstance(call, ReadFile):
            return ToolUse(cid, "Read", {"file_path": absolute(call.path, root)})
        if isinstance(call, Search):
            return ToolUse(cid, "Grep", {"pattern": call.pattern})
        return ToolUse(
            cid, "Write", {"file_path": absolute(call.path, root), "content": call.content}
        )
    if flavor == "gemini":
        if isinstance(call, Shell):
            return ToolUse(
                cid, "run_shell_command", {"command": call.command, "description": call.description}
            )
        if isinstance(call, ReadFile):
            return ToolUse(cid, "read_file", {"file_path": call.path})
        if isinstance(call, Search):
            return ToolUse(cid, "grep_search", {"pattern": call.pattern})
        return ToolUse(cid, "write_file", {"file_path": call.path, "content": call.content})
    if flavor == "opencode":
        if isinstance(call, Shell):
            return ToolUse(cid, "bash", {"command": call.command, "description": call.description})
        if isinstance(call, ReadFile):
            return ToolUse(cid, "read", {"filePath": absolute(call.path, root)})
        if isinstance(call, Search):
            return ToolUse(cid, "grep", {"pattern": call.pattern})
        if "write" in declared or "apply_patch" not in declared:
            return ToolUse(
                cid, "write", {"filePath": absolute(call.path, root), "content": call.content}
            )
        patch = f"*** Begin Patch\n*** Add File: {call.path}\n+{call.content}\n*** End Patch"
        return ToolUse(cid, "apply_patch", {"patchText": patch})
    # codex: everything goes through its shell tool
    if isinstance(call, Shell):
        cmd = call.command
    elif isinstance(call, ReadFile):
        cmd = f"cat {shlex.quote(call.path)}"
    elif isinstance(call, Search):
        cmd = f"grep -rl {shlex.quote(call.pattern)} ."
    else:
        cmd = write_command(call)
    if "exec_command" in declared or "shell" not in declared:
        return ToolUse(cid, "exec_command", {"cmd": cmd})
    return ToolUse(cid, "shell", {"command": ["bash", "-lc", cmd]})


def sample_from_schema(schema: Any) -> Any:
    """A small value that satisfies a JSON schema (router / title requests)."""
    if not isinstance(schema, dict):
        return "scripted"
    if schema.get("enum"):
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            return sample_from_schema(schema[key][0])
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    kind = str(kind).lower() if kind else ("object" if "properties" in schema else "string")
    if kind == "object":
        props = schema.get("properties") or {}
        return {name: sample_from_schema(sub) for name, sub in props.items()}
    if kind == "array":
        return [sample_from_schema(schema.get("items", {}))]
    if kind in ("integer", "number"):
        return 1
    if kind == "boolean":
        return False
    return "scripted"


def texts_in(value: Any) -> list[str]:
    """Every string inside a JSON value (to search a request for the prompt or a workdir)."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
