"""The input of `parse` and `render`: a file, or stdin for `-` (as Unix tools read it, so a
review can be piped in: `pbpaste | deep-review parse -`)."""

from __future__ import annotations

import sys
from pathlib import Path

from deepreview.agents.seat_text import binary_at, decode_output, has_mark
from deepreview.errors import UsageError

STDIN: str = "-"


def input_name(file: str) -> str:
    """How errors name the input: `stdin` for `-`, else the path as given."""
    return "stdin" if file == STDIN else file


def read_input(file: str) -> bytes:
    """The bytes of `file`, or of stdin for `-`."""
    if file == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(file).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror or exc}") from exc


def read_text(data: bytes, file: str, what: str) -> str:
    """`data` as text, read as a command seat's output is (`parse` previews one): UTF-8 with a
    byte order mark dropped and a stray invalid byte replaced, or UTF-16/UTF-32 with the mark
    that says so (PowerShell's `>`). One line, before anything is parsed, for input that is no
    text at all (an image, an archive): decoded with replacement characters it would "parse"
    into mojibake. A UTF-8 text with a stray NUL or control character is text: it is cleaned."""
    name = input_name(file)
    if not has_mark(data) and (nul := binary_at(data)) is not None:
        raise UsageError(
            f"{name} is binary (a NUL byte at offset {nul}), not {what}; "
            "give the text itself (Markdown or JSON)"
        )
    text, problem = decode_output(data, subject=name)
    if problem is not None:
        raise UsageError(f"{problem}; save it as UTF-8 and give it again")
    return text


__all__ = ["STDIN", "input_name", "read_input", "read_text"]
