"""The files the static seat's analyzers read: the committed blobs, not the seat's worktree.

A checkout applies the change's own `.gitattributes`: `working-tree-encoding=UTF-16LE` made
ruff and detect-secrets read UTF-16 (a committed secret unflagged, Python a syntax error), and
`eol`/`filter` attributes change the bytes too, while the line numbers the seat reports come
from the blobs' diff. So the analyzed files are written from `git cat-file --batch` (raw blob
bytes: no attribute, filter or conversion applies) into a scratch folder of the same layout.
An LFS-tracked file is analyzed as its pointer, which is what the diff shows too.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from deepreview import proc
from deepreview.agents.static.changes import GIT_CONFIG, ChangedFile
from deepreview.agents.static.diagnostics import AnalyzerRun, Budget
from deepreview.targets import attributes

NAME = "git cat-file --batch"


@dataclass(frozen=True)
class Committed:
    """Where the analyzed files are, as committed; `run` is the git call that wrote them."""

    root: Path
    run: AnalyzerRun
    ok: bool


@contextlib.contextmanager
def committed_files(
    worktree: Path, files: Sequence[ChangedFile], env: Mapping[str, str], budget: Budget
) -> Iterator[Committed]:
    """A scratch folder holding each analyzable file of `files` as committed (gone after)."""
    wanted = [f for f in files if f.analyzable and f.blob]
    with tempfile.TemporaryDirectory(prefix="deep-review-static-") as tmp:
        root = Path(tmp) / "files"
        root.mkdir()
        listing = Path(tmp) / "blobs"
        request = "".join(f"{f.blob}\n" for f in wanted).encode()
        with attributes.attribute_blind(worktree / ".git") as blind:
            result = proc.run(
                ("git", *GIT_CONFIG, "cat-file", "--batch"),
                cwd=blind.cwd,
                env={**env, **blind.env},
                stdin=request,
                stdout_file=listing,
                timeout=max(budget.remaining(), 0.001),
                cancel=budget.cancel,
            )
        run = AnalyzerRun.from_proc(NAME, result)
        ok = result.ok and _write_files(listing, root, wanted)
        listing.unlink(missing_ok=True)
        yield Committed(root, run, ok)


def _write_files(listing: Path, root: Path, wanted: Sequence[ChangedFile]) -> bool:
    """Split `cat-file --batch` output ("<sha> blob <size>\\n<bytes>\\n" per request, in
    order) into `root/<path>`; False when it is not that."""
    with listing.open("rb") as fh:
        for changed in wanted:
            header = fh.readline().split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                return False
            data = fh.read(int(header[2]))
            fh.read(1)
            target = root / changed.path
            # git never stores `..` or an absolute name in a tree; a crafted one is not followed
            if not target.resolve().is_relative_to(root.resolve()):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return True
