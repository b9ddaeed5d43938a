"""interpret(): the status each adapter gives canned transcripts (captured from the real CLIs
against the scripted server) and process results — one test per trap in the reference."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from deepreview.agents.base import ProgressEvent
from deepreview.agents.claude import ClaudeAgent
from deepreview.agents.codex import CodexAgent, merge_rollout
from deepreview.agents.gemini import (
    EXIT_REASONS,
    GeminiAgent,
    api_error_words,
    exit_reason,
)
from deepreview.agents.opencode import OpencodeAgent
from deepreview.transcripts.stats import ToolCall

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REVIEW = "## Executive Summary\nLooks fine."
AGENTS = {"claude": ClaudeAgent(), "codex": CodexAgent(), "gemini": GeminiAgent(),
          "opencode": OpencodeAgent()}  # fmt: skip


@pytest.mark.parametrize("name", sorted(AGENTS))
def test_successful_run_is_ok_with_the_final_text(name: str, make_task, proc_result) -> None:
    task = make_task(name, transcript=f"{name}-ok.jsonl", model="fallback-model")
    out = AGENTS[name].interpret(task, proc_result(0))

    assert out.status == "ok", out.reason
    assert out.review_text == REVIEW
    assert out.stats is not None and len(out.stats.tool_calls) == 3
    assert out.model  # from the transcript, else the settings
    if name in ("codex", "opencode"):  # their streams name no model
        assert out.model == "fallback-model"


@pytest.mark.parametrize("name", sorted(AGENTS))
def test_timeout_and_interrupt_win_over_the_transcript(name, make_task, proc_result) -> None:
    task = make_task(name, transcript=f"{name}-ok.jsonl")
    timed = AGENTS[name].interpret(task, proc_result(-15, timed_out=True))
    cancelled = AGENTS[name].interpret(task, proc_result(-15, cancelled=True))

    assert (timed.status, cancelled.status) == ("timeout", "interrupted")
    assert timed.reason and "timed out" in timed.reason
    # what a timed-out or Ctrl-C'd seat had written is kept (its review file; the report's
    # appendix, as cut short and not read for findings; `finish` of a `--seat-only` result, as
    # stopped on its runner): here its whole answer
    assert "## Executive Summary" in timed.review_text, timed.review_text
    assert cancelled.review_text == timed.review_text


@pytest.mark.parametrize("name", sorted(AGENTS))
def test_spawn_error_and_missing_transcript(name, make_task, proc_result) -> None:
    task = make_task(name)
    out = AGENTS[name].interpret(
        task, proc_result(None, spawn_error="could not start 'x': No such file")
    )
    assert out.status == "failed" and out.reason == "could not start 'x': No such file"


@pytest.mark.parametrize("name", sorted(AGENTS))
def test_exit_without_transcript_reports_stderr(name, make_task, proc_result) -> None:
    task = make_task(name, stderr="noise\nError: something specific went wrong\n")
    out = AGENTS[name].interpret(task, proc_result(2))

    assert out.status == "failed"
    assert "exited with code 2" in (out.reason or "")
    assert "something specific went wrong" in (out.reason or "")


@pytest.mark.parametrize("name", sorted(AGENTS))
def test_clean_exit_with_empty_transcript_is_an_empty_review(name, make_task, proc_result):  # type: ignore[no-untyped-def]
    task = make_task(name)
    task.transcript_path.write_text("", encoding="utf-8")
    out = AGENTS[name].interpret(task, proc_result(0))

    assert out.status == "failed"
    assert out.reason


def test_claude_is_error_with_subtype_success_fails_with_its_message(make_task, proc_result):  # type: ignore[no-untyped-def]
    task = make_task("claude", transcript="claude-http-500.jsonl")
    out = ClaudeAgent().interpret(task, proc_result(1))

    assert out.status == "failed"
    assert (out.reason or "").startswith("API Error: 500 scripted 500")
    assert out.review_text == ""


def test_claude_denials_are_counted_and_run_still_ok(make_task, proc_result) -> None:
    task = make_task("claude", transcript="claude-write-refused.jsonl")
    out = ClaudeAgent().interpret(task, proc_result(0))

    assert out.status == "ok"
    assert out.stats is not None
    # the Write is not offered at all ("No such tool available"): a refusal too, though the
    # result event lists only the command
    assert out.stats.permission_denials == (
        "Write: <workdir>/repo/pwned.txt",
        "Bash: touch pwned2.txt",
    )
    write = next(c for c in out.stats.tool_calls if c.tool == "Write")
    assert write.ok is False and write.denied


def test_codex_turn_failed_is_a_failure(make_task, proc_result) -> None:
    task = make_task("codex", transcript="codex-http-500.jsonl")
    out = CodexAgent().interpret(task, proc_result(1))

    assert out.status == "failed"
    assert "high demand" in (out.reason or "")


def test_codex_without_terminal_event_is_a_failure(make_task, proc_result) -> None:
    # Reconnecting forever, then the process went away (here: exit 0) with no turn event.
    task = make_task("codex", transcript="codex-server-down.jsonl")
    out = CodexAgent().interpret(task, proc_result(0))

    assert out.status == "failed"
    assert "no turn.completed" in (out.reason or "")
    assert "Reconnecting" in (out.reason or "")


def test_codex_rollout_adds_sandbox_refusals_missing_from_json(make_task, proc_result) -> None:
    task = make_task("codex", transcript="codex-write-refused.jsonl")
    sessions = task.home / ".codex" / "sessions" / "2026" / "11" / "26"
    sessions.mkdir(parents=True)
    shutil.copy(FIXTURES / "codex-write-refused.rollout.jsonl", sessions / "rollout-x.jsonl")
    out = CodexAgent().interpret(task, proc_result(0))

    assert out.status == "ok"
    assert out.stats is not None
    assert sorted(out.stats.shell_commands) == ["printf %s x > pwned.txt", "touch pwned2.txt"]
    assert all(c.denied and c.ok is False for c in out.stats.tool_calls)
    assert len(out.stats.permission_denials) == 2


def test_codex_without_rollout_sees_only_the_json(make_task, proc_result) -> None:
    task = make_task("codex", transcript="codex-write-refused.jsonl")
    out = CodexAgent().interpret(task, proc_result(0))
    assert out.stats is not None and out.stats.tool_calls == ()


def test_merge_rollout_keeps_json_calls_and_ignores_running_ones() -> None:
    from deepreview.agents.registry import transcript_parser
    from deepreview.transcripts import parse_text

    stats = parse_text(
        transcript_parser("codex"), (FIXTURES / "codex-ok.jsonl").read_text(encoding="utf-8")
    )
    rollout = [
        ToolCall("exec_command", command="git log --oneline -1", ok=True),
        ToolCall("exec_command", command="git blame calc.py", ok=True),
        ToolCall("exec_command", command="cat README.md", ok=True),
        ToolCall("exec_command", command="sleep 100", ok=None),  # killed mid-run
        ToolCall("exec_command", command="touch x", ok=False),
    ]
    merged = merge_rollout(stats, rollout)
    assert [c.command for c in merged.tool_calls][-1] == "touch x"
    assert len(merged.tool_calls) == 4
    assert merged.permission_denials == ("command_execution: touch x",)


def test_gemini_http_status_exit_code(make_task, proc_result) -> None:
    task = make_task("gemini", transcript="gemini-http-400.jsonl")
    out = GeminiAgent().interpret(task, proc_result(144))

    assert out.status == "failed"
    assert (out.reason or "").startswith("API error (HTTP 400): [API Error:")


@pytest.mark.parametrize(
    ("code", "words"),
    [(41, "authentication failed"), (144, "HTTP 400"), (145, "HTTP 401"), (244, "HTTP 500"),
     (173, "HTTP 429"), (55, "not trusted"), (53, "turn limit")],
)  # fmt: skip
def test_gemini_exit_codes_in_words(code: int, words: str, make_task, proc_result) -> None:
    assert words in (exit_reason(code) or "")
    out = GeminiAgent().interpret(
        make_task("gemini", transcript="gemini-ok.jsonl"), proc_result(code)
    )
    assert out.status == "failed" and words in (out.reason or "")


@pytest.mark.parametrize(
    ("message", "code", "words"),
    [('[API Error: {"error":{"code":503,"message":"Busy.","status":"UNAVAILABLE"}}]', None,
      "API error (HTTP 503 UNAVAILABLE): Busy"),
     ('[API Error: got status: 401 Unauthorized. {"error":{"code":401,"message":"Bad key."}}]',
      None, "API error (HTTP 401): check GEMINI_API_KEY: Bad key"),
     ("[API Error: fetch failed]", None, "API error: fetch failed"),
     ("[API Error: Too many calls.]", 429, "API error (HTTP 429): Too many calls"),
     ("No credentials.", 41, f"{EXIT_REASONS[41]}: No credentials"),
     ("connect refused", "ECONNREFUSED", "connect refused (ECONNREFUSED)"),
     ("Something broke.", 1, "Something broke")],
)  # fmt: skip
def test_gemini_error_message_in_words(message: str, code: object, words: str) -> None:
    """What Gemini CLI printed when it failed outside its stream, as one line: the API's own
    JSON error unwrapped, an HTTP status or one of the CLI's exit codes named."""
    assert api_error_words(message, code) == words


