"""The store index rebuilt from the review folders, and reviews removed from the store.

The review folders (`<ID>/run.json`) and report files (`<ID>.json`) are the record of truth;
`index.sqlite` is what `list`, `show`, `stats` and the rounds read. A lost index is rebuilt on
first read (`ready`), a damaged one by `deep-review reindex` (`reindex`), and a review folder
deleted by hand is no review any more (`Store.rows` leaves it out, `repair_index` drops it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deepreview.errors import DeepReviewError, StoreError, UsageError
from deepreview.pipeline.index_step import index_row, write_index
from deepreview.pipeline.runstate import load_state, with_repo_key
from deepreview.runfiles import RUN_JSON
from deepreview.store import runlock
from deepreview.store.declines import restore_declines
from deepreview.store.declines_file import DECLINES_JSON
from deepreview.store.root import INDEX, plain_id
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store, lost_schema

if TYPE_CHECKING:
    from deepreview.model import Report


@dataclass(frozen=True)
class Reindexed:
    reviews: int
    skipped: tuple[str, ...]  # one line per review folder that could not be read
    dropped: tuple[str, ...]  # rows whose review folder is gone
    moved_to: Path | None  # where a damaged index was moved
    kept: tuple[str, ...] = ()  # skipped folders whose row stays as it was indexed before
    # the declines taken back from `declines.json` (None: the store has no such file)
    declines_restored: int | None = None


def ready(store: Store, *, writes: bool = False) -> None:
    """Before a command reads the store or a review writes to it: review folders the index
    does not know (a lost index, an empty file, its rows deleted) get their rows back, so no
    reader takes the store for empty and no review for a first round; a damaged index (or row)
    is one line now, before anything is written, rather than a traceback halfway. `writes`:
    the command goes on to change the store, refused first if a newer deep-review wrote it."""
    if writes:
        store.refuse_if_newer()
    if not store.root.is_dir():
        return
    # The cheap check on every read: folder names against the index's IDs, one query; only
    # the folders it does not know are read.
    known = store.round_numbers()
    unknown = [d for d in _review_folders(store) if d.name not in known]
    rows = [row for row, _ in (_try_row(store, d) for d in unknown) if row is not None]
    if rows:
        # INSERT OR IGNORE, no store lock: a review starting now may write its own row, and
        # two readers rebuilding at once write the same rows. Read-only: nothing to keep.
        with contextlib.suppress(StoreError):
            store.put_rows(rows, replace=False)
            with store.lock():
                restore_declines(store)  # a lost index lost them too
                write_index(store)
    store.rows()


def _review_folders(store: Store) -> list[Path]:
    try:
        return sorted(d for d in store.root.iterdir() if (d / RUN_JSON).is_file())
    except OSError as exc:
        raise StoreError(f"cannot read the review store {store.root}: {exc.strerror}") from exc


def _try_row(store: Store, folder: Path) -> tuple[ReviewRow | None, str]:
    try:
        return _folder_row(store, folder), ""
    except DeepReviewError as exc:
        return None, f"{folder.name}: {exc.message}"


def folder_rows(store: Store) -> tuple[list[ReviewRow], list[str]]:
    """One index row per review folder, as its run.json and report tell it."""
    rows: list[ReviewRow] = []
    skipped: list[str] = []
    for folder in _review_folders(store):
        row, why = _try_row(store, folder)
        if row is not None:
            rows.append(row)
        else:
            skipped.append(why)
    return rows, skipped


def _folder_row(store: Store, folder: Path) -> ReviewRow:
    state = load_state(folder)
    report, data = _report(store.root / f"{folder.name}.json")
    row = index_row(folder.name, with_repo_key(state.target), state, state.status, report)
    # The number the report was made with: what `Store.round_for` hands out again. A review in
    # no series has none, whatever an older report's header says ("Round 1").
    return dataclasses.replace(row, round_no=_round_no(data) if row.in_series else 0)


def _report(path: Path) -> tuple[Report | None, dict[str, Any]]:
    from pydantic import ValidationError

    from deepreview.serialize import report_from_data

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return report_from_data(data), data
    except (OSError, ValueError, ValidationError, DeepReviewError):
        return None, {}  # no report yet, or a damaged one: `show` names it


def _round_no(data: dict[str, Any]) -> int:
    info = data.get("round_info")
    if isinstance(info, dict) and isinstance(info.get("number"), int):
        return int(info["number"])
    header = data.get("header")
    text = str(header.get("round") or "") if isinstance(header, dict) else ""
    found = re.match(r"\s*(\d+)", text)  # "3", "3 (of PR #711)"
    return int(found.group(1)) if found else 0


def reindex(store: Store) -> Reindexed:
    """Rebuild the index from the review folders under the store lock. Round numbers already
    handed out are kept; an index that cannot be read is moved aside (its cached facts go with
    it and are computed again; its declines come back from the store's `declines.json`). The
    cached facts are dropped in any case: they were computed from reports that may since have
    been deleted or damaged by hand, and `stats` computes them again from the reports there."""
    store.refuse_if_newer()
    with store.lock():
        moved_to = None
        try:
            known = store.round_numbers()
        except StoreError as exc:
            cause = exc.__cause__
            if isinstance(cause, sqlite3.OperationalError) and not lost_schema(cause):
                raise  # full disk, permissions: nothing damaged, nothing to move
            moved_to = _move_aside(store)
            known = {}
        rows, skipped = folder_rows(store)
        rows = [dataclasses.replace(r, round_no=known.get(r.id) or r.round_no) for r in rows]
        dropped = [rid for rid in known if not (store.root / rid).is_dir()]
        read = {r.id for r in rows}
        # A folder whose run.json cannot be read keeps the row it had: `list` still shows it.
        kept = [rid for rid in known if rid not in read and rid not in dropped]
        # Each of them is named, one whose run.json is gone too (no review folder to `folder_rows`).
        named = {line.split(":", 1)[0] for line in skipped}
        skipped += [_try_row(store, store.root / rid)[1] for rid in kept if rid not in named]
        store.forget(dropped)
        store.forget_all_facts()
        store.put_rows(rows, replace=True)
        has_file = (store.root / DECLINES_JSON).is_file()
        restored = restore_declines(store)
        write_index(store)
    return Reindexed(
        len(rows),
        tuple(skipped),
        tuple(dropped),
        moved_to,
        tuple(kept),
        restored if has_file else None,
    )


def _move_aside(store: Store) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = store.root / f"{INDEX}.damaged-{stamp}"
    try:
        for suffix in ("", "-journal", "-wal", "-shm"):
            path = store.root / f"{INDEX}{suffix}"
            if path.exists():
                path.replace(target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreError(f"cannot move the damaged {store.root / INDEX} aside: {exc}") from exc
    return target


def check_delete(store: Store, review_id: str, *, force: bool) -> str | None:
    """What `delete` refuses, before it asks: a review a process works on now (whatever
    `force` says: that process would go on writing a review that is gone, so it is stopped
    first), and without `force` a round that a later round of its series builds on (the later
    one carries its findings forward by their IDs). Returns a note for a review whose run.json
    says running while no process runs it: it was killed outright."""
    from deepreview.rounds.previous import later_rows

    folder = store.root / review_id
    # Before the prompt and the store's lock: asking to delete a date typed from `list` reads
    # as if a review were about to go, and the lock would make a default store not made yet.
    if not _known(store, review_id):
        raise store.unknown_id(review_id)
    if plain_id(review_id):
        runlock.refuse_running(folder, review_id, then="delete it")
    later = None if force else next(iter(later_rows(store, review_id)), None)
    if later is not None:
        raise UsageError(
            f"review {later.id} is a later round that builds on review {review_id}'s findings; "
            f"delete {later.id} first, or pass --force"
        )
    return _killed_note(folder, review_id)


def _killed_note(folder: Path, review_id: str) -> str | None:
    try:
        run = json.loads((folder / RUN_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no folder or a damaged run.json: nothing ran there
    if not isinstance(run, dict) or run.get("status") != "running":
        return None
    return (
        f"review {review_id} was interrupted: its run.json says running, but no deep-review "
        "process runs it (killed, or the machine restarted)"
    )


def delete_review(store: Store, review_id: str) -> list[Path]:
    """Remove a review: its folder, its report files and its index row (declines recorded
    from it stay: they are the series' decisions). What was removed. Held while it deletes,
    so that no `resume` or `relead` starts on the review meanwhile (`store.runlock`)."""
    folder = store.root / review_id
    with contextlib.ExitStack() as held:
        if plain_id(review_id) and folder.is_dir() and not folder.is_symlink():
            held.enter_context(runlock.holding(folder, review_id, "delete", then="delete it"))
        return _delete(store, review_id)


def _delete(store: Store, review_id: str) -> list[Path]:
    with store.lock():
        folder = store.root / review_id
        files = store.report_files(review_id)
        if not _known(store, review_id):  # again under the lock: deleted meanwhile
            raise store.unknown_id(review_id)
        removed: list[Path] = []
        try:
            if folder.is_symlink():
                folder.unlink()
                removed.append(folder)
            elif folder.is_dir():
                shutil.rmtree(folder)
                removed.append(folder)
            for path in files:
                path.unlink(missing_ok=True)
                removed.append(path)
        except OSError as exc:
            raise StoreError(f"cannot remove {exc.filename or folder}: {exc.strerror}") from exc
        store.forget([review_id])
        write_index(store)
    return removed


def _known(store: Store, review_id: str) -> bool:
    """A review the store holds in any part: its index row, report files or folder."""
    if not plain_id(review_id):
        return False
    return (
        review_id in store.round_numbers()
        or bool(store.report_files(review_id))
        or (store.root / review_id).is_dir()
    )
