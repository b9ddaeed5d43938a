"""The one place where Deep Review starts a subprocess.

Every git, analyzer and agent call goes through `run`: an argv list (never a shell), its own
process group (so a timeout or Ctrl-C kills grandchildren too), stdin closed unless data is
given, output either captured (small outputs such as git plumbing) or streamed to files so a seat
that prints hundreds of megabytes never sits in our memory.

A process the child started in a session of its own (`setsid`) escapes the group kill and may
hold our pipes open forever: once the group is gone, whatever still holds them is killed, and the
pipes are read for at most `proc_pipes.DRAIN_S` more (`ProcResult.held_open` says so).

No program is ever looked up relative to a child's cwd: that is a scratch worktree holding the
reviewed change's files, and a relative PATH entry (`node_modules/.bin`, or an empty one, the
current folder) ran the change's own `git` there. Every child gets `clean_path`'s PATH, and a
bare argv[0] is resolved against it here, in our process (`which`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from deepreview.proc_pipes import Pump, drain, feed
from deepreview.runmodel import format_duration
from deepreview.startup_env import anchored_search_paths

_LOGGER: Final = logging.getLogger(__name__)

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
    output_errno: int | None = None  # its errno: the fix differs (a full disk, a read-only one)
    timeout_s: float | None = None  # the limit it ran under
    # Processes it left in sessions of their own still held its output open when it ended:
    # they were killed (`strays`), or reading stopped after `_DRAIN_S` (`held_open`).
    strays: int = 0
    held_open: bool = False
    output_cap: int | None = None  # `max_output_bytes`
    # It was still running `done_grace` seconds after `done` was set (its final output was
    # written), and was stopped then: the seconds it was given.
    stopped_after_done: float | None = None

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
        if self.stopped_after_done is not None:
            return (
                f"stopped: still running {format_duration(self.stopped_after_done)} after its "
                "final output"
            )
        if self.returncode is not None and self.returncode < 0:
            try:
                name = signal.Signals(-self.returncode).name
            except ValueError:
                name = str(-self.returncode)
            return f"killed by signal {name}"
        if self.returncode:
            return f"exited with code {self.returncode}"
        return ""


def clean_path(value: str | None) -> str:
    """PATH with only its absolute entries: an empty, `.` or relative entry names a folder
    relative to whatever cwd a lookup happens in (for a child, the change's worktree). With no
    absolute entry left, the system's default."""
    kept = [p for p in (value or "").split(os.pathsep) if os.path.isabs(p)]
    if not kept:
        kept = [p for p in os.defpath.split(os.pathsep) if os.path.isabs(p)]
    return os.pathsep.join(dict.fromkeys(kept))


def which(program: str, env: Mapping[str, str] | None = None) -> str | None:
    """`program` looked up on `env`'s (else our) PATH, cleaned (`clean_path`): an absolute
    path, or None. A name holding a `/` is the caller's to resolve (never a PATH lookup)."""
    path = (os.environ if env is None else env).get("PATH")
    return shutil.which(program, path=clean_path(path))


def _here() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # our cwd was removed under us: a relative entry names nothing
        return None


def _child_env(env: Mapping[str, str] | None) -> dict[str, str]:
    child = anchored_search_paths(os.environ if env is None else env, _here())
    child["PATH"] = clean_path(child.get("PATH"))
    return child


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
    watch: Callable[[int], AbstractContextManager[object]] | None = None,
    done: threading.Event | None = None,
    done_grace: float = 0.0,
) -> ProcResult:
    """Run `argv` to completion (or timeout/cancel) and return what happened.

    Never raises for the child's own failure; the result says what went wrong.  Output goes to
    `stdout_file`/`stderr_file` when given (streamed, capped at `max_output_bytes` each), else
    it is captured in memory. `abort` ends the child like `cancel` but is not reported as an
    interruption: the caller set it because the child's output showed it cannot succeed.
    `watch(pid)` is entered once the child runs and left once its group is gone: it writes the
    group down for a later command to kill should this process be killed outright
    (`workspace.ledger`). `done` is set (by an `on_stdout_line` that saw the child's final
    output) once the child's work is complete: a child still running `done_grace` seconds later
    (kept alive by a hook or a server it started) is stopped, and the result says so
    (`stopped_after_done`), not as a timeout.
    """
    args = tuple(str(a) for a in argv)
    _LOGGER.debug("run %s (cwd=%s)", args, cwd)
    child_env = _child_env(env)
    # argv[0] stays as given (what the child sees as its name); the program run is found here.
    program = which(args[0], child_env) if os.sep not in args[0] else None
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
                executable=program,
                cwd=cwd,
                env=child_env,
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
        watched = contextlib.ExitStack()
        if watch is not None:
            try:
                watched.enter_context(watch(proc.pid))
            except BaseException:
                _terminate(proc, kill_grace)
                raise
        pumps = (
            Pump(proc.stdout, out_fh, on_stdout_line, max_output_bytes),
            Pump(proc.stderr, err_fh, None, max_output_bytes),
        )
        for pump in pumps:
            pump.start()
        if isinstance(stdin, bytes):
            assert proc.stdin is not None
            feeder = threading.Thread(target=feed, args=(proc.stdin, stdin), daemon=True)
            feeder.start()
        timed_out = cancelled = killed = lingered = False
        deadline = None if timeout is None else t0 + timeout
        done_at: float | None = None
        stopped_at = 0.0
        try:
            while True:
                try:
                    proc.wait(timeout=0.05)
                    break
                except subprocess.TimeoutExpired:
                    pass
                now = time.monotonic()
                if done_at is None and done is not None and done.is_set():
                    done_at = now
                if deadline is not None and now >= deadline:
                    # its work was done before the timeout: stopped, not timed out
                    lingered = done_at is not None
                    timed_out = not lingered
                elif cancel is not None and cancel.is_set():
                    cancelled = True
                elif done_at is not None and now >= done_at + done_grace:
                    lingered = True
                if timed_out or cancelled or lingered or (abort is not None and abort.is_set()):
                    stopped_at = now
                    killed = _terminate(proc, kill_grace)
                    break
        except BaseException:
            # Ctrl-C or any error while waiting: the child's whole group goes with us.
            _terminate(proc, kill_grace)
            raise
        finally:
            # Grandchildren that outlive the leader would keep our pipes open forever.
            _kill_group(proc.pid, signal.SIGKILL)
            with watched:
                strays, held_open = drain(pumps)
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
            output_errno=next((p.write_error.errno for p in pumps if p.write_error), None),
            strays=strays,
            held_open=held_open,
            output_cap=max_output_bytes,
            stopped_after_done=(
                min(done_grace, round(stopped_at - done_at, 1))
                if lingered and done_at is not None
                else None
            ),
        )
    finally:
        for fh in (out_fh, err_fh, stdin_fh):
            if fh is not None:
                fh.close()


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
