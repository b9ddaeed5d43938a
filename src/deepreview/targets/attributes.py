"""Git with the reviewed change's `.gitattributes` out of the picture.

`git diff A B` reads `.gitattributes` from the checkout it runs in, so a change that adds
`backdoor.py -diff` (or `binary`) made git print "Binary files … differ" for a text file: no
reviewer saw a line of it, and what they saw depended on which branch the user had checked out.
Git 2.39 has no `--attr-source`; instead git runs with an empty folder as its work tree and an
index that does not exist (so no in-tree `.gitattributes` is found), no system attributes and
`core.attributesFile` pointing at nothing. A file is then binary when its bytes are (git's own
NUL test), whatever any attributes file says. `$GIT_DIR/info/attributes` is still read: it is
the user's own, never the change's.

`tree_attributes` reads attributes as a given commit's tree declares them (a scratch index of
that tree, `git check-attr --cached`): the head's, to flag a text file the change marks as not
to be diffed; the base's, to trust `linguist-generated` only where the change cannot set it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepreview.targets.git import Git, decode_path

# `-c` options for every attribute-blind git call: the user's global attributes file is read
# by no review either (one user's `*.lock -diff` must not hide a lock file from the seats).
CONFIG = ("-c", f"core.attributesFile={os.devnull}")


@dataclass(frozen=True)
class Blind:
    """Where and with what environment to run git so that it reads no `.gitattributes`."""

    cwd: Path
    env: dict[str, str]


@contextlib.contextmanager
def attribute_blind(git_dir: Path) -> Iterator[Blind]:
    """`git_dir`: the repository's git folder (a linked worktree's `.git` file works too)."""
    with tempfile.TemporaryDirectory(prefix="deep-review-noattr-") as tmp:
        yield Blind(
            cwd=Path(tmp),
            env={
                "GIT_DIR": str(git_dir),
                "GIT_WORK_TREE": tmp,
                "GIT_INDEX_FILE": str(Path(tmp) / "index"),
                "GIT_ATTR_NOSYSTEM": "1",
            },
        )


def blind_run(git: Git, args: Sequence[str], *, timeout: float = 600) -> bytes:
    """`git ARGS` in `git`'s repository, attributes ignored; its stdout."""
    with attribute_blind(git.common_dir()) as blind:
        return git.run([*CONFIG, *args], env=blind.env, cwd=blind.cwd, timeout=timeout).stdout


def tree_attributes(
    git: Git, rev: str, paths: Sequence[str], names: Sequence[str]
) -> dict[str, dict[str, str]]:
    """path -> {attribute: value} for `names` as the tree of `rev` declares them ("set",
    "unset", "unspecified" or a value), read from a scratch index (the user's stays as it is)."""
    if not paths:
        return {}
    with attribute_blind(git.common_dir()) as blind:
        git.run([*CONFIG, "read-tree", rev], env=blind.env, cwd=blind.cwd)
        request = b"".join(p.encode("utf-8", errors="surrogateescape") + b"\0" for p in paths)
        out = git.run(
            [*CONFIG, "check-attr", "--cached", "-z", "--stdin", *names],
            env=blind.env,
            cwd=blind.cwd,
            stdin=request,
        ).stdout
    fields = out.split(b"\0")
    found: dict[str, dict[str, str]] = {}
    # `-z` output: path NUL attribute NUL value NUL, for every path and attribute asked
    for i in range(0, len(fields) - 2, 3):
        path, attr, value = (decode_path(f) for f in fields[i : i + 3])
        found.setdefault(path, {})[attr] = value
    return found


def is_attributes_file(path: str) -> bool:
    return path.rsplit("/", 1)[-1] == ".gitattributes"
