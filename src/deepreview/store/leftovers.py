"""What reviews killed outright left: their seats' worktrees (registered in the user's
repository) and homes outside the store, their seats' agents and their checks' test runs,
still running, and the temporary files of a write cut short inside the store. `review`,
`resume`, `list`, `reindex` and `delete` stop and remove them when they find them
(`workspace.sweep`: never those of a review a process still runs), one note a review.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Final

from deepreview.errors import StoreError
from deepreview.formats import RENDERERS
from deepreview.lockfile import release, take
from deepreview.runfiles import RUN_LOCK
from deepreview.store.declines_file import DECLINES_JSON
from deepreview.store.newer import unknown_in
from deepreview.store.root import INDEX, INDEX_HTML, plain_id
from deepreview.store.store import Store
from deepreview.workspace.ledger import LEDGER_DIR
from deepreview.workspace.sweep import Leftover, sweep

# `atomicfile._temp_name`: `.<name>.<8 hex digits>.tmp` beside the file it was to replace.
_TEMP: Final = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")
# The store's own files, each written whole under the store's lock (`Store.lock`) only.
_STORE_FILES: Final = (INDEX_HTML, DECLINES_JSON)


def sweep_killed(store: Store, *, seats_next: bool = False) -> list[str]:
    """Remove what the seats of killed reviews left behind; one line per review saying what.
    `seats_next`: seats are about to run, and must not without the folder they write down
    what to clean up after a crash in (StoreError); otherwise a note says it is damaged.
    A store a newer deep-review wrote is left as it is: `seats_next` refuses it (a review
    would write to it), a reader sweeps nothing (`store.newer`)."""
    if seats_next:
        store.refuse_if_newer()
    elif unknown_in(store.root / INDEX):
        return []
    _sweep_temp_files(store.root)
    _sweep_store_temp_files(store)
    folder = store.root / LEDGER_DIR
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        # Seats would run without crash cleanup: a kill would leak worktrees and homes
        # (with copies of the agents' credentials) and leave agents running.
        damaged = f"store damaged: {folder} is not a folder; remove it"
        if seats_next:
            raise StoreError(damaged)
        return [f"{damaged} (until then a killed review's seats are not cleaned up)"]
    if not folder.is_dir():
        return []
    by_review: dict[str, list[Leftover]] = defaultdict(list)
    for left in sweep(store.root / LEDGER_DIR):
        by_review[left.owner].append(left)
    return [_note(rid, lefts) for rid, lefts in sorted(by_review.items())]


def _note(review_id: str, lefts: list[Leftover]) -> str:
    trees = [x for x in lefts if x.kind == "worktree" and x.removed]
    homes = [x for x in lefts if x.kind == "home" and x.removed]
    seats = sum(x.kind == "group" and x.removed and x.of == "seat" for x in lefts)
    tests = sum(x.kind == "group" and x.removed and x.of == "tests" for x in lefts)
    kept = [x for x in lefts if not x.removed and x.kind != "group"]
    done: list[str] = []
    if trees:
        repos = ", ".join(sorted({str(x.repo) for x in trees}))
        done.append(f"{_count(len(trees), 'leftover seat worktree')} of {repos}")
    if homes:
        done.append(_count(len(homes), "home folder" if trees else "leftover seat home folder"))
    said = [f"removed {' and '.join(done)}"] if done else []
    if seats or tests:
        # first: a seat still running after its review was killed was spending money
        groups = [_count(seats, "seat process group")] if seats else []
        groups += [_count(tests, "test run process group")] if tests else []
        said.insert(0, f"stopped {' and '.join(groups)} still running")
    if kept:
        paths = ", ".join(str(x.path) for x in kept)
        said.append(f"left {paths} alone: no longer what it made")
    return f"review {review_id} was killed before it cleaned up: {'; '.join(said)}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _temp_names(folder: Path) -> list[tuple[str, Path]]:
    """Each temporary file in `folder`: the name of the file it was to replace, and its path."""
    try:
        with os.scandir(folder) as entries:
            found = [(_TEMP.fullmatch(e.name), Path(e.path)) for e in entries if e.is_file()]
    except OSError:
        return []
    return [(m["name"], path) for m, path in found if m is not None]


def _sweep_temp_files(root: Path) -> None:
    """A review's temporary files (its report's beside it in the store root, its folder's)
    that a SIGKILL left halfway through a write: removed while this process holds the review's
    lock, so never a file a process working on the review is writing now. Silent: they held
    nothing the review still needs (the file they were to replace is as it was)."""
    in_root: dict[str, list[Path]] = defaultdict(list)
    for name, path in _temp_names(root):
        in_root[name].append(path)
    try:
        with os.scandir(root) as entries:
            folders = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return
    for review_id in folders:
        if not plain_id(review_id):
            continue
        reports = (r.file_name(review_id) for r in RENDERERS)
        left = [p for name in reports for p in in_root.get(name, [])]
        left += [p for _, p in _temp_names(root / review_id)]
        if not left:
            continue
        # a held lock: a process works on it, or no deep-review ever did
        _remove_holding(root / review_id / RUN_LOCK, left)


def _sweep_store_temp_files(store: Store) -> None:
    """The temporary files of the store's own files (`_STORE_FILES`) that a SIGKILL left
    halfway through a write: removed while this process holds the store's lock, which every
    writer of those files holds, so never one being written now (a held lock: left for the
    next command, not waited for). Silent, as a review's are."""
    left = [path for name, path in _temp_names(store.root) if name in _STORE_FILES]
    if not left:
        return
    _remove_holding(store.lock().path, left)  # a held lock: a process writes to the store now


def _remove_holding(lock: Path, paths: list[Path]) -> None:
    """Remove `paths` while holding `lock`; nothing when another process holds it (left for
    the next command, not waited for)."""
    fd = take(lock)
    if fd is None:
        return
    try:
        for path in paths:
            with contextlib.suppress(OSError):
                path.unlink()
    finally:
        release(fd)
