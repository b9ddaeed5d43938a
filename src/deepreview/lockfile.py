"""A lock that separate `deep-review` processes share: `flock(2)` on a file that stays in place
(the store's index, a repository's worktree registrations, a review's folder). The kernel
releases it when its holder exits, however it exits (SIGKILL and a reboot included), so a lock
nobody holds means no process is there any more: `hold` and `holder` use it to tell.

A few lines of our own instead of the `filelock` package, whose import (~18 ms with filelock 4)
every review paid before its first seat (benchmarks/README.md, "first seat spawned after").
Not reentrant: each `FileLock` holds its own descriptor, so a second lock on the same file
waits for the first even in the same thread.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Final

from deepreview.errors import DeepReviewError, Interrupted
from deepreview.runmodel import format_duration

POLL_S = 0.05
# Reviews of one repository take turns on its locks for a moment all the time: a wait is said
# (`note_wait`) only once it has lasted this long.
NOTE_AFTER_S = 2.0
_PROC_LOCKS: Final = Path("/proc/locks")

# Where "note: waiting for ..." goes when a command starts waiting on a lock another process
# holds: the CLI sets it (`set_wait_notice`; the core prints nothing), else a wait is silent.
_wait_notice: Callable[[str], None] | None = None


def set_wait_notice(notice: Callable[[str], None] | None) -> None:
    global _wait_notice
    _wait_notice = notice


def note_wait(path: Path, who: str) -> None:
    """Say that this process now waits for `path`, which `who` holds (with its pid when the
    kernel tells it): a wait of minutes must not look like a hang."""
    if _wait_notice is None:
        return
    pids = holder_pids(path)
    held = f", held by pid {', '.join(map(str, pids))}" if pids else ""
    _wait_notice(f"waiting for {path} ({who}{held})")


def holder_pids(path: Path) -> list[int]:
    """The processes holding a lock (flock or fcntl, as SQLite takes) on `path`, as Linux's
    /proc/locks lists them; [] when it cannot tell (another system, the file gone)."""
    try:
        st = path.stat()
        lines = _PROC_LOCKS.read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    # "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 0 EOF"; a waiter's line has "->" first
    where = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    pids: list[int] = []
    for line in lines:
        fields = line.split()
        if len(fields) < 6 or fields[1] == "->" or fields[5] != where:
            continue
        with contextlib.suppress(ValueError):
            pid = int(fields[4])
            if pid > 0 and pid not in pids:
                pids.append(pid)
    return pids


class FileLock:
    def __init__(
        self,
        path: Path,
        *,
        timeout: float,
        error: type[DeepReviewError],
        holder: str,
        make_folder: bool = True,
        cannot_open: Callable[[Path, OSError], str] | None = None,
    ) -> None:
        """`error(...)` is raised after `timeout` seconds of waiting; `holder` says who holds
        the lock in that message ("another deep-review is writing this store").
        `make_folder`: the lock's folder is made when missing; else (a folder that is not ours
        to make, a repository's `.git`) a missing one is `error`, and `folder_gone` says so.
        `cannot_open(path, exc)`: the one line for a lock file that cannot be opened (a
        read-only folder, a folder in its place), else a generic one."""
        self.path = path
        self.timeout = timeout
        self.error = error
        self.holder = holder
        self.make_folder = make_folder
        self.cannot_open = cannot_open
        self._fd: int | None = None

    def folder_gone(self) -> bool:
        return not self.path.parent.is_dir()

    def acquire(self, cancel: threading.Event | None = None) -> None:
        """`cancel`: set while this waits (Ctrl-C), the wait ends with `Interrupted` at once,
        not once the holder is done (a seat waiting for another review's worktrees)."""
        try:
            if self.make_folder:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError as exc:
            if self.make_folder:
                raise
            raise self.error(
                f"cannot lock {self.path}: {self.path.parent} is gone (deleted or moved "
                "meanwhile); put it back and try again"
            ) from exc
        except OSError as exc:
            explain = self.cannot_open or _cannot_open
            raise self.error(explain(self.path, exc)) from exc
        start = time.monotonic()
        deadline = start + self.timeout
        noted = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if cancel is not None and cancel.is_set():
                    os.close(fd)
                    raise Interrupted(f"stopped while waiting for {self.path}") from None
                if not noted and time.monotonic() - start >= NOTE_AFTER_S:
                    note_wait(self.path, self.holder)
                    noted = True
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


def _cannot_open(path: Path, exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder, not a file; remove it and try again"
    return f"cannot lock {path}: {exc.strerror or exc}; fix its permissions and try again"


def hold(path: Path, note: str, *, wait_s: float = 1.0) -> int | None:
    """Take `path`'s lock for as long as this process wants it: the descriptor (`release` it),
    or None when another process holds it. Only a `holder` probe's moment of a shared lock is
    waited out (up to `wait_s`). `note` is written into the file, for `holder` to read."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() < deadline:
                time.sleep(POLL_S)
                continue
            os.close(fd)
            return None
        except BaseException:
            os.close(fd)
            raise
    try:
        os.ftruncate(fd, 0)
        os.write(fd, note.encode("utf-8"))
    except OSError:
        pass  # a full disk: the lock holds all the same, only who holds it goes unsaid
    return fd


def take(path: Path) -> int | None:
    """Take the lock of the existing file `path` at once: the descriptor (`release` it), or
    None when another process holds it or there is no such file. Nothing is written."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held (BlockingIOError), or a filesystem without locks: nothing told
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd


def release(fd: int) -> None:
    os.close(fd)  # the only descriptor on that open file: the lock goes with it


def holder(path: Path) -> str | None:
    """What the process holding `path`'s lock wrote into it (`hold`'s note, maybe "" or cut
    short), or None when no process holds it or there is no such file. Never waits, never
    creates the file (a read-only store is probed too). A shared lock, so that two probes at
    once do not take each other for a holder."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        try:
            return os.read(fd, 4096).decode("utf-8", errors="replace")
        except OSError:
            return ""
    except OSError:
        return None  # a filesystem without locks: nothing can be told
    finally:
        os.close(fd)
    return None
