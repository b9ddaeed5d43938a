"""Findings nested under list items that only name a file, each led by its lines:

    - `mail/outbox.py`
      - line 55: the message is marked sent before the call returns (high)
      - L80: `sleep(2)` delays shutdown (low)

The list form of a `### `mail/outbox.py`` heading over `Line 55:` items (`file_groups.py`), as a
small model writes it. The review is rewritten line for line: the file's item becomes a blank
line and each nested item a place-led item at the margin (`` - `mail/outbox.py:55` — the
message … (high) ``), which the sections read as any list of place-led findings. Only a file
item whose nested items are all led by their lines: one with other points stays as written.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.file_names import is_known_file, known_extension, member_like
from deepreview.findings.locations import LINES

_FILE_ITEM: Final = re.compile(
    r"^(?P<indent> {0,3})[-*+][ \t]+(?:\*\*|__)?`?(?P<path>[^\s`*:]+)`?(?:\*\*|__)?[ \t]*:?[ \t]*$"
)
# `- line 55: text`, `- **L55** — text`, `- Lines 3-5: text`
_LINE_ITEM: Final = re.compile(
    rf"^(?P<indent>[ \t]+)[-*+][ \t]+(?:\*\*|__)?(?P<lines>{LINES})(?:\*\*|__)?[ \t]*"
    r"(?:[:—–]|--?)(?:\*\*|__)?[ \t]+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def open_file_lists(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with every such file item blank and its nested items place-led at the margin;
    None when the review has no such list."""
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        m = None if fenced[i] else _FILE_ITEM.match(lines[i])
        if m is None or not _a_file(m.group("path")):
            i += 1
            continue
        items: list[tuple[int, re.Match[str]]] = []
        k = i + 1
        while k < len(lines) and not fenced[k] and lines[k][:1].isspace() and lines[k].strip():
            nested = _LINE_ITEM.match(lines[k])
            if nested is None or len(nested.group("indent")) <= len(m.group("indent")):
                break
            items.append((k, nested))
            k += 1
        if not items or (k < len(lines) and lines[k].strip() and lines[k][:1].isspace()):
            i += 1  # (a nested point of another kind: the item stays as written)
            continue
        out[i] = ""
        for at, nested in items:
            start, end = nested.group("start"), nested.group("end")
            place = f"{m.group('path')}:{start}" + (f"-{end}" if end else "")
            out[at] = f"- `{place}` — {nested.group('rest')}"
        changed = True
        i = k
    return out if changed else None


def _a_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return (known_extension(name) and not member_like(name)) or is_known_file(path)
