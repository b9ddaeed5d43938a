"""A Claude seat whose key the API rejects stops at once with an auth reason, not a timeout.

Claude Code retries HTTP 401/403 like any API error (`system/api_retry` events, for minutes);
the adapter ends the run after a few rejections in a row. The e2e twin drives the real CLI
against the scripted server (tests/e2e/test_claude_auth_e2e.py).
"""

from __future__ import annotations

import json
import stat
import time
from dataclasses import replace
from pathlib import Path

import pytest

from deepreview.agents.claude import ClaudeAgent


def fake_claude(tmp_path: Path, statuses: list[int | None]) -> Path:
    """Prints an init event and one api_retry per status, then hangs like the real CLI."""
    events = [{"type": "system", "subtype": "init", "model": "claude-sonnet-4-5"}]
    for i, status in enumerate(statuses, 1):
        error = "authentication_failed" if status in (401, 403) else "unknown"
        events.append(
            {"type": "system", "subtype": "api_retry", "attempt": i, "max_retries": 10,
             "retry_delay_ms": 500, "error_status": status, "error": error}
        )  # fmt: skip
    lines = "\n".join(json.dumps(e) for e in events)
    script = tmp_path / "claude"
    script.write_text(f"#!/bin/sh\ncat <<'EOF'\n{lines}\nEOF\nexec sleep 30\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.parametrize("status", [401, 403])
def test_rejected_key_fails_fast(status: int, make_task, tmp_path: Path) -> None:
    task = make_task("claude", binary=str(fake_claude(tmp_path, [status] * 3)))
    t0 = time.monotonic()
    out = ClaudeAgent().run(task)

    assert time.monotonic() - t0 < 15
    assert out.status == "failed"
    assert out.reason and f"authentication failed (HTTP {status})" in out.reason


def test_other_retries_are_left_to_the_timeout(make_task, tmp_path: Path) -> None:
    # A server error, or rejections interleaved with other errors, may still recover.
    task = make_task("claude", binary=str(fake_claude(tmp_path, [401, 401, 500, 401, None])))
    task = replace(task, timeout=3)
    out = ClaudeAgent().run(task)

    assert out.status == "timeout", out.reason
