"""`deepreview.lockfile.FileLock`: one holder at a time across processes and threads, a clear
error after the timeout, and no lock left behind by a holder that died. `hold` / `holder`: a
lock taken for a process's whole work, and the probe that tells whether anyone holds it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from deepreview.errors import StoreError
from deepreview.lockfile import FileLock, hold, holder, release

_HOLD = """
import sys, time
from pathlib import Path
from deepreview.errors import StoreError
from deepreview.lockfile import FileLock
lock = FileLock(Path(sys.argv[1]), timeout=5, error=StoreError, holder="x")
lock.acquire()
print("held", flush=True)
sys.stdin.readline()  # until the test closes our stdin (or kills us)
"""


def _lock(path: Path, timeout: float = 0.2) -> FileLock:
    return FileLock(path, timeout=timeout, error=StoreError, holder="another review holds it")


def _holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def test_a_lock_held_by_another_process_times_out_with_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / ".index.lock"
    holder = _holder(path)
    try:
        with pytest.raises(StoreError, match=r"waiting for .*\.index\.lock: another review"):
            _lock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    # The kernel released the dead holder's lock.
    with _lock(path):
        pass


def test_a_released_lock_is_taken_by_the_next_waiter(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    holder = _holder(path)
    assert holder.stdin is not None
    holder.stdin.close()  # the holder exits, and with it its lock
    with _lock(path, timeout=10):
        pass
    holder.wait()


def test_two_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    inside: list[int] = []
    overlaps: list[int] = []

    def work(n: int) -> None:
        for _ in range(20):
            with _lock(path, timeout=10):
                inside.append(n)
                time.sleep(0.002)  # without the lock, another thread would be inside now
                if len(inside) > 1:
                    overlaps.append(n)
                inside.remove(n)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlaps == []


def test_holder_tells_who_holds_a_lock_and_that_nobody_does(tmp_path: Path) -> None:
    path = tmp_path / "run.lock"
    assert holder(path) is None  # no file: nobody (and probing makes none)
    assert not path.exists()
    fd = hold(path, '{"pid": 1}')
    assert fd is not None
    try:
        assert holder(path) == '{"pid": 1}'  # seen from another open file, even in-process
        assert holder(path) == '{"pid": 1}'  # a probe does not take the lock away
        assert hold(path, "second", wait_s=0) is None
    finally:
        release(fd)
    assert holder(path) is None  # the file stays; nobody holds it
    again = hold(path, "second", wait_s=0)
    assert again is not None
    release(again)


def test_a_killed_holder_holds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "run.lock"
    proc = _holder(path)  # a FileLock: the same flock `hold` takes
    try:
        assert holder(path) == ""
    finally:
        proc.kill()
        proc.wait()
    assert holder(path) is None
