"""Reviewers' fix diffs, as text: find the diff in a fix, read its hunks, re-anchor them.

A reviewer's diff is written by hand (or by a model): line numbers are often wrong, the `@@`
header may have no numbers at all, the file headers may be missing (the finding's location
names the file), and blank context lines lose their leading space. `git apply --3way` gets the
first try (see `deepreview.checks.fixcheck`); these pure functions are the fuzzy second try: each
hunk's old side is searched for in the file (exactly, then ignoring trailing and then all
surrounding whitespace), the match nearest the stated line wins -- or, for a hunk that
states none, the match nearest the finding's own line; a tie is refused.
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


def _matches(content: list[str], old: tuple[str, ...]) -> tuple[list[int], str]:
    """Where `old` occurs in `content` (indexes), and how it matched: exactly, else ignoring
    trailing space, else ignoring all surrounding whitespace."""
    n = len(old)
    for how, norm in (("exact", str), ("trailing space", str.rstrip), ("whitespace", str.strip)):
        want = [norm(x) for x in old]
        hits = [
            i for i in range(len(content) - n + 1) if [norm(x) for x in content[i : i + n]] == want
        ]
        if hits:
            return hits, how
    return [], ""


def _first_change(hunk: Hunk) -> int:
    """How many lines into the hunk its first change comes (after its leading context)."""
    same = 0
    for a, b in zip(hunk.old, hunk.new, strict=False):
        if a != b:
            break
        same += 1
    return same


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


def _distances(
    hits: list[int], hunk: Hunk, near: tuple[int, int] | None, offset: int
) -> tuple[dict[int, int], int | None]:
    """How far each match is from where the hunk should go, and that line (None: nowhere)."""
    if hunk.old_start is not None:
        stated = hunk.old_start - 1 + offset
        return {i: abs(i - stated) for i in hits}, hunk.old_start
    if near is None:
        return dict.fromkeys(hits, 0), None
    # From the finding's lines to the matched ones: 0 when they overlap.
    lo, hi, n = near[0] - 1 + offset, near[1] - 1 + offset, len(hunk.old)
    return {i: max(lo - (i + n - 1), i - hi, 0) for i in hits}, near[0]


def apply_hunks(
    content: str, patch: FilePatch, near: tuple[int, int] | None = None
) -> tuple[str | None, str, tuple[int, ...]]:
    """(new content, "", lines it was re-anchored at) or (None, why the patch does not apply, ()).

    A hunk goes where its context occurs nearest the line its `@@` header states; a hunk without
    one, nearest `near` (the first and last line of the finding that proposed the fix) -- the
    file's first match would be a guess, and a wrong one makes a right fix fail its tests. Two
    matches equally near (or any two, with no line to go by) are refused, never guessed."""
    trailing_nl = content.endswith("\n") or not content
    lines = content.splitlines()
    offset = 0
    moved: list[int] = []
    for hunk in patch.hunks:
        if not hunk.old:
            if hunk.old_start is None:
                return None, f"a hunk of {patch.path} has no context to anchor it", ()
            at = min(max(hunk.old_start - 1 + offset, 0), len(lines))
            lines[at:at] = list(hunk.new)
            offset += len(hunk.new)
            continue
        hits, how = _matches(lines, hunk.old)
        first = next((x.strip() for x in hunk.old if x.strip()), "")
        if not hits:
            return None, f"context not found in {patch.path}: `{first[:60]}`", ()
        distance, line_no = _distances(hits, hunk, near, offset)
        best = min(distance.values())
        nearest = [i for i in hits if distance[i] == best]
        if len(nearest) > 1:
            spots = " and ".join(f"{patch.path}:{i + 1}" for i in nearest[:2])
            why = f"equally near line {line_no}" if line_no else "and the fix names no line"
            return None, f"ambiguous: `{first[:60]}` is at {spots}, {why}", ()
        at = nearest[0]
        if how != "exact" or hunk.old_start is None or at != hunk.old_start - 1 + offset:
            moved.append(at + 1 + _first_change(hunk) - offset)
        replacement = (
            list(hunk.new)
            if how == "exact"
            else _reindent(hunk.new, hunk.old, lines[at : at + len(hunk.old)])
        )
        lines[at : at + len(hunk.old)] = replacement
        offset += len(hunk.new) - len(hunk.old)
    text = "\n".join(lines) + ("\n" if trailing_nl and lines else "")
    return text, "", tuple(moved)


def fuzzy_apply(
    diff: str,
    default_path: str | None,
    read: Callable[[str], str | None],
    near: tuple[int, int] | None = None,
) -> Applied:
    """Apply `diff` to the files `read(path)` returns (None: no such file). `near`: the lines
    of `default_path` the fix's finding points at, where a hunk without an `@@` line goes."""
    patches = parse_patch(diff, default_path)
    if not patches:
        return Applied(False, {}, "no hunk with a file to apply it to")
    files: dict[str, str] = {}
    moved: list[str] = []
    for fp in patches:
        current = files.get(fp.path)
        if current is None:
            current = read(fp.path)
        if current is None:
            if all(not h.old for h in fp.hunks):  # a new file
                current = ""
            else:
                return Applied(False, {}, f"{fp.path} does not exist at the review SHA")
        new, why, lines = apply_hunks(current, fp, near if fp.path == default_path else None)
        if new is None:
            return Applied(False, {}, why)
        files[fp.path] = new
        moved.extend(f"{fp.path}:{n}" for n in lines)
    # Where it landed, so that a badge never hides that the fix was placed by us, not by it.
    note = f"re-anchored at {', '.join(dict.fromkeys(moved))}" if moved else ""
    return Applied(True, files, note)
