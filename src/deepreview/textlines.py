"""A text's lines without a list of them all: a diff may hold a 100 MB data file."""

from __future__ import annotations

from collections.abc import Iterator


def lines_of(text: str, block: int = 1 << 16) -> Iterator[str]:
    """`text.split("\n")`, split a block of about `block` characters at a time (0: one line
    at a time, for a reader that stops after a file's first lines)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + block)
        if end < 0:
            yield from text[start:].split("\n")
            return
        yield from text[start:end].split("\n")
        start = end + 1
    if text.endswith("\n") or not text:
        yield ""
