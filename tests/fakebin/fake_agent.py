#!/usr/bin/env python3
"""A stand-in for the `claude`, `codex` and `gemini` CLIs in headless JSON mode (and for
`opencode` in modes `exit` and `hang`).

Installed on PATH under the CLI's name (see `harness.install_agent`), so the real adapter builds
its real command line and parses what this prints. It speaks the CLI picked by its own file
name and does what `<name>.scenario.json` next to it says (all keys optional):

    {"mode": "ok" | "truncated" | "denial" | "write_denial" | "exit" | "hang",
     "review": "<final answer>",            # default: a short valid review
     "review_file": "<path>",               # final answer read from this file instead
     "duration": 0.0,                       # seconds spread over the tool calls
     "tools": 3,                            # tool calls emitted before the answer
     "slow_unless": "<path>",               # sleep `duration` only while this file is absent
     "exit_code": 1, "stderr": "...",       # for modes "exit" and "hang" (and after a
                                            # transcript_file)
     "leak_vars": ["ANTHROPIC_API_KEY"],    # echo these variables (and the prompt) into the
                                            # transcript, stderr and the final answer
     "output_bytes": 4000,                  # code-like text in every tool result
     "api_retries": 2,                      # claude: `system/api_retry` events (HTTP 429)
     "api_retry_status": 401,               # claude: their status (null: none) and error (default
     "api_retry_error": "authentication_failed",  # 429 "rate_limit"); the real CLI keeps
     "retry_forever": true,                 # retrying after them, as a rejected key makes it
     "cost_usd": 0.0421,                    # claude: the cost its result event reports
     "model": "claude-opus-4-8[1m]",        # claude: the model ID its events name
     "tool_errors": 1,                      # claude: the first N tool results are errors
     "started_file": "<path>",              # append "<cli> <epoch seconds> <parent CPU s>"
                                            # on start (benchmarks: time to first seat)
     "copy_files": {"<file>": "<path>"},    # copy these files of its worktree (its cwd)
                                            # to `path`, byte for byte: what a model reads
     "status_file": "<path>",               # write `git status --porcelain` of its worktree
                                            # there, run as the agent's own shell would
     "log": "...",                          # opencode, mode "hang": written to its log,
                                            # where opencode 1.18 logs its failed requests
     "exit_after": 1,                       # a complete run, then exit with this code
     "hang_after": true,                    # a complete run, then never exit
     "cut_final": true,                     # the final event cut in half, then exit 0
     "stop_reason": "max_tokens",           # claude: its result event's stop_reason
     "cut_by_limit": true,                  # claude, codex, gemini: the answer cut by the
                                            # output limit, as Claude Code 2.1 ends it (a
                                            # made-up message with `error: max_output_tokens`,
                                            # an error result) or codex 0.171 (an `error`
                                            # event, `turn.failed`), then exit 1; gemini 0.61
                                            # streams it as a success, exit 0, and only its
                                            # telemetry log (GEMINI_TELEMETRY_OUTFILE, written
                                            # whenever set) gives the finish reason `length`
     "error_after": "error_max_turns",      # the whole review, then the CLI's own error and
                                            # exit 1: claude a result of this subtype
                                            # (`is_error`, no `result`), codex an `error` event
                                            # and `turn.failed`, gemini a `result` with
                                            # `status: error`, carrying this message
     "transcript_file": "<path>",           # print this file as the whole stream
     "api_error_message": "...",            # claude, codex, mode "api_error": its words
     "api_error_status": 401}               # claude, mode "api_error": its result's status

Modes: `ok` a normal run; `truncated` a few events, then half a JSON line and SIGKILL (a crash
mid-stream); `denial` a normal run whose result event lists a refused tool call (claude only);
`write_denial` as `denial`, after a first call to the `Write` tool that Claude Code answers
"exists but is not enabled" and does not list in the result event (claude only);
`api_error` (claude, gemini, codex) ends at once as the CLI ends a run the API refused: Claude
Code's error result (`is_error`, `api_error_status`, default 401 and "Invalid API key · Please run
/login"; `null` and "Not logged in · Please run /login" when no key was sent), Gemini's result
event of an HTTP 401, Codex's `error` event and `turn.failed` quoting `api_error_message`
(default "unexpected status 401 Unauthorized: …"), then exit 1;
`exit` prints `stderr` and exits with `exit_code` before any event; `hang` prints `stderr` (say,
a CLI's retry messages) and then waits for the seat timeout.
Standard library only: it runs with whatever python the test suite uses.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

VERSIONS = {
    "claude": "2.1.197 (Claude Code)",
    "codex": "codex-cli 0.61.0",
    "gemini": "0.19.4",
    "opencode": "1.18.33",
}
DEFAULT_REVIEW = """## Executive Summary

