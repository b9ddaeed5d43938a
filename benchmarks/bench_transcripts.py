"""Throughput of `deepreview.transcripts.parse_file` on ~100 MB realistic transcripts.

Not a test: run `.venv/bin/python benchmarks/bench_transcripts.py [--mb 100]`. It writes one
transcript per format into a temp dir (tool calls with multi-KB outputs of code-like text, the
way real reviews look), parses each, checks the counts it generated, and prints MB/s.
Target: at least 50 MB/s per format.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from deepreview.agents.registry import transcript_agents, transcript_parser
from deepreview.transcripts import parse_file

TARGET_MB_S = 50.0

_CODE = [
    "def add(a, b):",
    "    return a + b",
    '    raise ValueError(f"bad input: {value!r}")',
    "func (s *Server) handleRestartNeeded(ctx context.Context) error {",
    '\tlog.Printf("host-switch exited: %v", err)',
    "// TODO: close the listener when the watcher stops",
    "import { readFile } from 'node:fs/promises';",
    '    if err != nil {\n        return fmt.Errorf("dial: %w", err)\n    }',
    "^a2a7d57 (Tester 2026-11-26 13:00:25 +0000 12)     return a + b",
    '  "name": "deepreview", "version": "0.1.0",',
    "    — naïve café façade ✓ 日本語 🚀",
    "@@ -10,7 +10,9 @@ class Reader:",
    "+        self._buffer = bytearray()",
    "-        self._buffer = b''",
    "\t\tcase <-ctx.Done():",
]
_SHELL = [
    "git blame -L 10,40 src/server.go",
    "sed -n '1,200p' src/deepreview/proc.py",
    "nl -ba internal/hostswitch/hostswitch_windows.go | sed -n '80,160p'",
    'rg -n "stopHostSwitch" --type go',
    "git diff HEAD~1 -- docs/networking.md",
    "cd /repo && go test ./pkg/... -run TestHandshake",
    "cat README.md",
]
_FILES = ["src/server.go", "internal/watcher.go", "README.md", "docs/networking.md"]


def _output(rng: random.Random) -> str:
    # Most tool outputs are a few KB; a few file reads are large.
    n = rng.choice([3, 20, 60, 150, 400]) if rng.random() < 0.95 else 2000
    return "\n".join(rng.choice(_CODE) for _ in range(n))


def _dump(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def claude_events(rng: random.Random) -> Iterator[tuple[str, int]]:
    """Yields (line, tool calls in it)."""
    yield _dump({"type": "system", "subtype": "init", "model": "claude-opus-4-6", "tools": []}), 0
    i = 0
    while True:
        i += 1
        tid = f"toolu_{i:08d}"
        if rng.random() < 0.5:
            block = {
                "type": "tool_use",
                "id": tid,
                "name": "Bash",
                "input": {"command": rng.choice(_SHELL), "description": "inspect"},
            }
        else:
            block = {
                "type": "tool_use",
                "id": tid,
                "name": "Read",
                "input": {"file_path": "/repo/" + rng.choice(_FILES)},
            }
        msg = {
            "id": f"msg_{i}",
            "type": "message",
            "role": "assistant",
            "model": "claude-opus-4-6",
            "content": [block],
            "stop_reason": None,
            "usage": {"input_tokens": 100, "output_tokens": 1},
        }
        yield (
            _dump(
                {
                    "type": "assistant",
                    "message": msg,
                    "parent_tool_use_id": None,
                    "session_id": "s",
                    "uuid": f"u{i}",
                }
            ),
            1,
        )
        out = _output(rng)
        yield (
            _dump(
                {
                    "type": "user",
                    "message": {
                        "role": "user",
                        "content": [
                            {
                                "tool_use_id": tid,
                                "type": "tool_result",
                                "content": out,
                                "is_error": False,
                            }
                        ],
                    },
                    "parent_tool_use_id": None,
                    "session_id": "s",
                    "uuid": f"r{i}",
                    "tool_use_result": {"stdout": out, "stderr": "", "interrupted": False},
                }
            ),
            0,
        )
        if rng.random() < 0.1:
            text = {"type": "text", "text": "Checking the shutdown paths next.\n" * 5}
            yield (
                _dump(
                    {
                        "type": "assistant",
                        "message": {**msg, "content": [text]},
                        "parent_tool_use_id": None,
                        "session_id": "s",
                    }
                ),
                0,
            )


def claude_end() -> str:
    return _dump(
        {
            "type": "result",
            "subtype": "success",
            "is_error": False,
            "duration_ms": 340000,
            "result": "## Executive Summary\nLooks fine.",
            "total_cost_usd": 4.2,
            "usage": {"input_tokens": 9000, "output_tokens": 7000},
            "modelUsage": {"claude-opus-4-6": {"inputTokens": 9000, "outputTokens": 7000}},
            "permission_denials": [],
        }
    )


def codex_events(rng: random.Random) -> Iterator[tuple[str, int]]:
    yield _dump({"type": "thread.started", "thread_id": "t"}), 0
    yield _dump({"type": "turn.started"}), 0
    i = 0
    while True:
        i += 1
        cmd = "/bin/bash -lc " + json.dumps(rng.choice(_SHELL))
        item = {
            "id": f"item_{i}",
            "type": "command_execution",
            "command": cmd,
            "aggregated_output": "",
            "exit_code": None,
            "status": "in_progress",
        }
        yield _dump({"type": "item.started", "item": item}), 0
        done = {**item, "aggregated_output": _output(rng), "exit_code": 0, "status": "completed"}
        yield _dump({"type": "item.completed", "item": done}), 1
        if rng.random() < 0.1:
            yield (
                _dump(
                    {
                        "type": "item.completed",
                        "item": {
                            "id": f"r{i}",
                            "type": "reasoning",
                            "text": "Looking at the watcher.",
                        },
                    }
                ),
                0,
            )


def codex_end() -> str:
    return "\n".join(
        [
            _dump(
                {
                    "type": "item.completed",
                    "item": {
                        "id": "z",
                        "type": "agent_message",
                        "text": "## Executive Summary\nLooks fine.",
                    },
                }
            ),
            _dump(
                {"type": "turn.completed", "usage": {"input_tokens": 9000, "output_tokens": 7000}}
            ),
        ]
    )


def gemini_events(rng: random.Random) -> Iterator[tuple[str, int]]:
    yield _dump({"type": "init", "session_id": "s", "model": "gemini-3.1-pro"}), 0
    i = 0
    while True:
        i += 1
        if rng.random() < 0.5:
            name, params = "run_shell_command", {"command": rng.choice(_SHELL)}
        else:
            name, params = "read_file", {"file_path": rng.choice(_FILES)}
        tid = f"{name}__{name}_{i}"
        yield (
            _dump(
                {
                    "type": "tool_use",
                    "timestamp": "2026-11-26T13:00:29.390Z",
                    "tool_name": name,
                    "tool_id": tid,
                    "parameters": params,
                }
            ),
            1,
        )
        yield (
            _dump(
                {
                    "type": "tool_result",
                    "timestamp": "2026-11-26T13:00:29.494Z",
                    "tool_id": tid,
                    "status": "success",
                    "output": _output(rng),
                }
            ),
            0,
        )
        if rng.random() < 0.1:
            yield (
                _dump({"type": "message", "role": "assistant", "content": "Next: ", "delta": True}),
                0,
            )


def gemini_end() -> str:
    return "\n".join(
        [
            _dump(
                {
                    "type": "message",
                    "role": "assistant",
                    "content": "## Executive Summary\nLooks fine.",
                    "delta": True,
                }
            ),
            _dump(
                {
                    "type": "result",
                    "status": "success",
                    "stats": {
                        "total_tokens": 16000,
                        "input_tokens": 9000,
                        "output_tokens": 7000,
                        "duration_ms": 257000,
                        "tool_calls": 1,
                        "models": {"gemini-3.1-pro": {}},
                    },
                }
            ),
        ]
    )


def opencode_events(rng: random.Random) -> Iterator[tuple[str, int]]:
    i = 0
    while True:
        i += 1
        base = {"timestamp": 1767036059338, "sessionID": "ses_1"}
        yield (
            _dump({**base, "type": "step_start", "part": {"type": "step-start", "id": f"s{i}"}}),
            0,
        )
        out = _output(rng)
        if rng.random() < 0.5:
            tool, inp = "bash", {"command": rng.choice(_SHELL), "description": "inspect"}
            meta = {"output": out, "exit": 0, "description": "inspect"}
        else:
            tool, inp = "read", {"filePath": "/repo/" + rng.choice(_FILES)}
            meta = {"preview": out[:500]}
        part = {
            "id": f"p{i}",
            "type": "tool",
            "callID": f"call_{i}",
            "tool": tool,
            "state": {
                "status": "completed",
                "input": inp,
                "output": out,
                "title": tool,
                "metadata": meta,
                "time": {"start": 1, "end": 2},
            },
        }
        yield _dump({**base, "type": "tool_use", "part": part}), 1
        yield (
            _dump(
                {
                    **base,
                    "type": "step_finish",
                    "part": {
                        "type": "step-finish",
                        "reason": "tool-calls",
                        "cost": 0.01,
                        "tokens": {
                            "input": 100,
                            "output": 20,
                            "reasoning": 0,
                            "cache": {"read": 0, "write": 0},
                        },
                    },
                }
            ),
            0,
        )


def opencode_end() -> str:
    base = {"timestamp": 1767036059338, "sessionID": "ses_1"}
    return "\n".join(
        [
            _dump({**base, "type": "step_start", "part": {"type": "step-start"}}),
            _dump(
                {
                    **base,
                    "type": "text",
                    "part": {"type": "text", "text": "## Executive Summary\nLooks fine."},
                }
            ),
            _dump(
                {
                    **base,
                    "type": "step_finish",
                    "part": {
                        "type": "step-finish",
                        "reason": "stop",
                        "tokens": {"input": 1, "output": 1},
                    },
                }
            ),
        ]
    )


_GENERATORS: dict[
    str, tuple[Callable[[random.Random], Iterator[tuple[str, int]]], Callable[[], str]]
] = {
    "claude": (claude_events, claude_end),
    "codex": (codex_events, codex_end),
    "gemini": (gemini_events, gemini_end),
    "opencode": (opencode_events, opencode_end),
}


def write_transcript(fmt: str, path: Path, target_bytes: int) -> int:
    """Write a transcript of about `target_bytes`; returns how many tool calls it holds."""
    events, end = _GENERATORS[fmt]
    rng = random.Random(42)
    size = calls = 0
    with path.open("w", encoding="utf-8") as fh:
        for line, n in events(rng):
            fh.write(line + "\n")
            size += len(line.encode()) + 1
            calls += n
            if size >= target_bytes:
                break
        fh.write(end() + "\n")
    return calls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0, help="transcript size per format")
    ap.add_argument(
        "--format", choices=transcript_agents(), action="append", help="only these formats"
    )
    args = ap.parse_args()
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-transcripts-") as tmp:
        for fmt in args.format or transcript_agents():
            path = Path(tmp) / f"{fmt}.jsonl"
            expected_calls = write_transcript(fmt, path, int(args.mb * 1024 * 1024))
            size_mb = path.stat().st_size / (1024 * 1024)
            start = time.perf_counter()
            stats = parse_file(transcript_parser(fmt), path)
            elapsed = time.perf_counter() - start
            rate = size_mb / elapsed
            correct = (
                len(stats.tool_calls) == expected_calls
                and stats.ended_normally
                and stats.malformed_lines == 0
                and stats.final_text.endswith("Looks fine.")
            )
            verdict = (
                "ok"
                if rate >= TARGET_MB_S and correct
                else "BELOW TARGET"
                if correct
                else "WRONG COUNTS"
            )
            failed |= verdict != "ok"
            print(
                f"{fmt:9} {size_mb:7.1f} MB  {elapsed:6.2f} s  {rate:7.1f} MB/s  "
                f"{len(stats.tool_calls):6d} calls  {verdict}"
            )
            path.unlink()
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
