"""The store's folder on disk, before any index: which folder may be a review store (no file,
no stranger's folder, no path too long for SQLite), what a review ID may be (`plain_id`), the
store's lock, and atomic writes. `Store` (`store.store`) adds the index and the review folders.

Every file is written atomically (temp file, then rename) so a full disk or a crash never leaves
a half-written report or index behind.
"""

from __future__ import annotations

import errno
import json
import os
import shlex
from pathlib import Path
from typing import Any, Final

from deepreview.atomicfile import replace_bytes
from deepreview.errors import StoreError, UsageError
from deepreview.formats import RENDERERS
from deepreview.lockfile import FileLock
from deepreview.store.declines_file import DECLINES_JSON
from deepreview.store.foreign import STORE_MARK, foreign_entries
from deepreview.store.write_error import store_error
from deepreview.userpaths import path_problem
from deepreview.workspace.ledger import LEDGER_DIR, Ledger

INDEX: Final = "index.sqlite"
INDEX_HTML: Final = "index.html"  # written whole under `Store.lock` (`pipeline.index_step`)
# The names of the store's own files in its root, which no review ID may be (`plain_id`)
_STORE_NAMES: Final = frozenset(Path(name).stem for name in (INDEX, INDEX_HTML, DECLINES_JSON))
_LOCK: Final = ".index.lock"
# SQLite's unix VFS opens no database whose full path passes 512 bytes with its `-journal`
# suffix: the index's path may have 504, so its folder 491 (the rest is "/index.sqlite").
MAX_STORE_PATH: Final = 512 - len("-journal") - len("/" + INDEX)
_MAX_ID_BYTES: Final = 200
_REPORT_SUFFIXES: Final = frozenset(r.suffix for r in RENDERERS)
LOCK_WAIT_S: Final = 120.0  # how long a command waits for another process's `.index.lock`


def _lock_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return f"store damaged: {path} is a folder, not a file; remove it"
    return str(store_error("write to the review store", path, exc))


def plain_id(review_id: str) -> bool:
    """A review ID names one entry of the store root, nothing above or below it, and none of
    the store's own hidden ones (`.workspaces/`, `.index.lock`): no review ID starts with a dot.
    Nor is it the name of one of the store's own files (`index.html` would read as the report
    file of a review `index`, `declines.json` of `declines`): every review ID starts with its
    date."""
    return (
        bool(review_id)
        and "/" not in review_id
        and not review_id.startswith(".")
        and review_id not in _STORE_NAMES
        # `<ID>.sarif` must be a file name the file system allows (review IDs are far shorter)
        and len(os.fsencode(review_id)) <= _MAX_ID_BYTES
    )


def _is_store(folder: Path) -> bool:
    return any(os.path.lexists(folder / mark) for mark in (STORE_MARK, INDEX))


def _near_a_store(root: Path) -> str | None:
    """What `root` is when it is no store but one of a store's entries (a review's folder or
    report file: tab completion in the store stops there) or the folder holding one: a line
    naming the store to pass. Asked only of a path refused as no store (a file, a folder
    holding other files): a new empty folder inside a store may still become one."""
    parent = root.parent
    if _is_store(parent):
        flag = f"pass --store {shlex.quote(str(parent))}"
        if root.is_dir():
            what = f"the folder of review {root.name}" if plain_id(root.name) else "a folder"
            return f"the review store {root} is {what} in the store {parent}, not a store; {flag}"
        rid = root.name.rsplit(".", 1)[0]
        is_report = root.suffix in _REPORT_SUFFIXES and plain_id(rid)
        what = f"a report file of review {rid}" if is_report else "a file"
        return f"the review store {root} is {what} in the store {parent}, not a store; {flag}"
    if not root.is_dir():
        return None
    try:
        stores = sorted(p for p in root.iterdir() if p.is_dir() and _is_store(p))
    except OSError:
        return None
    if len(stores) != 1:
        return None
    (inside,) = stores
    return (
        f"the review store {root} is not a Deep Review store but holds the review store "
        f"{inside}; pass --store {shlex.quote(str(inside))}"
    )


