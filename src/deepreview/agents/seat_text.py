"""A command seat's stdout as text. A program may print UTF-16 or UTF-32 (PowerShell's default,
`iconv -t UTF-16`), with the byte order mark that says so: read as UTF-8 with replacement
characters, its review became mojibake and the seat failed as an unparseable review quoting it.
Output that is no text at all (an image, a NUL-laden binary that is no UTF-8) fails with a
reason saying so, not a quote of replacement characters."""

from __future__ import annotations

import codecs
from typing import Final

# (mark, codec, name): UTF-32's marks first, as UTF-32-LE's begins with UTF-16-LE's
_MARKS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# git calls a file binary when its first 8000 bytes hold a NUL; output must also not be UTF-8
_BINARY_WINDOW: Final = 8000
# `findings.readable.UNPARSEABLE`, which the statistics count a reason starting with
UNPARSEABLE_PREFIX: Final = "unparseable review: "


def decode_output(data: bytes, subject: str = "its output") -> tuple[str, str | None]:
    """(the text, why it is no text or None, a sentence about `subject`). The text is always
    there, replacement characters where it could not be decoded: a failed seat's output is kept
    as it printed it."""
    for mark, codec, name in _MARKS:
        if data.startswith(mark):
            body = data[len(mark) :]
            try:
                return body.decode(codec), None
            except UnicodeDecodeError as exc:
                at = exc.start + len(mark)
                return body.decode(codec, errors="replace"), (
                    f"{subject} starts with a {name} byte order mark but is no {name} text "
                    f"from byte {at} on"
                )
    # (a byte order mark is no part of the review, nor of its JSON)
    text = data.decode("utf-8-sig", errors="replace")
    if (nul := binary_at(data)) is not None:
        return text, (
            f"{subject} is binary, not text: a NUL byte at offset {nul}, and no UTF-8, nor "
            "UTF-16 or UTF-32 with a byte order mark"
        )
    return text, None


def has_mark(data: bytes) -> bool:
    """Whether `data` starts with a UTF-16 or UTF-32 byte order mark (`decode_output` reads it
    as that encoding; its NULs are its characters' bytes, no sign of a binary)."""
    return data.startswith(tuple(mark for mark, _, _ in _MARKS))


def binary_at(data: bytes) -> int | None:
    """The offset of a NUL in `data`'s first bytes when it is no UTF-8 either: no text (a
    UTF-8 text with a stray NUL is text); None for text."""
    nul = data.find(b"\0", 0, _BINARY_WINDOW)
    return nul if nul >= 0 and not _is_utf8(data) else None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
