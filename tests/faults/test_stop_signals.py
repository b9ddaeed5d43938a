"""`StopSignals`: once a stop was requested (the user pressed Ctrl-C), releasing it leaves later
Ctrl-C presses ignored. Restoring the CLI's raising handler let a press hammered while the
review wound down raise in the middle of marking it interrupted, losing the resume hint (a
flaky `test_hammering_ctrl_c_still_cleans_up` on a loaded machine)."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from deepreview.stop_signals import StopSignals


def _raise(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@pytest.fixture(autouse=True)
def _handlers_put_back() -> Iterator[None]:
    """A requested stop leaves SIGINT, SIGTERM and SIGHUP ignored: in the test process that
    would outlast the test, and every process it started later (seats, test commands) would
    begin with SIGTERM ignored, so each timeout or Ctrl-C there took the 3 s kill grace."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_after_a_requested_stop_later_ctrl_c_is_ignored() -> None:
    before = signal.signal(signal.SIGINT, _raise)
    try:
        with StopSignals() as stop:
            signal.raise_signal(signal.SIGINT)  # only requests the stop
            assert stop.requested
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        signal.raise_signal(signal.SIGINT)  # ignored: no KeyboardInterrupt
    finally:
        signal.signal(signal.SIGINT, before)


def test_without_a_stop_the_previous_handler_comes_back() -> None:
    before = signal.signal(signal.SIGINT, _raise)
    try:
        with StopSignals():
            pass
        assert signal.getsignal(signal.SIGINT) is _raise
    finally:
        signal.signal(signal.SIGINT, before)
