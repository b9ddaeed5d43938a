"""Reviewers' fix diffs, as text: find the diff in a fix, read its hunks, re-anchor them.

A reviewer's diff is written by hand (or by a model): line numbers are often wrong, the `@@`
header may have no numbers at all, the file headers may be missing (the finding's location
names the file), and blank context lines lose their leading space. `git apply --3way` gets the
first try (see `deepreview.checks.run`); these pure functions are the fuzzy second try: each
hunk's old side is searched for in the file (exactly, then ignoring trailing and then all
surrounding whitespace), the match nearest the stated line wins.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

_FENCE = re.compile(
    r"^(?P<fence>```+|~~~+)[ \t]*(?P<lang>[\w+-]*)[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)
_HUNK = re.compile(r"^@@+ *(?:-(\d+)(?:,\d+)? *\+\d+(?:,\d+)?)? *@@+")


@dataclass(frozen=True)
class Hunk:
    old: tuple[str, ...]  # context and removed lines
    new: tuple[str, ...]  # context and added lines
    old_start: int | None = None  # 1-based, as the header claims


@dataclass(frozen=True)
class FilePatch:
    path: str
    hunks: tuple[Hunk, ...]


@dataclass(frozen=True)
class Applied:
    ok: bool
    files: dict[str, str]  # path -> new content (only when ok)
    reason: str = ""  # why not; or a note on how it was applied


def fix_diff(fix: str) -> str | None:
    """The diff inside a finding's fix (a ```diff block, or any block that looks like one)."""
    for m in _FENCE.finditer(fix):
        body, lang = m.group("body"), m.group("lang").lower()
        if lang in ("diff", "patch", "udiff") or looks_like_diff(body):
            return body if body.strip() else None
    return None


def looks_like_diff(text: str) -> bool:
    lines = text.splitlines()
    if any(_HUNK.match(line) for line in lines):
        return True
    return any(a.startswith("--- ") and b.startswith("+++ ") for a, b in itertools.pairwise(lines))


def _strip_prefix(path: str) -> str | None:
    path = path.strip().split("\t")[0]
    if path == "/dev/null":
        return None
    return path[2:] if path[:2] in ("a/", "b/") else path


def parse_patch(text: str, default_path: str | None) -> list[FilePatch]:
    """The patch's files and hunks; lines outside any file or hunk are ignored."""
    files: list[FilePatch] = []
    path = default_path
    hunks: list[Hunk] = []
    old: list[str] = []
    new: list[str] = []
    start: int | None = None
    in_hunk = False
    lines = text.splitlines()

    def close_hunk() -> None:
        nonlocal old, new, in_hunk
        if in_hunk and (old or new):
            hunks.append(Hunk(tuple(old), tuple(new), start))
        old, new, in_hunk = [], [], False

    def close_file() -> None:
        nonlocal hunks
        close_hunk()
        if path and hunks:
            files.append(FilePatch(path, tuple(hunks)))
        hunks = []

    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith("diff --git "):
            close_file()
            continue
        if line.startswith("--- ") and nxt.startswith("+++ "):
            close_file()
            continue
        if line.startswith("+++ ") and i > 0 and lines[i - 1].startswith("--- "):
            path = _strip_prefix(line[4:]) or _strip_prefix(lines[i - 1][4:]) or default_path
            continue
        m = _HUNK.match(line)
        if m:
            close_hunk()
            in_hunk = True
            start = int(m.group(1)) if m.group(1) else None
            continue
        if line.startswith(("index ", "new file mode", "deleted file mode", "similarity ")):
            continue
        if line.startswith("\\"):  # "\ No newline at end of file"
            continue
        if not in_hunk:
            # Models often write bare -/+ lines without any @@ header.
            if not line.startswith(("-", "+", " ")):
                continue
            in_hunk, start = True, None
        if line.startswith("-"):
            old.append(line[1:])
        elif line.startswith("+"):
            new.append(line[1:])
        else:
            ctx = line[1:] if line.startswith(" ") else line  # a blank line lost its space
            old.append(ctx)
            new.append(ctx)
    close_file()
    return files


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _find(content: list[str], old: tuple[str, ...], near: int | None) -> tuple[int, str] | None:
    """Where `old` occurs in `content` (index, how it matched), nearest to `near`."""
    n = len(old)
    for how, norm in (("exact", str), ("trailing space", str.rstrip), ("whitespace", str.strip)):
        want = [norm(x) for x in old]
        hits = [
            i for i in range(len(content) - n + 1) if [norm(x) for x in content[i : i + n]] == want
        ]
        if hits:
            target = (near - 1) if near is not None else 0
            return min(hits, key=lambda i: (abs(i - target), i)), how
    return None


def _reindent(new: tuple[str, ...], old: tuple[str, ...], found: list[str]) -> list[str]:
    """Shift the new lines by the indentation the old side was off by (matched ignoring it)."""
    pairs = [(o, f) for o, f in zip(old, found, strict=True) if o.strip()]
    if not pairs:
        return list(new)
    delta = _indent(pairs[0][1]) - _indent(pairs[0][0])
    out = []
    for line in new:
        if not line.strip():
            out.append(line)
        elif delta >= 0:
            out.append(" " * delta + line)
        else:
            out.append(line[min(-delta, _indent(line)) :])
    return out


def apply_hunks(content: str, patch: FilePatch) -> tuple[str | None, str]:
    """(new content, "") or (None, why the patch does not apply)."""
    trailing_nl = content.endswith("\n") or not content
    lines = content.splitlines()
    offset = 0
    notes = set()
    for hunk in patch.hunks:
        if not hunk.old:
            if hunk.old_start is None:
                return None, f"a hunk of {patch.path} has no context to anchor it"
            at = min(max(hunk.old_start - 1 + offset, 0), len(lines))
            lines[at:at] = list(hunk.new)
            offset += len(hunk.new)
            continue
        near = hunk.old_start + offset if hunk.old_start is not None else None
        found = _find(lines, hunk.old, near)
        if found is None:
            first = next((x.strip() for x in hunk.old if x.strip()), "")
            return None, f"context not found in {patch.path}: `{first[:60]}`"
        at, how = found
        if how != "exact" or (hunk.old_start is not None and at != hunk.old_start - 1 + offset):
            notes.add("re-anchored")
        replacement = (
            list(hunk.new)
            if how == "exact"
            else _reindent(hunk.new, hunk.old, lines[at : at + len(hunk.old)])
        )
        lines[at : at + len(hunk.old)] = replacement
        offset += len(hunk.new) - len(hunk.old)
    text = "\n".join(lines) + ("\n" if trailing_nl and lines else "")
    return text, ", ".join(sorted(notes))


def fuzzy_apply(diff: str, default_path: str | None, read: Callable[[str], str | None]) -> Applied:
    """Apply `diff` to the files `read(path)` returns (None: no such file)."""
    patches = parse_patch(diff, default_path)
    if not patches:
        return Applied(False, {}, "no hunk with a file to apply it to")
    files: dict[str, str] = {}
    notes: list[str] = []
    for fp in patches:
        current = files.get(fp.path)
        if current is None:
            current = read(fp.path)
        if current is None:
            if all(not h.old for h in fp.hunks):  # a new file
                current = ""
            else:
                return Applied(False, {}, f"{fp.path} does not exist at the review SHA")
        new, note = apply_hunks(current, fp)
        if new is None:
            return Applied(False, {}, note)
        files[fp.path] = new
        if note:
            notes.append(note)
    return Applied(True, files, ", ".join(dict.fromkeys(notes)))
