"""Findings nested under list items that only name a file, each led by its lines:

    - `mail/outbox.py`
      - line 55: the message is marked sent before the call returns (high)
      - L80: `sleep(2)` delays shutdown (low)

The list form of a `### `mail/outbox.py`` heading over `Line 55:` items (`file_groups.py`), as a
small model writes it. The review is rewritten line for line: the file's item becomes a blank
line and each nested item a place-led item at the margin (`` - `mail/outbox.py:55` — the
message … (high) ``), which the sections read as any list of place-led findings. Only a file
item whose nested items are all led by their lines (their text may wrap onto the lines below
them), or, beside such an item in the same list, all led by none (a finding at the file): one
with both stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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


# any nested list item: `  - no test covers a credit note`
_NESTED_ITEM: Final = re.compile(r"^(?P<indent>[ \t]+)[-*+][ \t]+(?P<rest>\S.*)$")


@dataclass
class _FileItem:
    at: int  # the file's item
    path: str
    end: int  # the line after its nested items
    # each nested item: its line, its match as a line-led item (None: no line leads it), the
    # width of its indent
    items: list[tuple[int, re.Match[str] | None, int]] = field(default_factory=list)

    @property
    def lined(self) -> bool:
        return all(m is not None for _, m, _ in self.items)

    @property
    def lineless(self) -> bool:
        return all(m is None for _, m, _ in self.items)


def _file_item(lines: list[str], fenced: list[bool], i: int) -> _FileItem | None:
    """The file item at `i` with its nested items (their text may wrap onto lines indented
    below them), or None when line `i` is no such item or something else is nested in it."""
    m = None if fenced[i] else _FILE_ITEM.match(lines[i])
    if m is None or not _a_file(m.group("path")):
        return None
    item = _FileItem(i, m.group("path"), i + 1)
    own = len(m.group("indent"))
    k = i + 1
    while k < len(lines) and not fenced[k] and lines[k][:1].isspace() and lines[k].strip():
        width = len(lines[k]) - len(lines[k].lstrip())
        nested = _NESTED_ITEM.match(lines[k])
        if item.items and width > item.items[-1][2]:
            k += 1  # (the nested item's text, wrapped)
            continue
        if nested is None or width <= own:
            return None
        item.items.append((k, _LINE_ITEM.match(lines[k]), width))
        k += 1
    item.end = k
    if not item.items or (k < len(lines) and lines[k].strip() and lines[k][:1].isspace()):
        return None  # (a nested point of another kind: the item stays as written)
    return item


def open_file_lists(lines: list[str], fenced: list[bool]) -> list[str] | None:
    """The lines with every such file item blank and its nested items place-led at the margin;
    None when the review has no such list. A file item over points none of which is led by a
    line is opened too when it is in a run of file items one of which is opened by its lines
    (`- `tests/test_a.py`` + `  - nothing covers an empty cart` beside `- `a.py`` + `  - line
    12: …`): a finding at the file."""
    runs: list[list[_FileItem]] = []
    i = 0
    while i < len(lines):
        item = _file_item(lines, fenced, i)
        if item is None:
            i += 1
            continue
        if runs and runs[-1][-1].end == i:
            runs[-1].append(item)
        else:
            runs.append([item])
        i = item.end
    out = list(lines)
    changed = False
    for run in runs:
        if not any(item.lined for item in run):
            continue
        for item in run:
            if item.lined or item.lineless:
                _open(out, lines, item)
                changed = True
    return out if changed else None


def _open(out: list[str], lines: list[str], item: _FileItem) -> None:
    out[item.at] = ""
    for n, (at, nested, width) in enumerate(item.items):
        if nested is None:
            rest = lines[at].lstrip()[1:].strip()
            out[at] = f"- `{item.path}` — {rest}"
        else:
            start, end = nested.group("start"), nested.group("end")
            place = f"{item.path}:{start}" + (f"-{end}" if end else "")
            out[at] = f"- `{place}` — {nested.group('rest')}"
        stop = item.items[n + 1][0] if n + 1 < len(item.items) else item.end
        for wrapped in range(at + 1, stop):  # its text, under it as under a margin item
            out[wrapped] = "  " + lines[wrapped][width:].lstrip(" \t")


def _a_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return (known_extension(name) and not member_like(name)) or is_known_file(path)
