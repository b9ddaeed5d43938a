"""Trial tc61, defect 3: on a terminal the live seat table shows each seat's last tool call as
the model wrote it — text, not markup, and no terminal escapes.

A real process on a pseudo-terminal is the point: the table is drawn only when stderr is a
TTY. The fake `claude` (tests/fakebin/fake_agent.py) runs `grep -rn '[/]' calc.py` (rich
read `[/]` as a closing tag and the review died with a MarkupError after it was stored), then a
command that holds an escape setting the terminal's title.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import make_repo

REVIEW = "## Executive Summary\n\nFine.\n\n## Findings\n\nNo issues found.\n"
TITLE_ESCAPE = "\x1b]0;pwned\x07"


def _stream(path: Path, command: str) -> str:
    def call(n: int, cmd: str) -> list[dict[str, object]]:
        use = {"type": "tool_use", "id": f"t{n}", "name": "Bash", "input": {"command": cmd}}
        answer = {"type": "tool_result", "tool_use_id": f"t{n}", "content": "ok"}
        return [
            {"type": "assistant", "message": {"id": f"m{n}", "content": [use]}},
            {"type": "user", "message": {"content": [answer]}},
        ]

    text = {"type": "text", "text": REVIEW}
    events = [
        {"type": "system", "subtype": "init", "model": "claude-opus-4-6"},
        *call(0, f"echo {TITLE_ESCAPE}done"),
        *call(1, command),
        {"type": "assistant", "message": {"id": "m9", "content": [text]}},
        {"type": "result", "subtype": "success", "is_error": False, "result": REVIEW},
    ]
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return str(path)


def _on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run `deep-review ARGS` with stderr on a pseudo-terminal: (exit code, what it drew)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepreview", *args],
        cwd=cwd,
        env={**env, "COLUMNS": "160", "TERM": "xterm"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
    )
    os.close(slave)
    drawn = bytearray()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            drawn += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=30), drawn.decode("utf-8", errors="replace")


def test_tool_labels_are_shown_as_text_without_escapes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    stream = _stream(tmp_path / "claude.jsonl", "grep -rn '[/]' calc.py")
    fakes.agent("claude", {"transcript_file": stream})
    fakes.write_config({})
    code, drawn = _on_a_terminal(
        ["review", "--agents", "claude", "--lead", "none"], repo, fakes.env(agents=True)
    )
    assert "MarkupError" not in drawn and "Traceback" not in drawn, drawn[-3000:]
    assert code == 0, drawn[-3000:]
    assert "grep -rn '[/]' calc.py" in drawn  # the label as the model wrote it
    assert TITLE_ESCAPE[:-1] not in drawn
