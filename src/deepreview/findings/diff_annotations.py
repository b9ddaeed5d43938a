"""A review written into the diff itself: the reviewer's comments are lines of a diff fence,
each a code comment with a review marker (`+    # REVIEW (high): check expiry first.`,
`// FIXME(low): …`) under the line it is about. Each is a finding at that line of the new file
(counted from its hunk's `@@ … +40,9 @@` header and the `+++ b/path` above it), its bracketed
level its level: the comment lines leave the fence and come back as list items right after it
(`- **High** — `a.py:41` — check expiry first.`), so the lines stay in number. A diff with no
such comment, or a comment with no marker (`# keep in sync with b.py`), stays code.
"""

from __future__ import annotations

import re
from typing import Final

from deepreview.findings.markup_code import code_lines

_NOTE: Final = re.compile(
    r"^[+ ][ \t]*(?:#|//|--|;|/\*)[ \t]*(?:REVIEW(?:ER)?|FIXME|XXX|ISSUE|BUG)\b[ \t]*"
    r"(?:[(\[][ \t]*(?P<level>[A-Za-z]+)[ \t]*[)\]])?[ \t]*[:—–-][ \t]*(?P<text>\S.*)$"
)
_NEW_FILE: Final = re.compile(r"^\+\+\+[ \t]+(?:b/)?(?P<path>\S+)")
_HUNK: Final = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,\d+)? @@")
_FENCE: Final = re.compile(r"^[ \t]{0,3}(?:`{3,}|~{3,})")


def _notes(body: list[str]) -> tuple[list[int], list[str]]:
    """The indexes of `body`'s comment lines and their list items."""
    path: str | None = None
    line: int | None = None  # the new file's line of the last line read
    at: list[int] = []
    items: list[str] = []
    for i, text in enumerate(body):
        if (m := _NEW_FILE.match(text)) is not None:
            path, line = m["path"], None
        elif (m := _HUNK.match(text)) is not None:
            line = int(m["start"]) - 1
        elif (m := _NOTE.match(text)) is not None and path is not None and line is not None:
            place = f"`{path}:{line}`" if line >= 1 else f"`{path}`"
            lead = f"**{m['level'].capitalize()}** — " if m["level"] else ""
            at.append(i)
            said = m["text"].rstrip(" \t").removesuffix("*/").rstrip(" \t")
            items.append(f"- {lead}{place} — {said}")
        elif line is not None and text[:1] in ("+", " ", ""):
            line += 1
    return at, items


def diff_notes_as_items(lines: list[str]) -> list[str]:
    """The review's lines with each diff fence's review comments as list items after it, one
    line for one; `lines` itself when no diff holds one."""
    code = code_lines(lines)
    out: list[str] = []
    i = 0
    changed = False
    while i < len(lines):
        if not (code[i] and _FENCE.match(lines[i])):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and code[j] and not _FENCE.match(lines[j]):
            j += 1
        body = lines[i + 1 : j]
        at, items = _notes(body)
        notes = set(at)
        kept = [x for k, x in enumerate(body) if k not in notes]
        out.append(lines[i])
        out.extend(kept)
        if j < len(lines):
            out.append(lines[j])
        out.extend(items)
        changed = changed or bool(items)
        i = j + 1
    return out if changed else lines
