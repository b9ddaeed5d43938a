"""The input of `parse` and `render`: a file, or stdin for `-` (as Unix tools read it, so a
review can be piped in: `pbpaste | deep-review parse -`)."""

from __future__ import annotations

import sys
from pathlib import Path

from deepreview.errors import UsageError

STDIN: str = "-"
# git calls a file binary when its first 8000 bytes hold a NUL; no review or report does
_BINARY_WINDOW = 8000


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


def refuse_binary(data: bytes, file: str, what: str) -> None:
    """One line, before anything is parsed, for input that is no text at all (an image, an
    archive): decoded with replacement characters it would "parse" into mojibake."""
    nul = data.find(b"\0", 0, _BINARY_WINDOW)
    if nul >= 0:
        raise UsageError(
            f"{input_name(file)} is binary (a NUL byte at offset {nul}), not {what}; "
            "give the text itself (Markdown or JSON)"
        )


__all__ = ["STDIN", "input_name", "read_input", "refuse_binary"]
