"""The one place where Deep Review starts a subprocess.

Every git, analyzer and agent call goes through `run`: an argv list (never a shell), its own
process group (so a timeout or Ctrl-C kills grandchildren too), stdin closed unless data is
given, output either captured (small outputs such as git plumbing) or streamed to files so a seat
that prints hundreds of megabytes never sits in our memory.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from deepreview.runmodel import format_duration

_LOGGER: Final = logging.getLogger(__name__)

_CHUNK = 1 << 16
DEFAULT_KILL_GRACE_S: Final = 3.0


@dataclass(frozen=True)
class ProcResult:
    argv: tuple[str, ...]
    returncode: int | None
    started_at: float  # epoch seconds
    duration_s: float
    timed_out: bool = False
    cancelled: bool = False
    killed: bool = False  # had to escalate to SIGKILL
    stdout: bytes = b""  # only when not streamed to a file
    stderr: bytes = b""
    stdout_bytes: int = 0
    stderr_bytes: int = 0
    output_truncated: bool = False
    spawn_error: str | None = None
    # Writing stdout_file/stderr_file failed (e.g. disk full); the rest was drained and dropped.
    output_error: str | None = None
    timeout_s: float | None = None  # the limit it ran under

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not (self.timed_out or self.cancelled or self.spawn_error)

    @property
    def stdout_text(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")

    @property
    def stderr_text(self) -> str:
        return self.stderr.decode("utf-8", errors="replace")

    def describe_failure(self) -> str:
        """A one-line reason, for reports and error messages."""
        if self.spawn_error:
            return self.spawn_error
        if self.timed_out:
            # the limit the user set, not the moment the poll noticed it (2.0 s, not 2.1 s)
            limit = self.timeout_s if self.timeout_s is not None else self.duration_s
            return f"timed out after {format_duration(limit)}" + (
                " (killed with SIGKILL after ignoring SIGTERM)" if self.killed else ""
            )
        if self.cancelled:
            return "interrupted"
        if self.returncode is not None and self.returncode < 0:
            try:
                name = signal.Signals(-self.returncode).name
            except ValueError:
                name = str(-self.returncode)
            return f"killed by signal {name}"
        if self.returncode:
            return f"exited with code {self.returncode}"
        return ""


class _Pump(threading.Thread):
    """Copies one pipe to a file or buffer, optionally splitting lines for a callback."""

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
        self._partial = b""

    def run(self) -> None:
        read = getattr(self.pipe, "read1", self.pipe.read)
        while True:
            try:
                chunk = read(_CHUNK)
            except (OSError, ValueError):
                break
            if not chunk:
                break
            self._take(chunk)
        if self._partial and self.on_line is not None:
            self._callback(self._partial)
        self._partial = b""

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
        if self.on_line is not None and kept:
            data = self._partial + kept
            *lines, self._partial = data.split(b"\n")
            for line in lines:
                self._callback(line)
            # A single unterminated line must not grow without bound.
            if len(self._partial) > 8 * _CHUNK * 16:
                self._partial = b""

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

    def _callback(self, line: bytes) -> None:
        assert self.on_line is not None
        try:
            self.on_line(line)
        except Exception:
            _LOGGER.debug("line callback failed", exc_info=True)


def _kill_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def run(
    argv: Sequence[str],
    *,
    cwd: Path | str | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    stdin: bytes | Path | None = None,
    stdout_file: Path | None = None,
    stderr_file: Path | None = None,
    on_stdout_line: Callable[[bytes], None] | None = None,
    max_output_bytes: int | None = None,
    cancel: threading.Event | None = None,
    kill_grace: float = DEFAULT_KILL_GRACE_S,
    abort: threading.Event | None = None,
) -> ProcResult:
    """Run `argv` to completion (or timeout/cancel) and return what happened.

    Never raises for the child's own failure; the result says what went wrong.  Output goes to
    `stdout_file`/`stderr_file` when given (streamed, capped at `max_output_bytes` each), else
    it is captured in memory. `abort` ends the child like `cancel` but is not reported as an
    interruption: the caller set it because the child's output showed it cannot succeed.
    """
    args = tuple(str(a) for a in argv)
    _LOGGER.debug("run %s (cwd=%s)", args, cwd)
    started = time.time()
    t0 = time.monotonic()
    stdin_arg: int | IO[bytes]
    stdin_fh: IO[bytes] | None = None
    if stdin is None:
        stdin_arg = subprocess.DEVNULL
    elif isinstance(stdin, Path):
        stdin_fh = stdin.open("rb")
        stdin_arg = stdin_fh
    else:
        stdin_arg = subprocess.PIPE

    # Unbuffered: the pumps write 64 KiB chunks, and a full disk surfaces at that write (where
    # it is handled) rather than in a final flush on close.
    out_fh = stdout_file.open("wb", buffering=0) if stdout_file is not None else None
    err_fh = stderr_file.open("wb", buffering=0) if stderr_file is not None else None
    try:
        try:
            proc = subprocess.Popen(
                args,
                cwd=cwd,
                env=dict(env) if env is not None else None,
                stdin=stdin_arg,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as exc:
            return ProcResult(
                argv=args,
                returncode=None,
                started_at=started,
                duration_s=time.monotonic() - t0,
                spawn_error=f"could not start {args[0]!r}: {exc.strerror or exc}",
            )
        assert proc.stdout is not None and proc.stderr is not None
        pumps = (
            _Pump(proc.stdout, out_fh, on_stdout_line, max_output_bytes),
            _Pump(proc.stderr, err_fh, None, max_output_bytes),
        )
        for pump in pumps:
            pump.start()
        if isinstance(stdin, bytes):
            assert proc.stdin is not None
            feeder = threading.Thread(target=_feed, args=(proc.stdin, stdin), daemon=True)
            feeder.start()
        timed_out = cancelled = killed = False
        deadline = None if timeout is None else t0 + timeout
        try:
            while True:
                try:
                    proc.wait(timeout=0.05)
                    break
                except subprocess.TimeoutExpired:
                    pass
                if deadline is not None and time.monotonic() >= deadline:
                    timed_out = True
                elif cancel is not None and cancel.is_set():
                    cancelled = True
                if timed_out or cancelled or (abort is not None and abort.is_set()):
                    killed = _terminate(proc, kill_grace)
                    break
        except BaseException:
            # Ctrl-C or any error while waiting: the child's whole group goes with us.
            _terminate(proc, kill_grace)
            raise
        finally:
            # Grandchildren that outlive the leader would keep our pipes open forever.
            _kill_group(proc.pid, signal.SIGKILL)
            for pump in pumps:
                pump.join(timeout=10)
        rc = proc.returncode
        return ProcResult(
            argv=args,
            returncode=rc,
            started_at=started,
            duration_s=time.monotonic() - t0,
            timed_out=timed_out,
            cancelled=cancelled,
            killed=killed,
            timeout_s=timeout,
            stdout=bytes(pumps[0].buffer or b""),
            stderr=bytes(pumps[1].buffer or b""),
            stdout_bytes=pumps[0].total,
            stderr_bytes=pumps[1].total,
            output_truncated=pumps[0].truncated or pumps[1].truncated,
            output_error=next(
                (f"{p.write_error.strerror or p.write_error}" for p in pumps if p.write_error),
                None,
            ),
        )
    finally:
        for fh in (out_fh, err_fh, stdin_fh):
            if fh is not None:
                fh.close()


def _feed(pipe: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(BrokenPipeError, OSError):
        pipe.write(data)
    with contextlib.suppress(BrokenPipeError, OSError):
        pipe.close()


def _terminate(proc: subprocess.Popen[bytes], grace: float) -> bool:
    """SIGTERM the group, then SIGKILL if it has not gone after `grace`. True if SIGKILL needed."""
    _kill_group(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
        return False
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid, signal.SIGKILL)
        proc.wait()
        return True
