"""Every fixture transcript parsed and pinned: the 4 real reference runs plus hand-written messy
ones in the same event formats (truncated lines, invalid UTF-8, noise, error ends, denials)."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from pathlib import Path

import pytest

from deepreview.agents.registry import transcript_parser
from deepreview.transcripts import (
    TranscriptStats,
    parse_codex_rollout,
    parse_file,
    parse_gemini_output_json,
    parse_text,
)
from support.golden import assert_golden

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "transcripts"

STREAMS = [
    ("claude", "claude-stream.jsonl"),
    ("claude", "claude-permission-denial.jsonl"),
    ("claude", "claude-is-error-success.jsonl"),
    ("claude", "claude-api-retry.jsonl"),
    ("claude", "claude-max-turns.jsonl"),
    ("claude", "claude-refused-write.jsonl"),
    ("codex", "codex-exec.jsonl"),
    ("codex", "codex-messy.jsonl"),
    ("codex", "codex-turn-failed.jsonl"),
    ("codex", "codex-reconnecting.jsonl"),
    ("gemini", "gemini-stream.jsonl"),
    ("gemini", "gemini-policy-violation.jsonl"),
    ("gemini", "gemini-error-result.jsonl"),
    ("gemini", "gemini-tool-not-registered.jsonl"),
    ("opencode", "opencode-tools.jsonl"),
    ("opencode", "opencode-error.jsonl"),
    ("opencode", "opencode-done-rejected.jsonl"),
    ("opencode", "opencode-invalid-tool.jsonl"),
]
FINAL = "## Executive Summary\nLooks fine."


def dump(value: object) -> str:
    return json.dumps(value, indent=2, sort_keys=True) + "\n"


def stats_json(stats: TranscriptStats) -> str:
    return dump(dataclasses.asdict(stats))


def parse(fmt: str, name: str) -> TranscriptStats:
    return parse_file(transcript_parser(fmt), FIXTURES / name)


@pytest.mark.parametrize(("fmt", "name"), STREAMS, ids=[n for _, n in STREAMS])
def test_stream_golden(fmt: str, name: str) -> None:
    stats = parse(fmt, name)
    assert stats.format == fmt
    assert_golden(f"transcripts/{name.rsplit('.', 1)[0]}.stats.json", stats_json(stats))


@pytest.mark.parametrize(("fmt", "name"), STREAMS, ids=[n for _, n in STREAMS])
def test_feeding_bytes_lines_matches_parse_file(fmt: str, name: str) -> None:
    parser = transcript_parser(fmt)()
    for line in (FIXTURES / name).read_bytes().splitlines(keepends=True):
        parser.feed(line)
    assert parser.result() == parse(fmt, name)


@pytest.mark.parametrize(("fmt", "name"), STREAMS, ids=[n for _, n in STREAMS])
def test_parse_text_matches_parse_file_on_valid_utf8(fmt: str, name: str) -> None:
    raw = (FIXTURES / name).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("fixture holds invalid UTF-8 on purpose; text input cannot carry it")
    assert parse_text(transcript_parser(fmt), text) == parse(fmt, name)


# -- the reference runs (agent-clis.md, "What the saved transcripts contain") -------------------


def test_reference_claude() -> None:
    stats = parse("claude", "claude-stream.jsonl")
    assert Counter(c.tool for c in stats.tool_calls) == {"Bash": 2, "Read": 1}
    assert list(stats.shell_commands) == ["git log --oneline -1", "git blame calc.py"]
    assert stats.final_text == FINAL
    assert (stats.model, stats.cli_duration_ms, stats.tokens_in, stats.tokens_out) == (
        "claude-sonnet-4-5",
        336,
        300,
        60,
    )
    assert stats.cost_usd == pytest.approx(0.0018)
    assert stats.ended_normally and not stats.is_error


def test_reference_codex() -> None:
    stats = parse("codex", "codex-exec.jsonl")
    assert Counter(c.tool for c in stats.tool_calls) == {"command_execution": 3}
    assert list(stats.shell_commands) == [
        "git log --oneline -1",
        "git blame calc.py",
        "cat README.md",
    ]
    assert stats.final_text == FINAL
    assert (stats.model, stats.cli_duration_ms, stats.cost_usd) == (None, None, None)
    assert (stats.tokens_in, stats.tokens_out) == (300, 60)
    assert stats.ended_normally


def test_reference_gemini() -> None:
    stats = parse("gemini", "gemini-stream.jsonl")
    assert Counter(c.tool for c in stats.tool_calls) == {"run_shell_command": 2, "read_file": 1}
    assert list(stats.shell_commands) == ["git log --oneline -1", "git blame calc.py"]
    assert stats.final_text == FINAL  # joined from two deltas
    assert stats.model == "gemini-2.5-pro"  # requested, not the server's "gemini-mock"
    assert (stats.cli_duration_ms, stats.tokens_in, stats.tokens_out) == (272, 300, 60)


def test_reference_gemini_output_json() -> None:
    stats = parse_gemini_output_json((FIXTURES / "gemini-output-json.json").read_text())
    assert_golden("transcripts/gemini-output-json.stats.json", stats_json(stats))
    assert stats.final_text == FINAL
    assert stats.tool_counts == (("read_file", 1), ("run_shell_command", 1))
    assert stats.shell_commands == ()  # this format has counts, not commands
    assert (stats.model, stats.tokens_in, stats.tokens_out) == ("gemini-mock", 300, 60)
    assert stats.ended_normally


# -- the messy ones -----------------------------------------------------------------------------


def test_claude_permission_denial_parallel_calls_and_noise() -> None:
    stats = parse("claude", "claude-permission-denial.jsonl")
    # two tool_use events share message.id (parallel calls); one event is repeated verbatim
    assert [c.tool for c in stats.tool_calls] == ["Bash", "Grep", "Read"]
    bash = stats.tool_calls[0]
    assert bash.denied and bash.ok is False
    assert stats.permission_denials == ("Bash: git blame calc.py && touch <workdir>/r-claude/x",)
    assert stats.malformed_lines == 2  # a stderr warning line and an invalid-UTF-8 line
    assert stats.model == "claude-opus-4-6"  # the model that did the work, not the helper
    assert (stats.tokens_in, stats.tokens_out) == (2000, 240)  # cache tokens included
    assert stats.ended_normally


def test_claude_is_error_with_subtype_success_is_an_error() -> None:
    stats = parse("claude", "claude-is-error-success.jsonl")
    assert stats.is_error and not stats.ended_normally
    assert stats.errors == ("API Error: Unable to connect to API (ConnectionRefused)",)
    assert stats.final_text == ""  # the synthetic error message is not an answer
    assert stats.model == "claude-sonnet-4-5"


def test_claude_api_retry_without_result() -> None:
    stats = parse("claude", "claude-api-retry.jsonl")
    assert stats.retries == 4
    assert stats.malformed_lines == 1  # the truncated last line
    assert not stats.ended_normally and not stats.is_error
    # retries 1, 2 and 4 got no HTTP response (no status, "unknown"); 3 an HTTP 529
    assert stats.errors == (
        "the API could not be reached: 3 retries with no HTTP response; "
        "check the network or ANTHROPIC_BASE_URL",
    )


def test_claude_max_turns() -> None:
    stats = parse("claude", "claude-max-turns.jsonl")
    assert stats.is_error and not stats.ended_normally
    assert stats.errors == (
        "stopped at its turn limit (error_max_turns): raise it with the seat's `extra_args` "
        "(Claude Code's `--max-turns N`), or review a smaller change",
    )
    assert stats.shell_breakdown == (("git log", 1),)


def test_codex_messy_sums_turn_usage_and_skips_garbage() -> None:
    stats = parse("codex", "codex-messy.jsonl")
    assert (stats.tokens_in, stats.tokens_out) == (3700, 450)
    assert stats.malformed_lines == 3
    assert stats.final_text == "## Executive Summary\nTwo small issues."
    assert stats.shell_commands[1] == "rg -n 'def add' ."  # '"'"' quoting undone
    assert dict(stats.shell_breakdown)["git blame"] == 2
    assert [c.ok for c in stats.tool_calls if c.command == "git blame nonexistent.py"] == [False]
    assert stats.ended_normally


def test_codex_turn_failed() -> None:
    stats = parse("codex", "codex-turn-failed.jsonl")
    assert stats.is_error and not stats.ended_normally
    # the 400 (turn.failed repeats it); the model metadata warning before it is no error
    assert len(stats.errors) == 1
    assert stats.errors[0].startswith("unexpected status 400 Bad Request")


def test_codex_reconnecting_forever() -> None:
    stats = parse("codex", "codex-reconnecting.jsonl")
    assert stats.retries == 5
    assert not stats.ended_normally and not stats.is_error
    assert stats.errors == (
        "Reconnecting... waiting for network (Connection failed: error sending request)",
    )
    assert stats.malformed_lines == 1


def test_codex_rollout_has_the_sandbox_denied_command() -> None:
    calls = parse_codex_rollout((FIXTURES / "codex-rollout.jsonl").read_text())
    assert_golden(
        "transcripts/codex-rollout.calls.json", dump([dataclasses.asdict(c) for c in calls])
    )
    assert [c.tool for c in calls] == [
        "exec_command",
        "exec_command",
        "write_stdin",
        "shell",
        "apply_patch",
    ]
    assert [c.command for c in calls[:2]] == ["git log --oneline -1", "touch <workdir>/r-codex/x"]
    assert [c.ok for c in calls[:2]] == [True, False]
    assert calls[3].command == "git blame calc.py"


def test_gemini_policy_violation_is_a_denied_call() -> None:
    stats = parse("gemini", "gemini-policy-violation.jsonl")
    assert [c.denied for c in stats.tool_calls] == [False, True, False]
    assert stats.permission_denials == ("run_shell_command: git blame calc.py && touch x",)
    assert stats.tool_calls[2].ok is False and stats.tool_calls[2].detail.endswith("MISSING.md")
    # only the deltas after the last tool_use
    assert stats.final_text == "## Executive Summary\nOne command was refused by policy."
    assert stats.errors == ("Loop detected, stopping execution",)
    assert stats.ended_normally


def test_gemini_error_result() -> None:
    stats = parse("gemini", "gemini-error-result.jsonl")
    assert stats.is_error and not stats.ended_normally
    assert len(stats.errors) == 1 and stats.errors[0].startswith("[API Error: got status: 400")
    assert stats.malformed_lines == 2
    assert stats.cli_duration_ms == 95


def test_gemini_output_json_error() -> None:
    stats = parse_gemini_output_json((FIXTURES / "gemini-output-json-error.json").read_text())
    assert_golden("transcripts/gemini-output-json-error.stats.json", stats_json(stats))
    assert stats.is_error and stats.errors == ("[API Error: got status: 400 Bad Request.]",)


def test_opencode_tools() -> None:
    stats = parse("opencode", "opencode-tools.jsonl")
    assert stats.tool_counts == (("bash", 3), ("grep", 1), ("read", 1))
    assert stats.shell_commands == (
        "git log --oneline -1",
        "touch <workdir>/r-opencode/x",
        "git blame calc.py",
    )
    assert stats.permission_denials == ("bash: touch <workdir>/r-opencode/x",)
    assert stats.tool_calls[4].ok is False and not stats.tool_calls[4].denied  # "No files found"
    assert stats.final_text == FINAL
    assert (stats.tokens_in, stats.tokens_out) == (2010, 130)
    assert stats.cost_usd == pytest.approx(0.0042)
    assert stats.ended_normally


def test_opencode_error_event() -> None:
    stats = parse("opencode", "opencode-error.jsonl")
    assert stats.is_error and not stats.ended_normally
    assert stats.errors == ("Bad Request: mock rejected the request",)
    assert stats.malformed_lines == 2  # the update notice and the truncated last line


def test_opencode_done_event_lists_rejections_once() -> None:
    stats = parse("opencode", "opencode-done-rejected.jsonl")
    assert stats.permission_denials == ("bash: curl -s http://example.com", "webfetch")
    assert stats.ended_normally  # `done` arrived; its last step hit "length": the answer is cut
    assert stats.cut_off == "the output limit (finish reason: length)"
