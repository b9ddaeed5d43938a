"""Running the real `deep-review` entry point inside the test process.

Starting `python -m deepreview` costs ~0.3–0.5 s of interpreter start-up and imports per call,
most of the CPU time of the test suite. A test whose claim does not depend on a separate
process gets the same command — `deepreview.cli.main.main`, the function the console script
calls, with its own error handling and exit codes — run here, with the process state a fresh
`deep-review` would see: exactly the given environment, the given working directory, empty
stdin (or the given input), captured stdout/stderr, no logging handlers (so `-v` logs to the
captured stderr as `logging.basicConfig` does in a new process) and the default signal
handlers. Everything is put back afterwards. Seats, agents and `git` are still real child
processes.

Tests where the process boundary is the point (signals, Ctrl-C, the exit of child processes,
what a fresh interpreter imports) start a real process: `run_cli(..., in_process=False)`, or
`subprocess.Popen` themselves. `DEEPREVIEW_TEST_SUBPROCESS=1` runs every `run_cli` call as a
real process, to check that both ways agree.
"""

from __future__ import annotations

import io
import logging
import os
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def can_run_in_process() -> bool:
    # signal.signal (which `main` calls) works only in the main thread.
    return threading.current_thread() is threading.main_thread()


@contextmanager
def _standard_streams(input_: bytes) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """stdin reading `input_`, stdout and stderr written to memory: UTF-8 text over bytes, like
    the pipes a child process gets (not a terminal). Click's CliRunner is not used because it
    also fakes prompts (echoing the answer) and the terminal width."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(input_), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(
        err, encoding="utf-8", errors="backslashreplace", write_through=True
    )
    try:
        yield out, err
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdin, sys.stdout, sys.stderr = saved


@contextmanager
def _fresh_process_state(cwd: Path, env: dict[str, str]) -> Iterator[None]:
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_signals = {sig: signal.getsignal(sig) for sig in _SIGNALS}
    root = logging.getLogger()
    saved_logging = (root.handlers[:], root.level)
    os.environ.clear()
    os.environ.update(env)
    # `tempfile` reads TMPDIR once per process: forget it, so the run makes its folders where
    # its environment says (`repos.cli_env`: in the test's folder), as a process of its own would.
    saved_tempdir, tempfile.tempdir = tempfile.tempdir, None
    os.chdir(cwd)
    root.handlers = []
    root.setLevel(logging.WARNING)
    for sig in _SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    try:
        yield
    finally:
        for sig, handler in saved_signals.items():
            signal.signal(sig, handler)
        root.handlers, level = saved_logging
        root.setLevel(level)
        os.chdir(saved_cwd)
        tempfile.tempdir = saved_tempdir
        os.environ.clear()
        os.environ.update(saved_env)


def _exit_code(exc: SystemExit) -> tuple[int, str]:
    """The exit status and stderr text the interpreter makes of `sys.exit(code)`."""
    if exc.code is None:
        return 0, ""
    if isinstance(exc.code, int):
        return exc.code, ""
    return 1, f"{exc.code}\n"


def run_in_process(
    args: list[str], *, cwd: Path, env: dict[str, str], input_: bytes | None
) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `deep-review ARGS`, run in this process."""
    from deepreview.cli.main import main

    before = set(threading.enumerate())
    with _fresh_process_state(cwd, env), _standard_streams(input_ or b"") as (out, err):
        tail = ""
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code, tail = _exit_code(exc)
        except Exception:  # an uncaught error: Python prints the traceback and exits 1
            tail, code = traceback.format_exc(), 1
        sys.stdout.flush()
        sys.stderr.flush()
        stdout = out.getvalue().decode("utf-8", errors="replace")
        stderr = err.getvalue().decode("utf-8", errors="replace") + tail
    _join_like_interpreter_exit(before)
    return code, stdout, stderr


def _join_like_interpreter_exit(before: set[threading.Thread], wait_s: float = 60) -> None:
    """A real process exits only after its non-daemon threads end: wait for the ones this run
    started, and fail if one would have kept `deep-review` from exiting."""
    for thread in set(threading.enumerate()) - before:
        if not thread.daemon:
            thread.join(wait_s)
            if thread.is_alive():
                raise AssertionError(f"thread {thread.name} would keep deep-review from exiting")
