#!/usr/bin/env python3
"""A stand-in `claude` CLI for lead tests: Claude's stream-json events, scripted answers.

Installed on PATH as `claude` (see `lead_kit.install_fake_claude`), so the real Claude adapter
builds its real command line and parses what this prints. It reads `claude.scenario.json` next
to itself:

    {"answers": ["<pass 1 final text>", "<pass 2 final text>"],   # the last one repeats
     "sleep": 0.0,                                                 # before answering
     "log_dir": "<dir>",                                          # prompt-N.txt, argv-N.json
     "crash": {"stderr": "<text>", "code": 7},                    # optional: crash instead
     "hang": 0.0,                                                 # after answering, before
                                                                  # its result event
     "cut_passes": [1]}                                           # runs whose answer the
                                                                  # output limit cut

Each run saves the prompt it got on stdin as `prompt-N.txt` (N = 1, 2, ...) in `log_dir`, runs
one `git blame` tool call (as an event pair), then answers with `answers[N-1]`.
Standard library only.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from pathlib import Path

MODEL = "claude-opus-4-6"


def emit(obj: dict) -> None:  # type: ignore[type-arg]
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main() -> int:
    if "--version" in sys.argv[1:]:
        print("2.1.197 (Claude Code)")
        return 0
    me = Path(sys.argv[0])
    scenario = json.loads((me.parent / "claude.scenario.json").read_text(encoding="utf-8"))
    prompt = sys.stdin.read()
    log_dir = Path(scenario["log_dir"])
    log_dir.mkdir(parents=True, exist_ok=True)
    n = len(list(log_dir.glob("prompt-*.txt"))) + 1
    (log_dir / f"prompt-{n}.txt").write_text(prompt, encoding="utf-8")
    (log_dir / f"argv-{n}.json").write_text(json.dumps(sys.argv[1:]), encoding="utf-8")
    crash = scenario.get("crash")
    if crash:  # a CLI that dies before answering: its words on stderr, a non-zero exit
        sys.stderr.write(crash["stderr"])
        return int(crash["code"])
    answers = scenario.get("answers") or [""]
    answer = answers[min(n, len(answers)) - 1]
    sid = str(uuid.uuid4())
    usage = {
        "input_tokens": 100,
        "output_tokens": 1,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
    }
    emit(
        {
            "type": "system",
            "subtype": "init",
            "cwd": os.getcwd(),
            "session_id": sid,
            "tools": ["Bash", "Read", "Grep"],
            "mcp_servers": [],
            "model": MODEL,
            "permissionMode": "default",
            "apiKeySource": "ANTHROPIC_API_KEY",
            "claude_code_version": "2.1.197",
            "uuid": str(uuid.uuid4()),
        }
    )

    def assistant(content: list) -> dict:  # type: ignore[type-arg]
        return {
            "type": "assistant",
            "message": {
                "id": f"msg_{uuid.uuid4().hex[:12]}",
                "type": "message",
                "role": "assistant",
                "model": MODEL,
                "content": content,
                "stop_reason": None,
                "stop_sequence": None,
                "usage": usage,
            },
            "parent_tool_use_id": None,
            "session_id": sid,
            "uuid": str(uuid.uuid4()),
        }

    emit(
        assistant(
            [
                {
                    "type": "tool_use",
                    "id": "toolu_01",
                    "name": "Bash",
                    "input": {"command": "git blame calc.py", "description": "blame"},
                }
            ]
        )
    )
    emit(
        {
            "type": "user",
            "message": {
                "role": "user",
                "content": [
                    {
                        "tool_use_id": "toolu_01",
                        "type": "tool_result",
                        "content": "^abc (T 1) def add",
                        "is_error": False,
                    }
                ],
            },
            "parent_tool_use_id": None,
            "session_id": sid,
            "uuid": str(uuid.uuid4()),
        }
    )
    time.sleep(float(scenario.get("sleep", 0.0)))
    emit(assistant([{"type": "text", "text": answer}]))
    # A CLI that wrote its whole answer and then hangs (its session still open, no result
    # event): the review's timeout ends it.
    time.sleep(float(scenario.get("hang", 0.0)))
    emit(
        {
            "type": "result",
            "subtype": "success",
            "is_error": False,
            "duration_ms": 2100,
            "duration_api_ms": 1900,
            "num_turns": 2,
            "result": answer,
            "stop_reason": "max_tokens" if n in scenario.get("cut_passes", []) else "end_turn",
            "session_id": sid,
            "total_cost_usd": 0.0312,
            "usage": {
                "input_tokens": 5100,
                "cache_creation_input_tokens": 0,
                "cache_read_input_tokens": 0,
                "output_tokens": 640,
            },
            "modelUsage": {
                MODEL: {
                    "inputTokens": 5100,
                    "outputTokens": 640,
                    "cacheReadInputTokens": 0,
                    "cacheCreationInputTokens": 0,
                    "costUSD": 0.0312,
                }
            },
            "permission_denials": [],
            "uuid": str(uuid.uuid4()),
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
