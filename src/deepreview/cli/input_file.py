"""The input of `parse` and `render`: a file, or stdin for `-` (as Unix tools read it, so a
review can be piped in: `pbpaste | deep-review parse -`)."""

from __future__ import annotations

import sys
from pathlib import Path

from deepreview.errors import UsageError

STDIN: str = "-"
# git calls a file binary when its first 8000 bytes hold a NUL; here it must also not be UTF-8
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
    """One line, before anything is parsed, for input that is no UTF-8 text at all (an image,
    an archive, a UTF-16 file): decoded with replacement characters it would "parse" into
    mojibake. A UTF-8 text with a stray NUL or control character is text: it is cleaned."""
    name = input_name(file)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UsageError(
            f"{name} is UTF-16 text, not UTF-8; save it as UTF-8 (PowerShell: "
            "`Out-File -Encoding utf8`) and give it again"
        )
    nul = data.find(b"\0", 0, _BINARY_WINDOW)
    if nul >= 0 and not _is_utf8(data):
        raise UsageError(
            f"{name} is binary (a NUL byte at offset {nul}), not {what}; "
            "give the text itself (Markdown or JSON)"
        )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


__all__ = ["STDIN", "input_name", "read_input", "refuse_binary"]
