"""A lock that separate `deep-review` processes share: `flock(2)` on a file that stays in place
(the store's index, a repository's worktree registrations). The kernel releases it when its
holder exits, however it exits.

A few lines of our own instead of the `filelock` package, whose import (~18 ms with filelock 4)
every review paid before its first seat (benchmarks/README.md, "first seat spawned after").
Not reentrant: each `FileLock` holds its own descriptor, so a second lock on the same file
waits for the first even in the same thread.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from deepreview.errors import DeepReviewError
from deepreview.runmodel import format_duration

POLL_S = 0.05


class FileLock:
    def __init__(
        self, path: Path, *, timeout: float, error: type[DeepReviewError], holder: str
    ) -> None:
        """`error(...)` is raised after `timeout` seconds of waiting; `holder` says who holds
        the lock in that message ("another deep-review is writing this store")."""
        self.path = path
        self.timeout = timeout
        self.error = error
        self.holder = holder
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(POLL_S)
                    continue
                os.close(fd)
                raise self.error(
                    f"timed out after {format_duration(self.timeout)} waiting for {self.path}: "
                    f"{self.holder}; try again once it is done"
                ) from None
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
            return

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the only descriptor releases the lock

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
