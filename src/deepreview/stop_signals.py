"""Ctrl-C, SIGTERM and SIGHUP as a request to stop, while a review's seats run."""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType
from typing import Any


class StopSignals:
    """While active, SIGINT, SIGTERM and SIGHUP only *request* a stop instead of raising.

    A KeyboardInterrupt raised at an arbitrary point of the main thread (inside a run.json
    write, or while the thread pool joins its workers) would skip the cleanup that kills the
    seats' process groups and removes their worktrees; a user hammering Ctrl-C made exactly
    that happen. The handler only sets a flag (no locks: it runs between two bytecodes of
    whatever the main thread was doing); `run_seats` polls it and cancels the seats. Outside
    the main thread (library use) signals cannot be handled and nothing is installed. A
    hangup (the terminal closed) stops the review as Ctrl-C does, unless it is ignored
    (`nohup`): then the review goes on.
    """

    _SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, Any] = {}

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for sig in self._SIGNALS:
                if sig == signal.SIGHUP and signal.getsignal(sig) == signal.SIG_IGN:
                    continue  # `nohup deep-review ...`: asked to outlive the terminal
                self._previous[sig] = signal.signal(sig, self._handler)
        return self

    def release(self) -> None:
        """Give Ctrl-C back to the previous handlers (idempotent). After a requested stop the
        user has pressed Ctrl-C already: later presses are ignored, as the CLI's own handler
        ignores all but the first, so one hammered while the review winds down cannot raise
        in the middle of marking it interrupted (and lose the resume hint)."""
        for sig, previous in self._previous.items():
            signal.signal(sig, signal.SIG_IGN if self.requested else previous)
        self._previous.clear()

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