def test_gemini_policy_denials(make_task, proc_result) -> None:
    out = GeminiAgent().interpret(
        make_task("gemini", transcript="gemini-write-refused.jsonl"), proc_result(0)
    )
    assert out.status == "ok"
    assert out.stats is not None
    # write_file is not registered in a review: the CLI refused it as much as the command
    assert out.stats.permission_denials == (
        "write_file: pwned.txt",
        "run_shell_command: touch pwned2.txt",
    )


def test_opencode_refused_write_is_a_denied_write(make_task, proc_result) -> None:
    out = OpencodeAgent().interpret(
        make_task("opencode", transcript="opencode-write-refused.jsonl"), proc_result(0)
    )
    assert out.status == "ok"
    assert out.stats is not None
    # opencode's `invalid` stand-in is recorded as the write the model asked for
    assert out.stats.permission_denials == ("write", "bash: touch pwned2.txt")
    assert "invalid" not in dict(out.stats.tool_counts)


def test_opencode_error_event_fails(make_task, proc_result) -> None:
    out = OpencodeAgent().interpret(
        make_task("opencode", transcript="opencode-http-400.jsonl"), proc_result(1)
    )
    assert out.status == "failed" and "scripted 400" in (out.reason or "")


@pytest.mark.parametrize("name", sorted(AGENTS))
def test_line_observer_reports_each_tool_call(name, make_task) -> None:  # type: ignore[no-untyped-def]
    events: list[ProgressEvent] = []
    task = make_task(name)
    task = type(task)(**{**task.__dict__, "on_progress": events.append})
    observe = AGENTS[name].line_observer(task)
    assert observe is not None
    for line in (FIXTURES / f"{name}-ok.jsonl").read_bytes().splitlines():
        observe(line)

    assert [e.tool_calls for e in events] == [1, 2, 3]
    assert all(e.kind == "tool" and e.seat == name for e in events)
    assert any("git blame calc.py" in e.detail for e in events)


def test_observer_without_progress_callback_only_counts(make_task) -> None:
    """Past the output cap the stored transcript loses its middle: the tool calls are counted
    by the live parser, which runs whether or not anyone shows progress."""
    observe = ClaudeAgent().line_observer(make_task("claude"))
    assert observe is not None
    observe(b'{"type": "system", "subtype": "init"}\n')  # no progress callback to call
