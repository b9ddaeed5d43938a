"""A timed-out child is described by the limit it ran under, not by when the kill finished:
the report says "timed out after 1.0 s" for `--timeout 1`, however long the child took to die
(a loaded machine, a child ignoring SIGTERM)."""

from __future__ import annotations

import sys

from deepreview import proc

# Ignores SIGTERM, so ending it takes the whole kill grace on top of the timeout.
_STUBBORN = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(30)"


def test_timeout_reason_names_the_limit() -> None:
    res = proc.run([sys.executable, "-c", _STUBBORN], timeout=1.0, kill_grace=0.5)
    assert res.timed_out and res.killed
    assert res.duration_s >= 1.5  # the kill grace came on top
    assert res.describe_failure() == (
        "timed out after 1.0 s (killed with SIGKILL after ignoring SIGTERM)"
    )
