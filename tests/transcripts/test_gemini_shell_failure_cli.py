"""tc61 left: Gemini CLI's stream-json reports a shell command that exited non-zero as
`status: "success"`, with no exit code. When the command printed nothing, its `output` is the
CLI's stand-in, "Command exited with code: 1": that failure is counted as a tool error now.
One that printed its own error (`fatal: …`) still reads as a success: nothing in the stream
tells it apart (README, "tool errors").
"""

from __future__ import annotations

from pathlib import Path

from fakebin.harness import review_stream

REVIEW = "## Executive Summary\n\nFine.\n\n## Findings\n\nNo issues found.\n"
OUTPUTS = (
    "Command exited with code: 1",  # `git diff --quiet HEAD~1`, as gemini 0.61 streams it
    "fatal: ambiguous argument 'nope': unknown revision",  # exit 128, told by nothing
    "Command exited with code: 0 files",  # a command's own output that merely reads alike
)


def test_a_silent_failed_shell_command_is_a_tool_error(tmp_path: Path) -> None:
    events: list[dict[str, object]] = [{"type": "init", "model": "gemini-2.5-pro"}]
    for n, output in enumerate(OUTPUTS):
        tool_id = f"run_shell_command__run_shell_command_{n}"
        events += [
            {"type": "tool_use", "tool_name": "run_shell_command", "tool_id": tool_id,
             "parameters": {"command": f"git diff --quiet HEAD~{n + 1}"}},
            {"type": "tool_result", "tool_id": tool_id, "status": "success", "output": output},
        ]  # fmt: skip
    events += [
        {"type": "message", "role": "assistant", "content": REVIEW, "delta": True},
        {"type": "result", "status": "success", "stats": {"total_tokens": 9}},
    ]
    res = review_stream(tmp_path, "gemini", events)
    assert res.returncode == 0, res.stderr
    report = Path(res.json()["paths"]["md"]).read_text(encoding="utf-8")
    retro = report[report.index("## Agent Performance Retro") :]
    assert "1 tool error." in retro, retro
