"""What the repository holds at a commit: its files, and the folders they are in.

Read with one `git ls-tree` per commit and kept for the process: the report's steps ask for the
same review SHA several times (which names of a seat's review are places of the repository,
which files a finding's place may be, `pipeline.line_counts`), and a large repository's listing
is worth reading once. A commit's tree never changes, so an object name is a safe key; a ref
(`HEAD`, a branch) moves, and is read afresh each time.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.targets.git import Git, decode_path

# An object name (SHA-1 or SHA-256), full or abbreviated: names one commit for good.
_OBJECT_NAME: Final = re.compile(r"^[0-9a-f]{7,64}$")
# Trees kept at once: a review reads one or two (head, and a lead's); a long-lived process (the
# test suite, a server) reviews many repositories and must not keep every listing it read.
_KEPT: Final = 8


@dataclass(frozen=True)
class Tree:
    """`files`: every path git tracks at the commit (a submodule's too); `paths`: those and
    every folder above one (`ops/bootstrap` -> `ops`), without a trailing slash."""

    files: frozenset[str]
    paths: frozenset[str]


_TREES: OrderedDict[tuple[Path, str], Tree] = OrderedDict()
_LOCK = threading.Lock()


def tree_at(repo_root: Path, rev: str) -> Tree | None:
    """The files and folders of `rev` in `repo_root`; None when git cannot list it (a pruned
    synthetic commit of an `--uncommitted` review that a `relead` looks for): then nothing is
    checked against it. Not kept: a failure may pass, and a ref's tip moves."""
    key = (repo_root.resolve(), rev)
    keep = _OBJECT_NAME.match(rev) is not None
    if keep:
        with _LOCK:
            if (known := _TREES.get(key)) is not None:
                _TREES.move_to_end(key)
                return known
    tree = _list(repo_root, rev)
    if tree is not None and keep:
        with _LOCK:
            _TREES[key] = tree
            while len(_TREES) > _KEPT:
                _TREES.popitem(last=False)
    return tree


def files_at(repo_root: Path, rev: str) -> frozenset[str] | None:
    """Every file path at `rev` (`tree_at`'s `files`)."""
    tree = tree_at(repo_root, rev)
    return None if tree is None else tree.files


def paths_at(repo_root: Path, rev: str) -> frozenset[str] | None:
    """Every file and folder path at `rev` (`tree_at`'s `paths`)."""
    tree = tree_at(repo_root, rev)
    return None if tree is None else tree.paths


def _list(repo_root: Path, rev: str) -> Tree | None:
    # `-z`: a name may hold a newline; `--full-tree`: paths from the root wherever git runs
    result = Git(repo_root).run(
        ["ls-tree", "-r", "-z", "--full-tree", "--name-only", "--end-of-options", rev],
        check=False,
    )
    if not result.ok:
        return None
    files = frozenset(decode_path(p) for p in result.stdout.split(b"\0") if p)
    return Tree(files=files, paths=files | folders_of(files))


def folders_of(files: Iterable[str]) -> set[str]:
    """Every folder above one of `files` (paths from the root); a folder already seen ends the
    walk up (its own folders were added with it), so a large tree costs about one step per
    file."""
    folders: set[str] = set()
    for f in files:
        cut = f.rfind("/")
        while cut > 0 and (folder := f[:cut]) not in folders:
            folders.add(folder)
            cut = f.rfind("/", 0, cut)
    return folders
