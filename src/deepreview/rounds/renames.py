"""Findings and declines follow a renamed file.

A finding names the path its round reviewed. After `git mv calc.py mathops.py` the same lines
live at `mathops.py`: a seat raising the finding there raises it again (not a new finding), a
declined one stays declined, a carried one is shown (and asked about) where the code now is, and
a rename that changed no line touches no finding. The renames are git's (`git diff -M`) between
the SHA the finding or decline was reviewed at and this round's head.

Imported before the first seat (the prompt lists the previous round's findings at their new
paths): no report model at run time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from deepreview.rounds.line_map import Hunk, line_hunks, moved_line
from deepreview.store.declines import Decline
from deepreview.targets.attributes import blind_run
from deepreview.targets.git import Git, decode_path
from deepreview.targets.nul_text import text_attributes
from deepreview.untrusted_text import one_line_name

if TYPE_CHECKING:
    from deepreview.model import Finding, Location


def renamed_paths(git: Git, old_sha: str, new_sha: str, text: Sequence[str] = ()) -> dict[str, str]:
    """Old path -> new path of each file git finds renamed from `old_sha` to `new_sha` (both
    exist); {} when they are the same commit. `text`: the files the review's diff shows as
    text (`targets.build.shown_as_text`), compared as text here too, as the interdiff is."""
    if not old_sha or old_sha == new_sha:
        return {}
    argv = ["diff", "--no-color", "--no-ext-diff", "-M", "--name-status", "-z", old_sha, new_sha]
    with text_attributes(text) as as_text:
        out = blind_run(git, [*as_text, *argv])
    fields = out.split(b"\0")
    moves: dict[str, str] = {}
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i]
        if status[:1] in (b"R", b"C"):
            if status[:1] == b"R":
                moves[decode_path(fields[i + 1])] = decode_path(fields[i + 2])
            i += 3
        else:
            i += 2
    return moves


def renamed_since(
    git: Git, sha: str, head_sha: str, text: Sequence[str] = ()
) -> dict[str, str] | None:
    """`renamed_paths` from `sha` to `head_sha`; None when `sha` is gone (rewritten away):
    which files moved since cannot be told from it."""
    if not sha or git.rev(sha) is None:
        return None
    return renamed_paths(git, sha, head_sha, text)


def _moved(locations: tuple[Location, ...], moves: Mapping[str, str]) -> tuple[Location, ...]:
    return tuple(
        dataclasses.replace(loc, path=moves[loc.path]) if loc.path in moves else loc
        for loc in locations
    )


def follow_finding(f: Finding, moves: Mapping[str, str]) -> Finding:
    """`f` with each location in a renamed file at its new path, its reviewers' own places
    (`sources`) too: they are what its key place (`places.key_location`) is read from."""
    places = [*f.locations, *(loc for s in f.sources for loc in s.locations)]
    if not any(loc.path in moves for loc in places):
        return f
    return dataclasses.replace(
        f,
        locations=_moved(f.locations, moves),
        sources=tuple(
            dataclasses.replace(s, locations=_moved(s.locations, moves)) for s in f.sources
        ),
    )


def moved_note(moves: Mapping[str, str], paths: Iterable[str]) -> str:
    """What the report and the prompt say about the renames that moved one of `paths`."""
    wanted = set(paths)
    said = [
        f"{one_line_name(old)} was renamed to {one_line_name(new)}"
        for old, new in sorted(moves.items())
        if old in wanted
    ]
    if not said:
        return ""
    return f"{'; '.join(said)} since the previous round: its findings follow it."


def follow_declines(
    git: Git,
    declines: Sequence[Decline],
    head_sha: str,
    since_previous: Mapping[str, str],
    text: Sequence[str] = (),
    candidates: Sequence[str] = (),
) -> list[Decline]:
    """Each decline at its file's path at `head_sha`: renamed since its review's SHA, or, when
    that SHA is gone (rewritten away), since the previous round's (`since_previous`, its
    renames to `head_sha`): the kept lines are then looked for where git sees the file now.
    A rename before the previous round of a decline whose SHA is gone cannot be seen: its
    lines are looked for in the change's files (`candidates`, its paths at `head_sha`): the
    one that holds them is where the decline is now; in none (or several), the decline stands
    uncompared. And at the lines its code is at now (`_at_lines`), as a carried finding's
    lines follow the code (`rounds.line_map`). `origins` gives back each one as declined."""
    by_sha: dict[str, Mapping[str, str]] = {}
    hunks: dict[str, Mapping[str, Sequence[Hunk]] | None] = {}
    followed = []
    for d in declines:
        sha = d.reviewed_sha
        if sha not in by_sha:
            known = renamed_since(git, sha, head_sha, text)
            by_sha[sha] = since_previous if known is None else known
            hunks[sha] = None if known is None else line_hunks(git, sha, head_sha, text)
        new = by_sha[sha].get(d.path)
        if new is None and hunks[sha] is None:
            new = _holder(git, head_sha, d, candidates)
        moved = dataclasses.replace(d, path=new) if new else d
        followed.append(_at_lines(git, head_sha, moved, hunks[sha]))
    return followed


def _at_lines(
    git: Git, head_sha: str, d: Decline, hunks: Mapping[str, Sequence[Hunk]] | None
) -> Decline:
    """`d` (at its path now) at the lines its code is at `head_sha`: moved by git's line diff
    since its review's SHA (`hunks`, by path now), or, that SHA gone (None), where its kept
    lines are now when exactly one place of its file holds them (else where it was). Lines
    added above a declined finding would otherwise leave it at a line holding other code: of
    two findings of its title the one nearest that line was taken as the declined one, and
    the seats were told it is where it no longer is (tr65 b)."""
    if d.start_line is None:
        return d
    if hunks is not None:
        moves = hunks.get(d.path)
        if not moves:
            return d
        start = moved_line(d.start_line, moves)
        end = None if d.end_line is None else max(moved_line(d.end_line, moves), start)
        return dataclasses.replace(d, start_line=start, end_line=end)
    if d.lines is None or not d.lines.strip():
        return d
    at = _places(git.show_file(head_sha, d.path) or "", d.lines)
    if len(at) != 1:
        return d
    start = at[0]
    end = None if d.end_line is None else start + max(d.end_line - d.start_line, 0)
    return dataclasses.replace(d, start_line=start, end_line=end)


def _places(text: str, lines: str) -> list[int]:
    """The line numbers at which `text` holds `lines` (trailing whitespace is no change)."""
    want = [line.rstrip() for line in lines.splitlines()]
    have = [line.rstrip() for line in text.splitlines()]
    n = len(want)
    return [i + 1 for i in range(len(have) - n + 1) if have[i : i + n] == want]


def _holder(git: Git, head_sha: str, d: Decline, candidates: Sequence[str]) -> str | None:
    """The one file of `candidates` at `head_sha` that holds `d`'s kept lines, when its own
    file is gone from there: renamed in the rewrite that took its review's commit away, where
    no rename git sees can tell (None: its file is still there, no lines were kept, or not
    exactly one file holds them)."""
    if d.lines is None or not d.lines.strip() or git.show_file(head_sha, d.path) is not None:
        return None
    found = [path for path in candidates if _places(git.show_file(head_sha, path) or "", d.lines)]
    return found[0] if len(found) == 1 else None


def origins(before: Sequence[Decline], after: Sequence[Decline]) -> dict[Decline, Decline]:
    """Followed decline -> the decline as recorded (`follow_declines`'s input and output, in
    order), for the ones that moved: whether its lines changed is told at the path and lines
    it was declined at, in its review's commit."""
    return {a: b for b, a in zip(before, after, strict=True) if a != b}


_SECTION = re.compile(r"^diff --git a/(.+?) b/(.+)$", re.MULTILINE)
# A section holding only these lines renamed a file without changing it.
_PURE_RENAME = ("similarity index 100%", "rename from ", "rename to ")


def changed_paths(interdiff: str) -> set[str]:
    """The files the interdiff changes (both names of a renamed one), leaving out a rename that
    changed no line: it touches no finding."""
    changed: set[str] = set()
    heads = list(_SECTION.finditer(interdiff))
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(interdiff)
        body = interdiff[m.end() : end].strip("\n").splitlines()
        if body and all(line.startswith(_PURE_RENAME) for line in body):
            continue
        changed.update(m.groups())
    return changed
