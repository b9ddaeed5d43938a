"""What one agent run's transcript says about the run: the values every CLI parser produces.

Token conventions (the CLIs disagree, so we normalise): `tokens_in` is every prompt token the
model processed, cached or not; `tokens_out` is every generated token, reasoning included when the
CLI folds it into its output figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from deepreview.transcripts.shell import command_label

# Tool names whose `command` is a raw shell string, per CLI (Codex rollouts name it exec_command).
SHELL_TOOLS = frozenset(
    {"Bash", "command_execution", "exec_command", "shell", "local_shell", "run_shell_command",
     "bash"}
)  # fmt: skip

# Tools that write files, per CLI. A review never offers them, so a call to one that did not
# succeed was refused by the CLI ("not enabled", "not found", opencode's `invalid` stand-in):
# it is a denied call, the trace of a seat that tried to write.
EDIT_TOOLS = frozenset(
    {"Write", "Edit", "MultiEdit", "NotebookEdit",  # claude
     "write_file", "replace",  # gemini
     "write", "edit", "patch", "multiedit", "apply_patch"}  # opencode (and codex's patch tool)
)  # fmt: skip


@dataclass(frozen=True)
class ToolCall:
    tool: str  # the CLI's own tool name: Read, Bash, command_execution, run_shell_command, read...
    command: str | None = None  # raw shell string, for shell tools only
    ok: bool | None = None  # None: no result was seen for the call
    denied: bool = False  # refused by the CLI's permission policy or sandbox
    detail: str = ""  # e.g. the file path or search pattern


@dataclass(frozen=True)
class TranscriptStats:
    format: str  # claude | codex | gemini | opencode
    model: str | None
    cli_duration_ms: int | None
    tokens_in: int | None
    tokens_out: int | None
    cost_usd: float | None
    tool_calls: tuple[ToolCall, ...]
    permission_denials: tuple[str, ...]  # "<tool>: <command or detail>"
    errors: tuple[str, ...]
    retries: int
    ended_normally: bool  # a terminal event was seen and it did not report an error
    is_error: bool
    final_text: str
    malformed_lines: int  # lines that were not a JSON object (truncated, noise, invalid UTF-8)
    lines: int  # non-blank lines seen
    # What the API retries were, in words ("authentication failed (HTTP 401)"), each once in
    # the order first seen; empty when the CLI does not say.
    retry_causes: tuple[str, ...] = ()
    # What cut the final answer off though the run ended normally ("the output limit
    # (stop_reason: max_tokens)"): its review is unfinished. None: not cut, or not said.
    cut_off: str | None = None

    @property
    def tool_errors(self) -> int:
        """Tool calls that ran and failed (a refused call is a denial, not an error). The
        CLI's own errors (`errors`: an API failure, a crash) are not tool errors."""
        return sum(1 for call in self.tool_calls if call.ok is False and not call.denied)

    @property
    def tool_counts(self) -> tuple[tuple[str, int], ...]:
        """(tool, count), most used first, ties by name."""
        return sorted_counts(Counter(call.tool for call in self.tool_calls))

    @property
    def shell_commands(self) -> tuple[str, ...]:
        return tuple(call.command for call in self.tool_calls if call.command is not None)

    @property
    def denied_commands(self) -> tuple[str, ...]:
        """The shell commands the CLI refused, in order: they never ran."""
        return tuple(c.command for c in self.tool_calls if c.command is not None and c.denied)

    @property
    def shell_breakdown(self) -> tuple[tuple[str, int], ...]:
        """(command label, count) over the shell commands that ran, most used first, ties by
        label. A refused command never ran ("Ran 2 `git blame` commands" for one that ran and
        one the guard denied would be false): it is counted among the denials."""
        ran = (c.command for c in self.tool_calls if c.command is not None and not c.denied)
        return sorted_counts(Counter(command_label(cmd) for cmd in ran))


def sorted_counts(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
