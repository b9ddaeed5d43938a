"""A finding's lines follow the code: the commits since the round that reported it move the
lines it names (a docstring added above them, a function removed before them), and a finding
carried to a later round, or listed to its seats, names them where they are now — as its path
follows a rename (`rounds.renames`). Line numbers alone would point the report, the SARIF
region and the next prompt at whatever code took their place.

The map is git's own line diff between the two reviewed commits (`git diff -U0 -M`): the
files as they were and as they are, whatever rebase came between. A line inside a changed
hunk maps to where that hunk's new text starts (the code there was rewritten: the nearest
place that still holds it).

Imported before the first seat (the prompt lists the previous round's findings): no report
model at run time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from deepreview.targets.attributes import blind_run
from deepreview.targets.git import Git
from deepreview.targets.nul_text import text_attributes

if TYPE_CHECKING:
    from deepreview.model import Finding

# One hunk: (old start, old count, new start, new count), as `@@ -a,b +c,d @@` gives them.
Hunk = tuple[int, int, int, int]

_FILE = re.compile(r"^diff --git a/(.+?) b/(.+)$")
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def line_hunks(
    git: Git, old_sha: str, new_sha: str, text: Sequence[str] = ()
) -> dict[str, tuple[Hunk, ...]]:
    """New path -> the hunks of its file from `old_sha` to `new_sha` (both exist); {} when
    they are the same commit. `text`: files the review's diff shows as text."""
    if not old_sha or old_sha == new_sha:
        return {}
    argv = ["diff", "--no-color", "--no-ext-diff", "-U0", "-M", old_sha, new_sha]
    with text_attributes(text) as as_text:
        out = blind_run(git, [*as_text, *argv]).decode("utf-8", errors="replace")
    hunks: dict[str, list[Hunk]] = {}
    path = ""
    for line in out.splitlines():
        if m := _FILE.match(line):
            path = m.group(2)
            continue
        if path and line.startswith("deleted file mode"):
            # No line of a deleted file is anywhere now: its findings keep the lines their round
            # gave them (its one hunk's new side starts at 0, which read as line 1).
            path = ""
            continue
        if path and (h := _HUNK.match(line)):
            old_start, old_count, new_start, new_count = (
                int(h.group(1)),
                int(h.group(2) or "1"),
                int(h.group(3)),
                int(h.group(4) or "1"),
            )
            hunks.setdefault(path, []).append((old_start, old_count, new_start, new_count))
    return {p: tuple(h) for p, h in hunks.items()}


def moved_line(line: int, hunks: Sequence[Hunk]) -> int:
    """Where old line `line` is after `hunks` (in order): shifted by the lines added and
    removed before it; inside a rewritten hunk, at the start of its new text."""
    shift = 0
    for old_start, old_count, new_start, new_count in hunks:
        if old_count == 0:
            # lines added after old line `old_start`
            if old_start < line:
                shift += new_count
            continue
        if line < old_start:
            break
        if line < old_start + old_count:
            return max(new_start, 1)
        shift += new_count - old_count
    return max(line + shift, 1)


def follow_lines(f: Finding, hunks: Mapping[str, Sequence[Hunk]]) -> Finding:
    """`f` with each location's lines where they are now (its path already the new one)."""
    if not any(loc.path in hunks and loc.start is not None for loc in f.locations):
        return f
    locations = []
    for loc in f.locations:
        moves = hunks.get(loc.path)
        if not moves or loc.start is None:
            locations.append(loc)
            continue
        start = moved_line(loc.start, moves)
        end = None if loc.end is None else max(moved_line(loc.end, moves), start)
        locations.append(dataclasses.replace(loc, start=start, end=end))
    return dataclasses.replace(f, locations=tuple(locations))
