"""A tool call the CLI refused is a denied call, whatever words the CLI used for it.

Trial 29: Claude's "Write exists but is not enabled" was a plain failure next to a counted
redirection block ("1 denied" for two refused writes), opencode's stand-in tool `invalid` hid a
refused `write`, and Gemini's unregistered `write_file` was an ordinary failed call. The fixtures
are hand-written in the CLIs' real event shapes (claude 2.1.197, gemini 0.61.0, opencode 1.18.33).
"""

from __future__ import annotations

from pathlib import Path

from deepreview.agents.registry import transcript_parser
from deepreview.transcripts import ToolCall, parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "transcripts"


def test_claude_tool_not_enabled_and_blocked_redirection_are_both_denied() -> None:
    stats = parse_file(transcript_parser("claude"), FIXTURES / "claude-refused-write.jsonl")
    assert stats.tool_calls == (
        ToolCall("Bash", command="git show --stat HEAD", ok=True),
        ToolCall("Edit", ok=False, denied=True, detail="<workdir>/r-claude/calc.py"),
        ToolCall("Bash", command="printf fixed > calc.py", ok=False, denied=True),
        # a read that failed on its own is a failure, not a refusal
        ToolCall("Read", ok=False, detail="<workdir>/r-claude/gone.py"),
    )
    assert stats.permission_denials == (
        "Edit: <workdir>/r-claude/calc.py",
        "Bash: printf fixed > calc.py",
    )
    assert stats.errors == ()


def test_claude_denial_is_counted_once_mid_stream_and_at_the_end() -> None:
    parser = transcript_parser("claude")()
    lines = (FIXTURES / "claude-refused-write.jsonl").read_bytes().splitlines()
    for line in lines[:-1]:
        parser.feed(line)
    # the blocked redirection is seen from its tool_result, before the result event lists it
    before = parser.result().permission_denials
    assert before == ("Edit: <workdir>/r-claude/calc.py", "Bash: printf fixed > calc.py")
    parser.feed(lines[-1])
    assert parser.result().permission_denials == before


def test_gemini_unregistered_edit_tools_are_denied() -> None:
    stats = parse_file(transcript_parser("gemini"), FIXTURES / "gemini-tool-not-registered.jsonl")
    assert stats.tool_calls == (
        ToolCall("read_file", ok=True, detail="<workdir>/r-gemini/calc.py"),
        ToolCall("replace", ok=False, denied=True, detail="calc.py"),
        ToolCall("write_file", ok=False, denied=True, detail="NOTES.md"),
        ToolCall("read_file", ok=False, detail="<workdir>/r-gemini/nope.py"),
    )
    assert stats.permission_denials == ("replace: calc.py", "write_file: NOTES.md")


def test_opencode_invalid_stand_in_for_an_edit_tool_is_a_denied_edit() -> None:
    stats = parse_file(transcript_parser("opencode"), FIXTURES / "opencode-invalid-tool.jsonl")
    assert stats.tool_calls == (
        ToolCall("read", ok=True, detail="<workdir>/r-opencode/calc.py"),
        # the call is named by the tool the model asked for, not by opencode's stand-in
        ToolCall("edit", ok=False, denied=True),
        # `invalid` also stands in for a read tool called with bad arguments: a failure
        ToolCall("grep", ok=False),
    )
    assert stats.permission_denials == ("edit",)
    assert stats.tool_counts == (("edit", 1), ("grep", 1), ("read", 1))
