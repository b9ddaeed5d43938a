"""stdout/stderr that a reader going away cannot break (`deep-review review | head -1`, or a
terminal closed while a review stops on the hangup).

Python ignores SIGPIPE, so a write to a pipe whose reader has exited raises BrokenPipeError —
from a progress line in the middle of the seats, which would stop the review, or from the
interpreter's last flush, which turns the exit status into 120. The review is the product and
the store its record: output nobody can read any more is dropped, and the command goes on to
its documented exit code.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, cast

from deepreview.errors import UsageError

# A closed pipe, or a terminal that hung up (a review stopping on SIGHUP still says so).
_READER_GONE = (errno.EPIPE, errno.EIO)


class _DropWhenClosed:
    """A text stream's stand-in whose writes to a closed pipe are dropped.

    Everything else (encoding, isatty, fileno, ...) is the wrapped stream's, so click and rich
    treat it as that stream. Writing bytes still raises TypeError, as click's probe expects.
    """

    def __init__(self, stream: TextIO, name: str) -> None:
        self._stream = stream
        self._name = name
        self._closed_pipe = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def write(self, text: str) -> int:
        if isinstance(text, str) and not text:
            # click probes a stream with write(""), catching any error: an unbuffered stdout
            # on a full disk would fail there, and the real output be dropped unsaid
            return 0
        if not self._closed_pipe:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:
                # An ASCII or Latin-1 locale: what the terminal cannot show becomes "?", as
                # an unreadable character would, rather than a traceback.
                return self.write(self._showable(text))
            except OSError as exc:
                if exc.errno not in _READER_GONE:
                    raise self._cannot_write(exc) from exc
                self._reader_gone()
        return len(text)

    def _showable(self, text: str) -> str:
        encoding = getattr(self._stream, "encoding", None) or "ascii"
        return text.encode(encoding, errors="replace").decode(encoding)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if not self._closed_pipe:
            try:
                self._stream.flush()
            except OSError as exc:
                if exc.errno not in _READER_GONE:
                    raise self._cannot_write(exc) from exc
                self._reader_gone()

    def _cannot_write(self, exc: OSError) -> UsageError:
        """A reader is there but the output cannot be written (`> /dev/full`, a full disk, a
        file over its quota): the output is lost, which one line says (on the other stream),
        instead of a traceback and exit 1 or 120."""
        self._reader_gone()  # what is buffered would fail again at exit
        why = (exc.strerror or str(exc)).lower()
        return UsageError(
            f"cannot write to {self._name}: {why}; free space where it goes, or send it elsewhere"
        )

    def _reader_gone(self) -> None:
        self._closed_pipe = True
        # What the stream still buffers would fail again at the interpreter's exit (status
        # 120): point its file descriptor at /dev/null so that flush succeeds, unseen.
        try:
            fd = self._stream.fileno()
        except (OSError, ValueError):  # an in-memory stream: nothing reaches a descriptor
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)


def _reopen_closed_descriptors() -> None:
    """Point a closed descriptor 0-2 (`>&-`, `2>&-`, a daemon started without them) at
    /dev/null: else the next file opened (the index, a lock) would take its number, and a
    child's or a stray write to "stdout" would land in it."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)


def _stream(stream: TextIO | None) -> TextIO:
    """The stream, or /dev/null for one Python found closed at start-up (it is then None)."""
    if stream is not None:
        return stream
    # left open: it serves until the command ends
    return open(os.devnull, "w", encoding="utf-8")


@contextmanager
def output_survives_closed_pipes() -> Iterator[None]:
    """sys.stdout and sys.stderr drop what a closed pipe or a closed descriptor cannot take,
    for the whole command."""
    _reopen_closed_descriptors()
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, _DropWhenClosed(_stream(sys.stdout), "stdout"))
    sys.stderr = cast(TextIO, _DropWhenClosed(_stream(sys.stderr), "stderr"))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
