"""Move a change's agent instruction/config files out of a seat's worktree for one run.

Some CLIs read files such as `GEMINI.md` or a subdirectory's `AGENTS.md` from their working
directory as instructions, and have no setting that turns this off (Gemini 0.61 loads every
`GEMINI.md` from the cwd and, when a tool reads a file, from that file's directories; opencode
attaches the `AGENTS.md`/`CLAUDE.md`/`CONTEXT.md` of a read file's directories). The worktree
is the change under review, so those files would let the change steer its own review. They
are parked in the seat's home for the run and put back afterwards (the worktree is shared by
a seat's passes and checked for changes between them). The reviewer still sees them in the
diff, as data.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def find(worktree: Path, names: Iterable[str]) -> list[Path]:
    """Worktree entries (files, links, folders) named like one of `names`, case-insensitively
    (a case-insensitive file system finds `gemini.md` for `GEMINI.md`). `.git` is skipped."""
    wanted = {n.lower() for n in names}
    found: list[Path] = []
    for root, dirs, files in os.walk(worktree):  # does not follow links to folders
        for d in list(dirs):
            if d == ".git":
                dirs.remove(d)
            elif d.lower() in wanted:
                dirs.remove(d)
                found.append(Path(root, d))
        found.extend(Path(root, f) for f in files if f.lower() in wanted)
    return sorted(found)


@contextmanager
def parked(worktree: Path, names: Iterable[str], store: Path) -> Iterator[list[Path]]:
    """Move every entry `find` returns into `store` for the duration; yields what was moved."""
    moved: list[tuple[Path, Path]] = []
    try:
        for i, path in enumerate(find(worktree, names)):
            store.mkdir(parents=True, exist_ok=True)
            dest = store / str(i)
            shutil.move(path, dest)  # a rename on one file system; a link moves as a link
            moved.append((path, dest))
        yield [p for p, _ in moved]
    finally:
        for original, dest in reversed(moved):
            _remove(original)  # anything the run put in its place
            original.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(dest, original)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
