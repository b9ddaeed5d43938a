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
from pathlib import Path
from typing import Final

from deepreview.targets.git import Git

# The attributes that make a checkout's bytes (or what `git status` compares them as) differ
# from the blob's.
CONVERTING: Final = ("text", "eol", "crlf", "working-tree-encoding", "ident", "filter")
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
    entries = _entries(run(["ls-files", "-z", "-s"]))
    attribute_files = [e for e in entries if _is_attributes_file(e[2])]
    if not attribute_files:
        run(["checkout-index", "--all", "--force", "--index"])
        return
    regular = [p for mode, _, p in entries if mode in _REGULAR]
    converted = _converted(
        run(
            ["check-attr", "--cached", "-z", "--stdin", *CONVERTING],
            stdin=b"".join(p + b"\0" for p in regular),
        )
    )
    run(
        ["update-index", "--force-remove", "-z", "--stdin"],
        stdin=b"".join(p + b"\0" for _, _, p in attribute_files),
    )
    run(["checkout-index", "--all", "--force", "--index"])
    _backdate(path, converted)
    # Exit 1 with paths that "need update" cannot happen here (nothing converts them yet); a
    # stale entry would only make `git status` re-read that file.
    run(["update-index", "-q", "--refresh"], check=False)
    run(
        ["update-index", "-z", "--index-info"],
        stdin=b"".join(b"%s %s\t%s\0" % (m, s, p) for m, s, p in attribute_files),
    )
    blobs = run(["cat-file", "--batch"], stdin=b"".join(s + b"\n" for _, s, _ in attribute_files))
    _write_blobs(path, attribute_files, blobs)
    _backdate(path, (p for _, _, p in attribute_files))
    # An attributes file the change's attributes convert themselves stays "modified" to git
    # (its bytes are still the committed ones): nothing can compare it without them.
    run(["update-index", "-q", "--refresh"], check=False)


def _entries(listing: bytes) -> list[tuple[bytes, bytes, bytes]]:
    """(mode, blob, path) of each `ls-files -s -z` record ("mode blob stage\\tpath")."""
    found = []
    for record in listing.split(b"\0"):
        head, tab, name = record.partition(b"\t")
        fields = head.split()
        if tab and len(fields) == 3:
            found.append((fields[0], fields[1], name))
    return found


def _is_attributes_file(path: bytes) -> bool:
    return path.rsplit(b"/", 1)[-1] == b".gitattributes"


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


def _write_blobs(root: Path, files: Sequence[tuple[bytes, bytes, bytes]], batch: bytes) -> None:
    """Write each of `files` from `cat-file --batch` output ("<blob> blob <size>\\n<bytes>\\n"
    per request, in order)."""
    at = 0
    for mode, _, raw in files:
        end = batch.index(b"\n", at)
        size = int(batch[at:end].split()[2])
        data = batch[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        target = root / os.fsdecode(raw)
        # git never stores `..` or an absolute name in a tree; a crafted one is not followed
        if not target.parent.resolve().is_relative_to(root.resolve()) or target.is_symlink():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if mode == b"100755":  # executable wherever it is readable, as git checks it out
            current = target.stat().st_mode
            target.chmod(current | (current & 0o444) >> 2)
