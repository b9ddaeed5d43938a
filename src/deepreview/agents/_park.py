"""Move a change's agent instruction/config files out of a seat's worktree for one run.

Some CLIs read files such as `GEMINI.md` or a subdirectory's `AGENTS.md` from their working
directory as instructions, and have no setting that turns this off (Gemini 0.61 loads every
`GEMINI.md` from the cwd and, when a tool reads a file, from that file's directories; opencode
attaches the `AGENTS.md`/`CLAUDE.md`/`CONTEXT.md` of a read file's directories). The worktree
is the change under review, so those files would let the change steer its own review. They
are parked in the seat's home for the run and put back afterwards (the worktree is shared by
a seat's passes and checked for changes between them). The reviewer still sees them in the
diff, as data.

Ignore files are parked the same way (`search_ignores`), for every CLI: a change's `.gitignore`
or `.rgignore` listing its own `backdoor.py` made Claude Code's Grep find nothing in it; and
so is a `.mailmap`, which renamed the authors in a seat's `git log` and `git blame`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from deepreview.errors import GitError
from deepreview.targets.git import Git

# The change's own `.mailmap`, which git reads from the worktree for `git log` and always for
# `git blame`: it renamed the change's author "Trusted Maintainer" in every seat's git.
MAILMAP: Final = ".mailmap"
# ripgrep's own ignore files: whatever they list, Claude Code's Grep (its built-in ripgrep, run
# with `--no-config` and no `--no-ignore`), Gemini's search and a seat's `rg` skip, even a
# tracked file the change adds; nothing a reviewer needs reads them.
SEARCH_IGNORES: Final = (".ignore", ".rgignore")


def search_ignores(worktree: Path) -> tuple[str, ...]:
    """The ignore files to park so that no tracked file is hidden from a seat's search:
    ripgrep's own always, and `.gitignore` too when git's ignore rules match a tracked file
    (a `.gitignore` of the change listing `backdoor.py`, which it commits all the same).
    A `.gitignore` that ignores nothing tracked stays, readable as any other file."""
    try:
        args = ["ls-files", "-z", "--cached", "--ignored", "--exclude-standard"]
        listed = Git(worktree).run(args)
        hides = bool(listed.stdout.strip(b"\0"))
    except GitError:
        hides = True  # cannot tell: park it, hiding nothing from the search
    return (*SEARCH_IGNORES, ".gitignore") if hides else SEARCH_IGNORES


def seat_parked(worktree: Path) -> tuple[str, ...]:
    """What every CLI seat's worktree goes without while it runs: `search_ignores`, `MAILMAP`."""
    return (*search_ignores(worktree), MAILMAP)


def find(worktree: Path, names: Iterable[str], *, files_only: bool = False) -> list[Path]:
    """Worktree entries (files, links, folders) named like one of `names`, case-insensitively
    (a case-insensitive file system finds `gemini.md` for `GEMINI.md`). `.git` is skipped.
    `files_only`: no folder (a change's `.ignore/` folder is code to review, no ignore file)."""
    wanted = {n.lower() for n in names}
    found: list[Path] = []
    for root, dirs, files in os.walk(worktree):  # does not follow links to folders
        for d in list(dirs):
            if d == ".git":
                dirs.remove(d)
            elif d.lower() in wanted and not files_only:
                dirs.remove(d)
                found.append(Path(root, d))
        found.extend(Path(root, f) for f in files if f.lower() in wanted)
    return sorted(found)


@contextmanager
def parked(
    worktree: Path, names: Iterable[str], store: Path, *, files_only: bool = False
) -> Iterator[list[Path]]:
    """Move every entry `find` returns into `store` for the duration; yields what was moved."""
    moved: list[tuple[Path, Path]] = []
    try:
        for i, path in enumerate(find(worktree, names, files_only=files_only)):
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
