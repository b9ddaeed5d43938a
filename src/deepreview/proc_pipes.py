"""Reading a child's pipes for `proc.run`: one `Pump` thread per pipe (to a file or a buffer,
capped, its last lines kept past the cap, each line to a callback), `drain` once the child's
group is gone (killing a process of another session that still holds a pipe open), and `feed`
for its stdin."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Final

from deepreview.runmodel import OUTPUT_DRAIN_S

_LOGGER: Final = logging.getLogger("deepreview.proc")

_CHUNK = 1 << 16
# Past the output cap the last lines are still kept, up to this much (a transcript's final
# result event is its last line): stored after the first `max_output_bytes`.
TAIL_BYTES: Final = 8 * 1024 * 1024
DRAIN_S: Final = OUTPUT_DRAIN_S
_POLL_MS: Final = 100


class Pump(threading.Thread):
    """Copies one pipe to a file or buffer, optionally splitting lines for a callback.

    Past `max_bytes` nothing more is stored, but every line still reaches the callback and the
    last `TAIL_BYTES` of whole lines are kept, to be stored after the first `max_bytes` when
    the pipe ends (`finish`): a transcript's final answer is its last line."""

    def __init__(
        self,
        pipe: IO[bytes],
        sink: IO[bytes] | None,
        on_line: Callable[[bytes], None] | None,
        max_bytes: int | None,
    ) -> None:
        super().__init__(daemon=True)
        self.pipe = pipe
        self.sink = sink
        self.on_line = on_line
        self.max_bytes = max_bytes
        self.buffer = bytearray() if sink is None else None
        self.total = 0
        self.truncated = False
        self.write_error: OSError | None = None
        self.stop = threading.Event()  # set: stop reading even if the pipe stays open
        self._partial = b""
        self._tail: deque[bytes] = deque()
        self._tail_size = 0
        self._tail_max = None if max_bytes is None else min(max_bytes, TAIL_BYTES)

    def run(self) -> None:
        # poll, not a blocking read: a pipe that a stray process holds open never ends, and
        # `stop` must still end this thread (closing the pipe under a blocked read does not).
        fd = self.pipe.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        while not self.stop.is_set():
            try:
                if not poller.poll(_POLL_MS):
                    continue
                chunk = os.read(fd, _CHUNK)
            except (OSError, ValueError):
                break
            if not chunk:
                break
            self._take(chunk)
        if self._partial:
            self._line(self._partial)
        self._partial = b""
        self._store_tail()

    def _take(self, chunk: bytes) -> None:
        kept = chunk
        if self.max_bytes is not None:
            room = self.max_bytes - self.total
            if room <= 0:
                kept = b""
            elif len(chunk) > room:
                kept = chunk[:room]
            if len(kept) < len(chunk):
                self.truncated = True
        self.total += len(chunk)
        if kept:
            if self.sink is not None:
                self._write(kept)
            elif self.buffer is not None:
                self.buffer.extend(kept)
        if self.on_line is not None or (self.truncated and self.sink is not None):
            # Every line, also past the cap: the callback watches the whole run.
            data = self._partial + chunk
            *lines, self._partial = data.split(b"\n")
            for line in lines:
                self._line(line)
            # A single unterminated line must not grow without bound.
            if len(self._partial) > 8 * _CHUNK * 16:
                self._partial = b""

    def _line(self, line: bytes) -> None:
        if self.truncated and self._tail_max is not None and self.sink is not None:
            self._tail.append(line)
            self._tail_size += len(line) + 1
            while self._tail_size > self._tail_max and len(self._tail) > 1:
                self._tail_size -= len(self._tail.popleft()) + 1
        if self.on_line is not None:
            self._callback(line)

    def _store_tail(self) -> None:
        """After the cut: a newline (the cut may end mid-line), then the last whole lines."""
        if not self._tail:
            return
        self._write(b"\n" + b"\n".join(self._tail) + b"\n")
        self._tail.clear()

    def _write(self, data: bytes) -> None:
        # A full disk must not kill this thread: the child would block on a pipe nobody
        # drains. Keep reading, drop the rest, and let the caller see `write_error`.
        if self.write_error is not None or self.sink is None:
            return
        rest = data
        try:
            while rest:  # an unbuffered write may be short
                written = self.sink.write(rest)
                rest = rest[written:] if written else b""
        except OSError as exc:
            self.write_error = exc
            self.truncated = True
        except ValueError:  # closed under us: the caller gave up on this pump (`_drain`)
            self.truncated = True

    def _callback(self, line: bytes) -> None:
        assert self.on_line is not None
        try:
            self.on_line(line)
        except Exception:
            _LOGGER.debug("line callback failed", exc_info=True)


def drain(pumps: Sequence[Pump]) -> tuple[int, bool]:
    """Wait for the pumps once the child's group is gone: (stray processes killed, whether
    reading had to stop with the pipes still open). Whatever still holds a pipe open then is
    no member of the group: a process the child started in a session of its own."""
    for pump in pumps:
        pump.join(timeout=0.2)
    strays = 0
    if any(p.is_alive() for p in pumps):
        holders = _holders(p.pipe for p in pumps if p.is_alive())
        for pid in holders:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        strays = len(holders)
    deadline = time.monotonic() + DRAIN_S
    for pump in pumps:
        pump.join(timeout=max(0.0, deadline - time.monotonic()))
    held_open = any(p.is_alive() for p in pumps)
    for pump in pumps:
        pump.stop.set()
    for pump in pumps:
        pump.join(timeout=5 * _POLL_MS / 1000)
        if not pump.is_alive():
            with contextlib.suppress(OSError):
                pump.pipe.close()
    return strays, held_open


def _holders(pipes: Iterable[IO[bytes]]) -> list[int]:
    """The other processes holding one of `pipes` (their write ends) open (Linux /proc)."""
    try:
        names = {f"pipe:[{os.fstat(p.fileno()).st_ino}]" for p in pipes}
        pids = [int(n) for n in os.listdir("/proc") if n.isdigit() and int(n) != os.getpid()]
    except (OSError, ValueError):
        return []
    found = []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") in names for fd in fds):
                found.append(pid)
        except OSError:  # gone meanwhile, or not ours to look at
            continue
    return found


def feed(pipe: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(BrokenPipeError, OSError):
        pipe.write(data)
    with contextlib.suppress(BrokenPipeError, OSError):
        pipe.close()
