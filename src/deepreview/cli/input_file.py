"""The input of `parse` and `render`: a file, or stdin for `-` (as Unix tools read it, so a
review can be piped in: `pbpaste | deep-review parse -`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

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
    byte order mark dropped and a stray invalid byte replaced (said on stderr), or UTF-16 /
    UTF-32 with the mark that says so (PowerShell's `>`). One line, before anything is parsed,
    for input that is no text at all (an image, an archive): decoded with replacement
    characters it would "parse" into mojibake. A UTF-8 text with a stray NUL or control
    character is text: it is cleaned."""
    name = input_name(file)
    if not has_mark(data) and (nul := binary_at(data)) is not None:
        raise UsageError(
            f"{name} is binary (a NUL byte at offset {nul}), not {what}; "
            "give the text itself (Markdown or JSON)"
        )
    text, problem = decode_output(data, subject=name)
    if problem is not None:
        raise UsageError(f"{problem}; save it as UTF-8 and give it again")
    if (note := _not_utf8(data, name)) is not None:
        # read on, as a seat's output is, but not without a word: a Latin-1 `é` became U+FFFD
        click.echo(f"note: {note}", err=True)
    return text


def _not_utf8(data: bytes, name: str) -> str | None:
    """What is not UTF-8 in `data` (no byte order mark of UTF-16/32), None when all of it is."""
    if has_mark(data):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # (a U+FFFD the file itself holds is no replaced byte)
        replaced = data.decode("utf-8", errors="replace").count("\ufffd")
        more = replaced - data.count("\ufffd".encode()) - 1
        return (
            f"{name} is not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}"
            f"{f' (and {more} more)' if more > 0 else ''} read as U+FFFD; save it as UTF-8 "
            "to keep its text"
        )
    return None


__all__ = ["STDIN", "input_name", "read_input", "read_text"]
