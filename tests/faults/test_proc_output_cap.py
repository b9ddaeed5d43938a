"""`proc.run`'s own limits, below the review: the output cap and a sink that cannot be written."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path

import pytest

from deepreview import proc, proc_pipes
from fakebin.harness import FAKE_SEAT, processes_with


def test_output_over_the_cap_is_cut_and_flagged_and_the_child_still_finishes(
    tmp_path: Path,
) -> None:
    out, err = tmp_path / "out", tmp_path / "err"
    cap = 1024 * 1024
    lines: list[bytes] = []
    result = proc.run(
        [sys.executable, str(FAKE_SEAT), "flood", "--bytes", str(8 * cap)],
        stdout_file=out,
        stderr_file=err,
        on_stdout_line=lines.append,
        max_output_bytes=cap,
        timeout=60,
    )
    assert result.ok, result.describe_failure()  # drained to the end, never blocked
    assert result.output_truncated and result.output_cap == cap
    assert result.stdout_bytes > 8 * cap  # what it printed, not what was kept
    # Every line reached the callback, also those past the cap (8 MiB of 1 KiB lines).
    assert len([ln for ln in lines if ln.startswith(b"xxx")]) == 8 * 1024
    kept = out.read_bytes()
    # Its first `cap` bytes, then its last lines (at most `cap` of them): the end of its
    # output, where a transcript's final answer is, is stored too.
    assert kept[:cap] == (b"x" * 1023 + b"\n") * 1024
    assert cap < len(kept) <= 2 * cap + 1
    assert kept.endswith(b"### Suggestions\n\nNone.\n")  # the review line, the last printed


def test_unwritable_sink_is_reported_not_raised(tmp_path: Path) -> None:
    """/dev/full: every write fails with ENOSPC, like a full disk."""
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("no /dev/full here")
    result = proc.run(
        [sys.executable, str(FAKE_SEAT), "flood", "--bytes", str(4 * 1024 * 1024)],
        stdout_file=full,
        stderr_file=tmp_path / "err",
        timeout=60,
    )
    assert result.ok  # the child was drained to the end instead of blocking on its pipe
    assert result.output_error and "No space left" in result.output_error
    assert result.output_truncated


def test_a_stray_that_cannot_be_killed_stops_the_reading_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process the child left in a session of its own keeps its output open and writes on:
    when it cannot be found to be killed, reading stops after the bound (`held_open`), and the
    file it writes to is closed under no running reader (no traceback)."""
    monkeypatch.setattr(proc_pipes, "_holders", lambda pipes: [])
    marker = tmp_path / "marker"
    marker.mkdir()
    script = marker / "fake_seat.py"
    script.write_bytes(FAKE_SEAT.read_bytes())
    try:
        result = proc.run(
            [sys.executable, str(script), "escape"],
            stdout_file=tmp_path / "out",
            stderr_file=tmp_path / "err",
            timeout=60,
        )
        assert result.ok, result.describe_failure()
        assert result.held_open and result.strays == 0
        assert b"Executive Summary" in (tmp_path / "out").read_bytes()
    finally:
        for found in processes_with(str(marker)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(found.split(":", 1)[0]), signal.SIGKILL)