class StoreRoot:
    """A review store's root folder (`Store` is one, with its index)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # -- setup -------------------------------------------------------------------------
    def _refuse_a_file(self, *, store: bool = True) -> None:
        if (why := path_problem(self.root)) is not None:
            raise StoreError(
                f"the review store path {self.root} cannot be used: {why}; pass another --store DIR"
            )
        if self.root.exists() and not self.root.is_dir():
            if store and (near := _near_a_store(self.root)) is not None:
                raise StoreError(near)
            raise StoreError(
                f"the review store {self.root} is a file, not a folder; "
                "move it away or pass --store DIR"
            )

    def _refuse_a_foreign_folder(self) -> None:
        # the index, its lock, the seats' ledger: a review killed early leaves only those
        names = foreign_entries(self.root, (INDEX, _LOCK, LEDGER_DIR))
        if names and (near := _near_a_store(self.root)) is not None:
            raise StoreError(near)
        if names:
            shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
            raise StoreError(
                f"the review store {self.root} is not a Deep Review store but a folder holding "
                f"other files ({shown}); nothing was written there: pass --store with a new or "
                "empty folder, or fix the `store` setting"
            )

    def _refuse_a_long_path(self) -> None:
        # SQLite itself says only "unable to open database file", after the seats' setup.
        length = len(os.fsencode(os.path.realpath(self.root)))
        if length > MAX_STORE_PATH:
            raise StoreError(
                f"the review store path {self.root} is too long for its index ({length} bytes, "
                f"at most {MAX_STORE_PATH}); pass a shorter --store DIR"
            )

    def ensure_readable(self, *, named: bool) -> None:
        """Before a command reads the store (`list`, `show`, `stats`, ...): a path that is a
        file is refused as `review` refuses it; so is a folder named with `--store` (`named`)
        that is not there, most likely a typo, rather than read as an empty store. The default
        store of a machine that has reviewed nothing yet reads as empty. A folder holding
        other files is no store (reading one would write an index into it)."""
        self._refuse_a_long_path()
        self._refuse_a_file()
        self._refuse_a_foreign_folder()
        if named and not self.root.exists():
            raise UsageError(
                f"no review store at {self.root}; check the path, or run "
                f"`deep-review review --store {shlex.quote(str(self.root))}` first to make one"
            )

    def ensure_writable(self, *, store: bool = True) -> None:
        """`store=False`: the folder is no review store but a `--seat-only` result folder,
        which checks what it holds itself."""
        if store:
            self._refuse_a_long_path()
        self._refuse_a_file(store=store)
        if store:
            self._refuse_a_foreign_folder()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if store:
                (self.root / STORE_MARK).touch(exist_ok=True)
            probe = self.root / f".probe-{os.getpid()}"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            if not store:  # --seat-only's --out: no store is written, --store changes nothing
                raise store_error(
                    "write the seat result folder", self.root, exc, "pass another --out DIR"
                ) from exc
            raise store_error("write to the review store", self.root, exc) from exc

    def ledger(self, review_id: str) -> Ledger:
        """Where the seats of review `review_id` write down their worktrees and homes until
        they are removed (`workspace.ledger`; `pipeline.leftovers` removes those of a
        review that was killed)."""
        return Ledger(self.root / LEDGER_DIR, review_id)

    def lock(self) -> FileLock:
        return FileLock(
            self.root / _LOCK,
            timeout=LOCK_WAIT_S,
            error=StoreError,
            holder="another deep-review is writing to this store",
            cannot_open=_lock_error,
        )

    def write_text(self, path: Path, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8", errors="surrogateescape"))

    def write_bytes(self, path: Path, data: bytes) -> None:
        try:
            replace_bytes(path, data)
        except OSError as exc:
            raise store_error("write", path, exc) from exc

    def write_json(self, path: Path, data: Any) -> None:
        self.write_text(
            path, json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        )


__all__ = [
    "INDEX",
    "INDEX_HTML",
    "LOCK_WAIT_S",
    "MAX_STORE_PATH",
    "StoreRoot",
    "plain_id",
    "store_error",
]