The change adds `sub` and `shout`; both look correct.

## Findings

### Critical Issues

None.

### Important Issues

None.

### Suggestions

None.

## Coverage Summary

| File | Status |
|------|--------|
| `calc.py` | Reviewed, no issues |
| `util/strings.py` | Reviewed, no issues |
"""
COMMANDS_OUTPUT: dict[str, str] = {}  # "extra": text every tool result carries
CODE_LINES = (
    "def add(a, b):",
    "    return a + b",
    '    raise ValueError(f"bad input: {value!r}")',
    "^a2a7d57 (Tester 2026-11-26 13:00:25 +0000 12)     return a + b",
    "@@ -10,7 +10,9 @@ class Reader:",
    "+        self._buffer = bytearray()",
    "    — naïve café ✓ 日本語",
)
COMMANDS = (
    "git log --oneline -5",
    "git blame calc.py",
    "git diff HEAD~1 HEAD --stat",
    "rg -n 'def ' .",
    "git show --stat HEAD",
    "sed -n 1,40p calc.py",
)


# The event that ends each CLI's stream; `cut_final` stops the stream halfway through it.
FINAL_EVENTS = ("result", "turn.completed")
CUT_FINAL = [False]


def emit(obj: dict) -> None:  # type: ignore[type-arg]
    line = json.dumps(obj)
    if CUT_FINAL[0] and obj.get("type") in FINAL_EVENTS:
        sys.stdout.write(line[: len(line) // 2])
        sys.stdout.flush()
        sys.exit(0)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _opt_int(value: object) -> int | None:
    return None if value is None else int(str(value))


def crash_mid_line(obj: dict) -> None:  # type: ignore[type-arg]
    line = json.dumps(obj)
    sys.stdout.write(line[: len(line) // 2])
    sys.stdout.flush()
    sys.stderr.write(
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n"
    )
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


class Pace:
    """Spreads `duration` seconds over `steps` sleeps (skipped when the flag file exists)."""

    def __init__(self, scenario: dict, steps: int) -> None:  # type: ignore[type-arg]
        self.step = float(scenario.get("duration", 0.0)) / max(steps, 1)
        flag = scenario.get("slow_unless")
        self.flag = Path(flag) if flag else None

    def wait(self) -> None:
        if self.step and not (self.flag and self.flag.exists()):
            time.sleep(self.step)


# -- claude ------------------------------------------------------------------------------------
def claude(scenario: dict, review: str) -> None:  # type: ignore[type-arg]
    mode = scenario.get("mode", "ok")
    n = int(scenario.get("tools", 3))
    pace = Pace(scenario, n + 1)
    sid = str(uuid.uuid4())
    model = scenario.get("model", "claude-opus-4-6")
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
            "tools": ["Task", "Bash", "Glob", "Grep", "Read", "Edit", "Write"],
            "mcp_servers": [],
            "model": model,
            "permissionMode": "default",
            "apiKeySource": "ANTHROPIC_API_KEY",
            "claude_code_version": "2.1.197",
            "uuid": str(uuid.uuid4()),
        }
    )
    if mode == "api_error":  # as Claude Code 2.1 ends a run the API refused (a key, credit)
        emit({"type": "result", "subtype": "success", "is_error": True,
              "api_error_status": scenario.get("api_error_status", 401), "duration_ms": 242,
              "duration_api_ms": 0, "num_turns": 1,
              "result": scenario.get("api_error_message", "Invalid API key · Please run /login"),
              "stop_reason": "stop_sequence", "session_id": sid, "total_cost_usd": 0,
              "usage": {**usage, "input_tokens": 0, "output_tokens": 0}, "modelUsage": {},
              "permission_denials": [], "terminal_reason": "api_error",
              "uuid": str(uuid.uuid4())})  # fmt: skip
        sys.exit(1)
    for attempt in range(1, int(scenario.get("api_retries", 0)) + 1):
        emit(
            {
                "type": "system",
                "subtype": "api_retry",
                "attempt": attempt,
                "max_retries": 10,
                "retry_delay_ms": 500.0,
                # None: no HTTP response (the real CLI's `null` status, error "unknown")
                "error_status": _opt_int(scenario.get("api_retry_status", 429)),
                "error": scenario.get("api_retry_error", "rate_limit"),
                "session_id": sid,
                "uuid": str(uuid.uuid4()),
            }
        )
    if scenario.get("retry_forever"):  # until killed: the seat times out or is aborted
        time.sleep(3600)

    def assistant(content: list) -> dict:  # type: ignore[type-arg]
        return {
            "type": "assistant",
            "message": {
                "id": f"msg_{uuid.uuid4().hex[:12]}",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": content,
                "stop_reason": None,
                "stop_sequence": None,
                "usage": usage,
            },
            "parent_tool_use_id": None,
            "session_id": sid,
            "uuid": str(uuid.uuid4()),
        }

    denied = []
    denied_at = {"denial": 0, "write_denial": 1}.get(mode)
    for i in range(n):
        pace.wait()
        cmd = COMMANDS[i % len(COMMANDS)]
        tid = f"toolu_{i:02d}"
        if mode == "write_denial" and i == 0:
            emit(assistant([{"type": "tool_use", "id": tid, "name": "Write",
                             "input": {"file_path": "NOTES.md", "content": "x"}}]))  # fmt: skip
            refusal = (
                "<tool_use_error>Error: No such tool available: Write. Write exists but is not "
                "enabled in this context. Use one of the available tools instead.</tool_use_error>"
            )
            emit({"type": "user", "message": {"role": "user", "content": [
                {"type": "tool_result", "content": refusal, "is_error": True, "tool_use_id": tid}
            ]}, "parent_tool_use_id": None, "session_id": sid})  # fmt: skip
            continue
        if i == denied_at:
            cmd = "git blame calc.py && touch x"
        event = assistant(
            [
                {
                    "type": "tool_use",
                    "id": tid,
                    "name": "Bash",
                    "input": {"command": cmd, "description": "look"},
                }
            ]
        )
        if mode == "truncated" and i == n - 1:
            crash_mid_line(event)
        emit(event)
        if i == denied_at:
            denied.append(
                {
                    "tool_name": "Bash",
                    "tool_use_id": tid,
                    "tool_input": {"command": cmd, "description": "look"},
                }
            )
            result = "Claude requested permissions to use Bash, but you haven't granted it yet."
            emit(
                {
                    "type": "user",
                    "message": {
                        "role": "user",
                        "content": [
                            {
                                "tool_use_id": tid,
                                "type": "tool_result",
                                "content": result,
                                "is_error": True,
                            }
                        ],
                    },
                    "parent_tool_use_id": None,
                    "session_id": sid,
                    "uuid": str(uuid.uuid4()),
                }
            )
            continue
        output = f"output of {cmd}\n{COMMANDS_OUTPUT.get('extra', '')}"
        emit(
            {
                "type": "user",
                "message": {
                    "role": "user",
                    "content": [
                        {
                            "tool_use_id": tid,
                            "type": "tool_result",
                            "content": output,
                            "is_error": i < int(scenario.get("tool_errors", 0)),
                        }
                    ],
                },
                "parent_tool_use_id": None,
                "session_id": sid,
                "uuid": str(uuid.uuid4()),
                "tool_use_result": {
                    "stdout": output,
                    "stderr": "",
                    "interrupted": False,
                    "isImage": False,
                },
            }
        )
    pace.wait()
    emit(assistant([{"type": "text", "text": review}]))
    if scenario.get("cut_by_limit"):
        claude_cut_by_limit(sid)
        return
    if scenario.get("error_after"):  # as Claude Code 2.1 ends a run at `--max-turns`
        emit({"type": "result", "subtype": scenario["error_after"], "is_error": True,
              "api_error_status": None, "duration_ms": 655, "duration_api_ms": 301,
              "num_turns": n + 1, "stop_reason": "tool_use", "session_id": sid,
              "total_cost_usd": 0.0009, "usage": usage, "permission_denials": [],
              "uuid": str(uuid.uuid4())})  # fmt: skip
        sys.exit(1)
    emit(
        {
            "type": "result",
            "subtype": "success",
            "is_error": False,
            "duration_ms": 1520,
            "duration_api_ms": 980,
            "num_turns": n + 1,
            "result": review,
            "stop_reason": scenario.get("stop_reason", "end_turn"),
            "session_id": sid,
            "total_cost_usd": scenario.get("cost_usd", 0.0421),
            "usage": {
                "input_tokens": 1200,
                "cache_creation_input_tokens": 300,
                "cache_read_input_tokens": 500,
                "output_tokens": 240,
            },
            "modelUsage": {
                model: {
                    "inputTokens": 1200,
                    "outputTokens": 240,
                    "cacheReadInputTokens": 500,
                    "cacheCreationInputTokens": 300,
                    "costUSD": scenario.get("cost_usd", 0.0421),
                }
            },
            "permission_denials": denied,
            "uuid": str(uuid.uuid4()),
        }
    )


def claude_cut_by_limit(sid: str) -> None:
    """How Claude Code 2.1.197 ends an answer the API stopped at `max_tokens` (seen against
    the scripted server): a `<synthetic>` assistant message with `error`, then a result with
    `is_error: true` quoting it, then exit code 1."""
    error = (
        "API Error: Claude's response exceeded the 32000 output token maximum. To configure "
        "this behavior, set the CLAUDE_CODE_MAX_OUTPUT_TOKENS environment variable."
    )
    message = {"id": str(uuid.uuid4()), "model": "<synthetic>", "role": "assistant",
               "type": "message", "stop_reason": "stop_sequence", "stop_sequence": "",
               "content": [{"type": "text", "text": error}]}  # fmt: skip
    emit({"type": "assistant", "message": message, "parent_tool_use_id": None,
          "session_id": sid, "uuid": str(uuid.uuid4()), "error": "max_output_tokens"})  # fmt: skip
    emit({"type": "result", "subtype": "success", "is_error": True, "api_error_status": None,
          "duration_ms": 465, "num_turns": 4, "result": error, "stop_reason": "stop_sequence",
          "session_id": sid, "total_cost_usd": 0.0036, "permission_denials": [],
          "terminal_reason": "completed", "uuid": str(uuid.uuid4())})  # fmt: skip
    sys.exit(1)  # it exits 1 after an error result


# -- codex -------------------------------------------------------------------------------------
def codex(scenario: dict, review: str) -> None:  # type: ignore[type-arg]
    mode = scenario.get("mode", "ok")
    n = int(scenario.get("tools", 3))
    pace = Pace(scenario, n + 1)
    emit({"type": "thread.started", "thread_id": str(uuid.uuid4())})
    emit({"type": "turn.started"})
    if mode == "api_error":  # as codex ends a run the API refused (a key, a quota): exit 1
        error = scenario.get(
            "api_error_message",
            "unexpected status 401 Unauthorized: Incorrect API key provided: sk-proj-****fake.",
        )
        emit({"type": "error", "message": error})
        emit({"type": "turn.failed", "error": {"message": error}})
        sys.exit(1)
    for i in range(n):
        pace.wait()
        cmd = f"/bin/bash -lc '{COMMANDS[i % len(COMMANDS)]}'"
        item = {
            "id": f"item_{i}",
            "type": "command_execution",
            "command": cmd,
            "aggregated_output": "",
            "exit_code": None,
            "status": "in_progress",
        }
        emit({"type": "item.started", "item": item})
        done = {
            **item,
            "aggregated_output": f"ok\n{COMMANDS_OUTPUT.get('extra', '')}",
            "exit_code": 0,
            "status": "completed",
        }
        if mode == "truncated" and i == n - 1:
            crash_mid_line({"type": "item.completed", "item": done})
        emit({"type": "item.completed", "item": done})
    pace.wait()
    emit(
        {
            "type": "item.completed",
            "item": {"id": f"item_{n}", "type": "agent_message", "text": review},
        }
    )
    if scenario.get("cut_by_limit"):  # as codex 0.171 ends it (seen against the scripted server)
        error = "Incomplete response returned, reason: max_output_tokens"
        emit({"type": "error", "message": error})
        emit({"type": "turn.failed", "error": {"message": error}})
        sys.exit(1)
    if scenario.get("error_after"):  # e.g. the stream cut after the answer, as codex 0.171 says
        emit({"type": "error", "message": scenario["error_after"]})
        emit({"type": "turn.failed", "error": {"message": scenario["error_after"]}})
        sys.exit(1)
    emit(
        {
            "type": "turn.completed",
            "usage": {
                "input_tokens": 1200,
                "cached_input_tokens": 0,
                "output_tokens": 240,
                "reasoning_output_tokens": 0,
            },
        }
    )


# -- gemini ------------------------------------------------------------------------------------
def gemini(scenario: dict, review: str) -> None:  # type: ignore[type-arg]
    mode = scenario.get("mode", "ok")
    n = int(scenario.get("tools", 3))
    pace = Pace(scenario, n + 1)

    def ts() -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())

    emit(
        {
            "type": "init",
            "timestamp": ts(),
            "session_id": str(uuid.uuid4()),
            "model": "gemini-2.5-pro",
        }
    )
    emit({"type": "message", "timestamp": ts(), "role": "user", "content": "(prompt)"})
    if mode == "api_error":  # as Gemini CLI 0.x ends a run whose key the API rejects
        error = {"error": {"code": 401, "message": "scripted 401", "status": "UNAUTHENTICATED"}}
        emit(
            {
                "type": "result",
                "timestamp": ts(),
                "status": "error",
                "error": {"type": "unknown", "message": f"[API Error: {json.dumps(error)}]"},
                "stats": {"total_tokens": 0, "input_tokens": 0, "output_tokens": 0,
                          "duration_ms": 0, "tool_calls": 0},
            }
        )  # fmt: skip
        sys.exit(1)
    for i in range(n):
        pace.wait()
        tid = f"run_shell_command_{i}"
        event = {
            "type": "tool_use",
            "timestamp": ts(),
            "tool_name": "run_shell_command",
            "tool_id": tid,
            "parameters": {"command": COMMANDS[i % len(COMMANDS)]},
        }
        if mode == "truncated" and i == n - 1:
            crash_mid_line(event)
        emit(event)
        emit(
            {
                "type": "tool_result",
                "timestamp": ts(),
                "tool_id": tid,
                "status": "success",
                "output": f"ok\n{COMMANDS_OUTPUT.get('extra', '')}",
            }
        )
    pace.wait()
    half = len(review) // 2
    for part in (review[:half], review[half:]):
        emit(
            {
                "type": "message",
                "timestamp": ts(),
                "role": "assistant",
                "content": part,
                "delta": True,
            }
        )
    if scenario.get("error_after"):  # an API error after the answer (Gemini CLI 0.61's shape)
        emit({"type": "result", "timestamp": ts(), "status": "error",
              "error": {"type": "unknown", "message": scenario["error_after"]},
              "stats": {"total_tokens": 1440, "input_tokens": 1200, "output_tokens": 240,
                        "duration_ms": 1520, "tool_calls": n}})  # fmt: skip
        sys.exit(int(scenario.get("exit_code", 1)))  # the HTTP status mod 256 (429: 173)
    telemetry(bool(scenario.get("cut_by_limit")))
    emit(
        {
            "type": "result",
            "timestamp": ts(),
            "status": "success",
            "stats": {
                "total_tokens": 1440,
                "input_tokens": 1200,
                "output_tokens": 240,
                "cached": 0,
                "input": 1200,
                "duration_ms": 1520,
                "tool_calls": n,
            },
        }
    )


def telemetry(cut: bool) -> None:
    """What Gemini CLI 0.61 appends to its telemetry outfile, in its shape (pretty-printed
    records, one after another): the router's response, the main model's (its finish reasons
    `["stop", "length"]` when the output limit cut the answer), then a metrics dump."""
    path = os.environ.get("GEMINI_TELEMETRY_OUTFILE")
    if not path:
        return

    def response(role: str, reasons: list[str]) -> dict:  # type: ignore[type-arg]
        return {"attributes": {"event.name": "gemini_cli.api_response", "role": role,
                               "model": "gemini-2.5-pro", "finish_reasons": reasons},
                "_body": "API response from gemini-2.5-pro. Status: 200."}  # fmt: skip

    records = [
        response("utility_router", ["stop"]),
        response("main", ["stop", "length"] if cut else ["stop"]),
        {"resource": {"attributes": {"service.name": "gemini-cli"}}, "scopeMetrics": []},
    ]
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r, indent=2) + "\n" for r in records))


def parent_cpu_s() -> float:
    """CPU seconds the spawning process (and its finished children) used so far; -1 if unknown.

    Unlike wall time, this barely changes when other work shares the machine.
    """
    try:
        stat = Path(f"/proc/{os.getppid()}/stat").read_text()
    except OSError:
        return -1.0
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)": state is fields[0]
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


OTEL_WARNING = (
    "(node:40213) [OTEL0007] DeprecationWarning: @opentelemetry/sdk-node: the option "
    "`spanProcessor` is deprecated, pass `spanProcessors` instead\n"
    "(Use `node --trace-deprecation ...` to show where the warning was created)\n"
)


def main() -> int:
    started = time.time()
    me = Path(sys.argv[0])
    cli = me.name.removesuffix(".py")
    if cli not in VERSIONS:
        cli = os.environ.get("FAKE_AGENT_AS", "claude")
    if "--version" in sys.argv[1:]:
        print(VERSIONS[cli])
        return 0
    scenario_path = me.parent / f"{cli}.scenario.json"
    scenario = json.loads(scenario_path.read_text()) if scenario_path.exists() else {}
    if scenario.get("started_file"):  # benchmarks: when was this seat spawned?
        with open(scenario["started_file"], "a", encoding="utf-8") as f:
            f.write(f"{cli} {started} {parent_cpu_s()}\n")
    prompt = sys.stdin.read()  # every adapter sends the prompt on stdin
    for name, dest in scenario.get("copy_files", {}).items():
        Path(dest).write_bytes(Path(name).read_bytes())
    if scenario.get("status_file"):
        status = subprocess.run(["git", "status", "--porcelain"], capture_output=True, check=True)
        Path(scenario["status_file"]).write_bytes(status.stdout)
    if cli == "gemini" and os.environ.get("GEMINI_TELEMETRY_OUTFILE"):
        # Gemini CLI with its local telemetry file on: Node's warning of a deprecated
        # OpenTelemetry option at start, whatever happens next (words of our own, its shape)
        sys.stderr.write(OTEL_WARNING)
        sys.stderr.flush()
    if scenario.get("mode") == "exit":
        sys.stderr.write(scenario.get("stderr", "fatal: fake agent failed") + "\n")
        return int(scenario.get("exit_code", 1))
    if scenario.get("mode") == "hang":
        sys.stderr.write(scenario.get("stderr", ""))
        sys.stderr.flush()
        if cli == "opencode" and scenario.get("log"):  # its log file, in the isolated home
            logs = Path(os.environ["XDG_DATA_HOME"]) / "opencode" / "log"
            logs.mkdir(parents=True, exist_ok=True)
            (logs / "opencode.log").write_text(scenario["log"], encoding="utf-8")
        while True:
            time.sleep(60)
    review = scenario.get("review", DEFAULT_REVIEW)
    if scenario.get("review_file"):
        review = Path(scenario["review_file"]).read_text(encoding="utf-8")
    extra = []
    if scenario.get("output_bytes"):  # realistic tool results: a few KB of code each
        size = int(scenario["output_bytes"])
        text = "\n".join(CODE_LINES[i % len(CODE_LINES)] for i in range(size // 20 + 1))
        extra.append(text[:size])
    if scenario.get("leak_vars"):
        leaked = "\n".join(f"{n}={os.environ.get(n, '')}" for n in scenario["leak_vars"])
        sys.stderr.write(f"debug: {leaked}\n")
        extra.append(f"{leaked}\n---\n{prompt}")
        review = f"{review}\n\nEnvironment seen by the agent:\n{leaked}\n"
    COMMANDS_OUTPUT["extra"] = "\n".join(extra)
    CUT_FINAL[0] = bool(scenario.get("cut_final"))
    if scenario.get("transcript_file"):
        sys.stdout.write(Path(scenario["transcript_file"]).read_text(encoding="utf-8"))
        sys.stdout.flush()
        sys.stderr.write(scenario.get("stderr", ""))  # a crash's last words after its stream
        sys.stderr.flush()
    else:
        {"claude": claude, "codex": codex, "gemini": gemini}[cli](scenario, review)
    if scenario.get("hang_after"):  # kept alive after its result, as by a hook or a server
        while True:
            time.sleep(60)
    return int(scenario.get("exit_after", 0))


if __name__ == "__main__":
    sys.exit(main())
