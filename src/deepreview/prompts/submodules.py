"""What a change does to its submodules, for the seats' prompt.

A seat's worktree never has a submodule's files checked out, and the submodule's commits are
not in the reviewed repository: a bump is a `+1 -1` row whose code the seat cannot read. The
prompt says so and names the commits it moves between (from the diff's `Subproject commit`
lines), so the seat reviews the bump itself instead of guessing at, or silently skipping, it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from deepreview.markdown_fence import code_span
from deepreview.targets.target import Target

_MAX_NAMED: Final = 30  # submodules named in the note; past that, how many more
_COMMIT: Final = re.compile(r"^([+-])Subproject commit ([0-9a-f]{7,64})\b", re.MULTILINE)


@dataclass(frozen=True)
class SubmoduleMove:
    path: str
    old: str | None  # None: the change adds the submodule
    new: str | None  # None: the change removes it

    @property
    def markdown(self) -> str:
        """`vendor/lib` moves from `89e941d5e79c` to `1ac93b58114f`."""
        name = code_span(self.path.replace("\n", "\\n"))
        if self.old and self.new:
            return f"{name} moves from `{self.old[:12]}` to `{self.new[:12]}`"
        if self.new:
            return f"{name} is added at `{self.new[:12]}`"
        return f"{name} is removed (it was at `{self.old[:12] if self.old else '?'}`)"


def submodule_moves(target: Target) -> list[SubmoduleMove]:
    """Each changed submodule with its old and new commit, in the order of the changed files."""
    paths = [f.path for f in target.changed_files if f.submodule]
    if not paths:
        return []
    commits: dict[str, dict[str, str]] = {}
    for chunk in target.diff.split("\ndiff --git "):
        header = chunk.partition("\n")[0]
        path = header.rsplit(" b/", 1)[-1] if " b/" in header else header
        if path in paths:
            for sign, sha in _COMMIT.findall(chunk):
                commits.setdefault(path, {})[sign] = sha
    return [
        SubmoduleMove(p, commits.get(p, {}).get("-"), commits.get(p, {}).get("+")) for p in paths
    ]


def submodule_note(target: Target) -> str:
    """The sentence naming the changed submodules and their commits; "" when there are none."""
    moves = submodule_moves(target)
    if not moves:
        return ""
    shown = "; ".join(m.markdown for m in moves[:_MAX_NAMED])
    more = len(moves) - _MAX_NAMED
    return shown + (f"; and {more} more" if more > 0 else "") + "."
