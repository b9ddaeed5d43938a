"""The hook command that puts `shell_guard` in front of a read-only seat's tool calls.

Claude Code (PreToolUse) and Gemini CLI (BeforeTool) both run a command hook with the tool call
as JSON on stdin and refuse the call when it exits 2, handing its stderr to the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

from deepreview.agents import shell_guard
from deepreview.agents._home import home_dirs
from deepreview.agents.base import SeatTask


def guard_roots(task: SeatTask) -> list[Path]:
    """Where a read-only seat may read: its worktree, and its own temp dir (where the CLI
    keeps long tool outputs for the model to read back)."""
    return [task.worktree, home_dirs(task.home)["TMPDIR"]]


def guard_command(roots: list[Path]) -> list[str]:
    """The hook command that runs `shell_guard` on one tool call (JSON on stdin; exit 2 refuses
    the call and its stderr tells the model why). The file is run with `python -I` by path, so
    it needs neither this package's import path nor the seat's environment."""
    argv = [sys.executable, "-I", str(Path(shell_guard.__file__).resolve())]
    for root in roots:
        argv += ["--root", str(root)]
    return argv
