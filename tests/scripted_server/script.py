"""Protocol-neutral scripts for the scripted model server.

A script is a list of `Step`s. The server answers each model request with the step whose index
equals the number of tool rounds already in the conversation, so the same script plays on the
Anthropic, OpenAI Responses and Gemini wire protocols. A neutral tool call (`Shell`, `ReadFile`,
`WriteFile`, `Search`) is turned into the tool the client declared (`Bash`, `exec_command`,
`run_shell_command`, ...) by the protocol modules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Shell:
    command: str
    description: str = "Run a command"


@dataclass(frozen=True)
class ReadFile:
    path: str  # repo-relative; made absolute for clients whose read tool wants that


@dataclass(frozen=True)
class WriteFile:
    path: str
    content: str = "x"


@dataclass(frozen=True)
class Search:
    """The client's own content search (Claude's Grep, Gemini's grep_search, opencode's grep;
    codex: `grep -rl` in its shell), naming the files that hold `pattern`."""

    pattern: str


NeutralCall = Shell | ReadFile | WriteFile | Search


@dataclass(frozen=True)
class Step:
    """One model turn: either tool calls (issued together, in parallel) or the final text;
    `cut`: that text ends as cut by the model's output limit (each protocol's own signal)."""

    calls: tuple[NeutralCall, ...] = ()
    message: str = ""
    cut: bool = False

    @classmethod
    def tools(cls, calls: Iterable[NeutralCall]) -> Step:
        calls = tuple(calls)
        if not calls:
            raise ValueError("Step.tools needs at least one call")
        return cls(calls=calls)

    @classmethod
    def text(cls, message: str, *, cut: bool = False) -> Step:
        return cls(message=message, cut=cut)

    @property
    def is_final(self) -> bool:
        return not self.calls


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) answering a model request.

    `times` counts model requests this fault applies to (None: all of them). Faults are
    consumed in list order, so `[Fault.http(500, times=2)]` fails twice and then the script
    plays normally.
    """

    kind: Literal["status", "close", "delay"]
    status: int = 500
    seconds: float = 0.0
    times: int | None = None
    message: str = "scripted failure"

    @classmethod
    def http(cls, status: int = 500, *, times: int | None = None, message: str = "") -> Fault:
        return cls("status", status=status, times=times, message=message or f"scripted {status}")

    @classmethod
    def close(cls, *, times: int | None = None) -> Fault:
        return cls("close", times=times)

    @classmethod
    def delay(cls, seconds: float, *, times: int | None = None) -> Fault:
        return cls("delay", seconds=seconds, times=times)


@dataclass
class FaultQueue:
    """Thread-unsafe on its own; the server holds its lock while consuming."""

    faults: list[Fault] = field(default_factory=list)
    _used: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._used = [0] * len(self.faults)

    def take(self) -> Fault | None:
        for i, fault in enumerate(self.faults):
            if fault.times is None or self._used[i] < fault.times:
                self._used[i] += 1
                return fault
        return None


DEFAULT_REVIEW = "## Executive Summary\nLooks fine."


def default_script(final_text: str = DEFAULT_REVIEW) -> list[Step]:
    """The reference conversation: git log + git blame, read README.md, then the review."""
    return [
        Step.tools([Shell("git log --oneline -1", "Show last commit"), Shell("git blame calc.py")]),
        Step.tools([ReadFile("README.md")]),
        Step.text(final_text),
    ]


def script_from_json(data: Sequence[Mapping[str, Any]]) -> list[Step]:
    """`[{"tools": [{"shell": "git log"}, {"read": "README.md"}, {"write": ["p", "x"]}]},
    {"text": "..."}]` -> steps (the `python -m scripted_server --script` format)."""
    steps: list[Step] = []
    for raw in data:
        if "text" in raw:
            steps.append(Step.text(str(raw["text"])))
            continue
        calls: list[NeutralCall] = []
        for call in raw.get("tools", []):
            if "shell" in call:
                calls.append(Shell(str(call["shell"])))
            elif "read" in call:
                calls.append(ReadFile(str(call["read"])))
            elif "write" in call:
                path, content = call["write"]
                calls.append(WriteFile(str(path), str(content)))
            else:
                raise ValueError(f"unknown tool call in script: {json.dumps(call)}")
        steps.append(Step.tools(calls))
    return steps
