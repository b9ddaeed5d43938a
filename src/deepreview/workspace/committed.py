"""A seat's checkout holds each tracked file's committed bytes, whatever the change's
`.gitattributes` say.

A checkout applies the `.gitattributes` it checks out: a change adding `evil.py
working-tree-encoding=UTF-16LE` (or `eol=crlf`, `ident`, a `filter`) gave every model seat a
worktree whose evil.py was not what the change commits -- UTF-16 a model reads as noise -- and
`text` on a file committed with CRLF made `git status` call it modified though no byte moved.
Git 2.39 has no `--attr-source`, so the in-tree attribute files are kept out of the checkout's
way instead: out of the index while the other files are checked out (git reads them from the
index first, then from the work tree, where they are not yet), then written back as their
blobs' bytes. The user's own attributes (`info/attributes`, `core.attributesFile`) apply as in
any checkout of theirs.

`git status` must still call the checkout clean (a seat is not told of edits nobody made) and
still see a seat's own edits: a file the change's attributes would convert is only trusted by
its stat, so its index entry gets the stat of its committed bytes (refreshed while no in-tree
attributes are around) with an mtime older than the index -- else git, seeing an entry as new
as the index ("racily clean"), re-reads the file through the attributes and calls it modified.
One `check-attr` finds those files; only they are re-read. Git LFS files stay pointers: the
`lfs` filter is off in a seat's worktree (`workspace.lfs`), so that attribute converts nothing.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from deepreview.targets.git import Git

_UNSPECIFIED: Final = "unspecified"
# How far back a converted file's mtime is set: older than the index by whole seconds, as git
# compares them in seconds when it is built without nanosecond timestamps.
_BACKDATE_S: Final = 5
_REGULAR: Final = (b"100644", b"100755")


def check_out_committed(path: Path, sha: str, config: Mapping[str, str]) -> None:
    """Check out `sha` in the fresh, empty (`--no-checkout`) worktree `path`; `config`: the
    settings every git command there runs with."""
    git = Git(path)

    def run(args: Sequence[str], stdin: bytes | None = None, check: bool = True) -> bytes:
        return git.run(args, stdin=stdin, check=check, config=config).stdout

    run(["read-tree", sha])
    # Every entry, filtered here: a pathspec would read literally under GIT_LITERAL_PATHSPECS.
    listing = run(["ls-files", "-z", "-s"])
    attribute_files = _attribute_files(listing)
    if not attribute_files:
        run(["checkout-index", "--all", "--force", "--index"])
        return
    paths = b"".join(
        name + b"\0" for record in listing.split(b"\0") if (name := record.partition(b"\t")[2])
    )
    # `--all`: only the attributes a file has, not six lines per file of a big tree
    converted = _converted(run(["check-attr", "--cached", "-z", "--stdin", "--all"], paths))
    run(["update-index", "--force-remove", "-z", "--stdin"], _names(attribute_files))
    run(["checkout-index", "--all", "--force", "--index"])
    _backdate(path, converted)
    # Nothing converts a file now (no in-tree attributes are around): git records the stat of
    # the committed bytes. Exit 1 ("needs update") would only make `git status` re-read it.
    run(["update-index", "-q", "--refresh"], check=False)
    info = b"".join(b"%s %s\t%s\0" % (e.mode, e.blob, e.path) for e in attribute_files)
    run(["update-index", "-z", "--index-info"], info)  # entries with no stat yet
    # An attributes file that the attributes convert themselves is written as its blob; git
    # compares it through them (the stat of a converted checkout would call it changed).
    own = set(converted)
    rewritten = [e for e in attribute_files if e.path in own and e.mode in _REGULAR]
    if rest := [e for e in attribute_files if e not in rewritten]:
        run(["checkout-index", "--force", "--index", "-z", "--stdin"], _names(rest))
    if rewritten:
        request = b"".join(e.blob + b"\n" for e in rewritten)
        _write_blobs(path, rewritten, run(["cat-file", "--batch"], request))
        _backdate(path, (e.path for e in rewritten))
        run(["update-index", "-q", "--refresh"], check=False)


def _names(entries: Iterable[_Entry]) -> bytes:
    return b"".join(e.path + b"\0" for e in entries)


@dataclass(frozen=True)
class _Entry:
    mode: bytes
    blob: bytes
    path: bytes


def _attribute_files(listing: bytes) -> list[_Entry]:
    """The `.gitattributes` of `ls-files -s -z` output ("mode blob stage\\tpath" each)."""
    found = []
    for record in listing.split(b"\0"):
        head, _, name = record.partition(b"\t")
        fields = head.split()
        if len(fields) == 3 and name.rsplit(b"/", 1)[-1] == b".gitattributes":
            found.append(_Entry(fields[0], fields[1], name))
    return found


def _converted(out: bytes) -> list[bytes]:
    """The paths of `check-attr -z` output ("path NUL attribute NUL value NUL" each) whose
    attributes convert them."""
    fields = out.split(b"\0")
    attrs: dict[bytes, dict[str, str]] = {}
    for i in range(0, len(fields) - 2, 3):
        path, name, value = fields[i : i + 3]
        attrs.setdefault(path, {})[name.decode()] = value.decode(errors="replace")
    return [path for path, found in attrs.items() if converts(found)]


def converts(attrs: Mapping[str, str]) -> bool:
    """Whether a file with `attrs` (`check-attr` values) is checked out, or compared by
    `git status`, as other bytes than its blob's. `text=auto` is not: git normalises CRLF
    on its way in only when the blob has none, so the committed bytes compare equal."""
    if attrs.get("working-tree-encoding", _UNSPECIFIED) not in (_UNSPECIFIED, "unset"):
        return True
    if attrs.get("ident") == "set":
        return True
    # `lfs` is a no-op in a seat's worktree (`workspace.lfs.POINTER_CONFIG`)
    if attrs.get("filter", _UNSPECIFIED) not in (_UNSPECIFIED, "unset", "lfs"):
        return True
    # As git resolves it: `text`, else the older `crlf`, else implied by `eol`.
    text = attrs.get("text", _UNSPECIFIED)
    if text == _UNSPECIFIED:
        text = {"input": "set"}.get(crlf := attrs.get("crlf", _UNSPECIFIED), crlf)
    if text == _UNSPECIFIED and attrs.get("eol", _UNSPECIFIED) != _UNSPECIFIED:
        text = "set"
    return text == "set"


def _backdate(root: Path, paths: Iterable[bytes]) -> None:
    then = time.time() - _BACKDATE_S
    for raw in paths:
        # a file the checkout could not write is no entry git trusts anyway
        with contextlib.suppress(OSError):
            os.utime(root / os.fsdecode(raw), (then, then), follow_symlinks=False)


def _write_blobs(root: Path, files: Sequence[_Entry], batch: bytes) -> None:
    """Write each of `files` from `cat-file --batch` output ("<blob> blob <size>\\n<bytes>\\n"
    per request, in order)."""
    at = 0
    for entry in files:
        end = batch.index(b"\n", at)
        size = int(batch[at:end].split()[2])
        data = batch[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        target = root / os.fsdecode(entry.path)
        # git never stores `..` or an absolute name in a tree; a crafted one is not followed
        if not target.parent.resolve().is_relative_to(root.resolve()) or target.is_symlink():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if entry.mode == b"100755":  # executable wherever it is readable, as git checks it out
            current = target.stat().st_mode
            target.chmod(current | (current & 0o444) >> 2)
