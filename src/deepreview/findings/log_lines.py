"""A line of a program's log that a seat pasted into its review, led by its timestamp.

    2026-03-01T10:22:33Z src/app.py:42 retrying fetch
    [2026-03-01 10:22:34,120] ERROR src/app.py:42 fetch failed: ConnectionError
    10:22:35.004 src/app.py:42 giving up

A seat quotes what it ran (a test run, a server's output) before or after its findings. Such a
line names a place and often a failure (`ERROR`, `failed`), but it is the program's output, not
the reviewer's sentence: a reviewer never opens a sentence with a clock time, so a line led by
one is never a place-led finding, and its timestamp (`2026-03-01T10:22`) is never a `path:line`.
A log line ends as a line does, with no full stop: it is no sentence cut off either.
"""

from __future__ import annotations

import re
from typing import Final

# A clock time (`10:22:33`, `10:22:33.120`), after a date (`2026-03-01T`, `2026-03-01 `) or
# alone, in brackets or not, with a zone (`Z`, `+02:00`); then a space. A date alone, or a time
# with no seconds (`10:22`), is not enough: prose says those ("on 2026-03-01", "at 10:22").
STAMP: Final = (
    r"[\[(]?(?:\d{4}-\d{2}-\d{2}[T ])?\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?"
    r"(?:Z|[+-]\d{2}:?\d{2})?[\])]?(?=[ \t])"
)
_LOG_LINE: Final = re.compile(rf"^[ \t]*{STAMP}")


def is_log_line(line: str) -> bool:
    """`line` opens with a timestamp: a program's log line, not a sentence of the review."""
    return _LOG_LINE.match(line) is not None


def is_pasted_log(paragraph: str) -> bool:
    """Every line of `paragraph` is a log line: output the seat pasted."""
    lines = [line for line in paragraph.splitlines() if line.strip()]
    return bool(lines) and all(is_log_line(line) for line in lines)
