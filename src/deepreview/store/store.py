"""`Store`: where reviews live on disk, and the SQLite index behind `list` / `show`.

Layout of a store root (one per reviewed repository by default):

    index.sqlite  index.html
    .workspaces/                            what running seats made outside the store
    <ID>.md  <ID>.json  <ID>.html           the report
    <ID>/run.json                           target, seats, timings, status
    <ID>/prompt-<seat>.md                   what each seat was asked (redacted)
    <ID>/review-<seat>-pass-<n>.md          each seat's final text
    <ID>/transcript-<seat>-pass-<n>.jsonl   its raw stdout (redacted)
    <ID>/stderr-<seat>-pass-<n>.log

Where the folder itself may be, what a review ID may be, the lock and the atomic writes are
`store.root` (`StoreRoot`); what an index row holds, and how one read back is checked, is
`store.rows`.
"""

from __future__ import annotations

import contextlib
import json
import shlex
import sqlite3
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, Final

from deepreview import lockfile
from deepreview.errors import StoreError, StoreNewerError, UsageError
from deepreview.lockfile import note_wait
from deepreview.runmodel import format_duration
from deepreview.store.dates import newest_first_key
from deepreview.store.migrations import migrate, unknown_migrations
from deepreview.store.newer import refusal, say_read_only, unknown_in
from deepreview.store.redact import index_name
from deepreview.store.repository import Repository
from deepreview.store.root import INDEX, StoreRoot, plain_id, store_error
from deepreview.store.rows import (
    ROW_COLUMNS,
    DamagedRow,
    ReviewRow,
    follow_run_json,
    holds_round,
    in_series,
    row_from,
    row_values,
)
from deepreview.store.write_error import index_write_hint

INDEX_WAIT_S: Final = 60.0  # how long a command waits for another process's index write
_INDEX_WRITER: Final = "another process is writing to the store index"


def _locked(exc: sqlite3.OperationalError) -> bool:
    return str(exc).startswith(("database is locked", "database table is locked"))


def lost_schema(exc: sqlite3.OperationalError) -> bool:
    """A table or column deep-review made is gone (dropped by hand, an index written by
    something else): a damaged index, not a full disk or a permission."""
    return str(exc).startswith(("no such table", "no such column"))


class Store(StoreRoot):
    """A review store: its root folder (`StoreRoot`), the SQLite index and the review folders."""

    # -- index ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _db(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """The migrated index; `write`: the caller changes it, refused for an index a newer
        deep-review wrote (`store.newer`), which is opened for reading only."""
        self._refuse_a_long_path()
        if (self.root / INDEX).is_dir():
            # SQLite says only "unable to open database file"; `reindex` moves it aside.
            raise StoreError(self.damaged("is a folder, not a file"))
        try:
            db = sqlite3.connect(self.root / INDEX, timeout=INDEX_WAIT_S)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store index in {self.root}: {exc}") from exc
        try:
            self._note_a_wait(db)
            newer = unknown_migrations(db)
            if newer and write:
                raise StoreNewerError(refusal(self.root, newer))
            if newer:
                db.execute("PRAGMA query_only = ON")  # whatever a read does, nothing is written
                say_read_only(self.root, newer)
            else:
                migrate(db)
            yield db
        except sqlite3.OperationalError as exc:
            if lost_schema(exc):
                raise StoreError(self.damaged(f"lacks part of its schema ({exc})")) from exc
            if _locked(exc):
                raise StoreError(
                    f"timed out after {format_duration(INDEX_WAIT_S)} waiting for "
                    f"{self.root / INDEX}: {_INDEX_WRITER}; try again once it is done"
                ) from exc
            # No resume advice here: what failed may be a `list`; a review adds its own.
            hint = index_write_hint(self.root, str(exc))
            raise StoreError(
                f"cannot update the store index in {self.root}: {exc}; {hint} or pass --store DIR"
            ) from exc
        except sqlite3.DatabaseError as exc:
            # Not a database, or a damaged one: the review folders still hold every review.
            raise StoreError(self.damaged(f"is damaged ({exc})")) from exc
        finally:
            db.close()

    def _note_a_wait(self, db: sqlite3.Connection) -> None:
        """Say so when waiting on another process's write (`BEGIN EXCLUSIVE` in a tool) lasts
        (`lockfile.NOTE_AFTER_S`): SQLite itself waits in silence. A read that cannot start
        by then is the sign; its error, if any other, is left to the first real statement."""
        db.execute(f"PRAGMA busy_timeout = {int(lockfile.NOTE_AFTER_S * 1000)}")
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.OperationalError as exc:
            if _locked(exc):
                note_wait(self.root / INDEX, _INDEX_WRITER)
        except sqlite3.DatabaseError:
            pass  # not a database: `migrate` says it, as before
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(INDEX_WAIT_S * 1000)}")

    def damaged(self, what: str) -> str:
        """The one line for an index that cannot be read as deep-review wrote it."""
        return (
            f"the store index {self.root / INDEX} {what}; run "
            f"`deep-review reindex --store {shlex.quote(str(self.root))}` to rebuild it from the "
            "review folders"
        )

    @contextlib.contextmanager
    def index(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """The migrated index, for store modules that keep tables of their own (history)."""
        with self._db(write=write) as db:
            yield db

    def refuse_if_newer(self) -> None:
        """Before a command changes the store: one line if a newer deep-review wrote its
        index, with nothing touched (not even its folder made or its lock taken)."""
        newer = unknown_in(self.root / INDEX)
        if newer:
            raise StoreNewerError(refusal(self.root, newer))

    def ensure_writable(self, *, store: bool = True) -> None:
        if store:
            self.refuse_if_newer()
        super().ensure_writable(store=store)

    # -- review folders ----------------------------------------------------------------
    def create_review_dir(self, review_id: str) -> tuple[str, Path]:
        """Make `<ID>/` exclusively; concurrent runs in the same second get `-2`, `-3`... An ID
        a review deleted by hand left behind (its index row, its report files) is not reused:
        the new review would take over that row's round and SHAs; nor one a recorded decline
        names (declines outlive their review): the new review would take it as its own."""
        self.ensure_writable()
        ghosts = set(self.ghost_ids()) | self._declined_ids()
        for n in range(1, 100):
            rid = review_id if n == 1 else f"{review_id}-{n}"
            path = self.root / rid
            if rid in ghosts or self.report_files(rid):
                continue
            try:
                path.mkdir()
                return rid, path
            except FileExistsError:
                continue
            except OSError as exc:
                raise store_error("create", path, exc) from exc
        raise StoreError(f"too many reviews named {review_id} in {self.root}")

    def review_dir(self, review_id: str) -> Path:
        path = self.root / review_id
        if plain_id(review_id) and path.is_dir():
            return path
        left = self.report_files(review_id)
        if left:
            # Deleted by hand, folder first: what `open` and `relead` need is gone.
            raise UsageError(
                f"the folder of review {review_id} ({path}) is gone, only its report files "
                f"remain ({', '.join(p.name for p in left)}); `deep-review show {review_id}` "
                f"prints the report, `deep-review delete {review_id}` removes the rest"
            )
        raise self.unknown_id(review_id)

    def _named_by_file(self, given: str) -> tuple[str, str] | None:
        """The review whose folder or report file `given` is (`ID/`, `./ID.md`: tab completion
        in the store), and which of them; None when it names none. Only offered, never taken
        for the ID: `delete` would remove the review."""
        from deepreview.formats import RENDERERS

        name = PurePosixPath(given.replace("\\", "/").rstrip("/")).name
        suffix = next((r.suffix for r in RENDERERS if name.endswith(r.suffix)), "")
        rid = name.removesuffix(suffix) if suffix else name
        if rid == given or not plain_id(rid):
            return None
        if not ((self.root / rid).is_dir() or self.report_files(rid)):
            return None
        return rid, f"{suffix} report file" if suffix else "folder"

    def unknown_id(self, review_id: str) -> UsageError:
        """The line for an ID no review has. An ID typed short (the date of `list`'s first
        column) names the reviews it begins, never taken for one of them: `delete` would
        remove it."""
        try:
            begun = sorted(
                d.name
                for d in self.root.iterdir()
                if d.name.startswith(review_id) and plain_id(d.name) and d.is_dir()
            )
        except OSError:
            begun = []
        if review_id in begun:
            return self._unrecorded(review_id)
        meant = self._named_by_file(review_id)
        if meant is not None:
            rid, what = meant
            return UsageError(
                f"no review {review_id!r} in {self.root}; did you mean {rid}? ({review_id} "
                f"names review {rid}'s {what}; give the ID alone)"
            )
        if not review_id or not begun:
            return UsageError(
                f"no review {review_id!r} in {self.root}; see `deep-review list` for IDs"
            )
        if len(begun) == 1:
            return UsageError(
                f"no review {review_id!r} in {self.root}; did you mean {begun[0]}? (give the "
                "whole ID; `deep-review list` lists them)"
            )
        shown = ", ".join(begun[:5]) + (f" and {len(begun) - 5} more" if len(begun) > 5 else "")
        return UsageError(
            f"no review {review_id!r} in {self.root}: it begins the IDs of {len(begun)} reviews "
            f"({shown}); give the whole ID (`deep-review list` lists them)"
        )

    def _unrecorded(self, review_id: str) -> UsageError:
        """A folder of that very name that no review's index row or report names: offering
        the whole ID just typed ("did you mean ID?") sent the user round in a circle."""
        from deepreview.runfiles import RUN_JSON

        folder = self.root / review_id
        if (folder / RUN_JSON).is_file():
            return UsageError(
                f"review {review_id} ({folder}) is not in the store's index; "
                f"`deep-review reindex` adds it from its {RUN_JSON}"
            )
        return UsageError(
            f"{folder} holds no {RUN_JSON} and no report: a review stopped before it wrote its "
            f"record, or its files were removed by hand; `deep-review delete {review_id}` "
            "removes the folder"
        )

    def report_files(self, review_id: str) -> list[Path]:
        """The review's report files in the store root (`<ID>.json`, `<ID>.md`, ...)."""
        from deepreview.formats import RENDERERS

        if not plain_id(review_id):
            return []
        named = (self.root / r.file_name(review_id) for r in RENDERERS)
        return [p for p in named if p.is_file()]

    # -- index -------------------------------------------------------------------------
    def upsert(self, row: ReviewRow) -> None:
        # The series too: a branch found to be the head of an open PR joins the PR's series
        # while its seats run, after its row was first written (run.json and `reindex` say so).
        with self._db(write=True) as db, db:
            db.execute(
                """
                INSERT INTO reviews (id, created_at, repo, target, kind, base_sha, head_sha,
                    status, verdict, critical, important, suggestions, reviewers, series, branch,
                    repo_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET status=excluded.status, verdict=excluded.verdict,
                    critical=excluded.critical, important=excluded.important,
                    suggestions=excluded.suggestions, reviewers=excluded.reviewers,
                    series=excluded.series
                """,
                (
                    row.id,
                    row.created_at,
                    row.repo,
                    row.target,
                    row.kind,
                    row.base_sha,
                    row.head_sha,
                    row.status,
                    row.verdict,
                    row.critical,
                    row.important,
                    row.suggestions,
                    json.dumps(list(row.reviewers), allow_nan=False),
                    row.series,
                    row.branch,
                    row.repo_key,
                ),
            )

    def rows(self) -> list[ReviewRow]:
        """Every review, newest first; a row's status follows its run.json (see `stale_rows`).
        A row whose folder was deleted by hand is no review any more (see `ghost_ids`).
        Newest in UTC: the index orders `created_at` as text, and run.json may hold any offset
        (`store.dates`); one that is no date comes last."""
        rows = [
            follow_run_json(self.root, row)
            for row in self._index_rows()
            if (self.root / row.id).is_dir()
        ]
        return sorted(rows, key=lambda r: newest_first_key(r.created_at, r.id), reverse=True)

    def stale_rows(self) -> list[ReviewRow]:
        """Rows whose index entry lags run.json (an update lost to a full disk), as they
        should read; `pipeline.index_step.repair_index` writes them back."""
        rows = [r for r in self._index_rows() if (self.root / r.id).is_dir()]
        return [new for old, new in zip(rows, map(self._follow, rows), strict=True) if new != old]

    def _follow(self, row: ReviewRow) -> ReviewRow:
        return follow_run_json(self.root, row)

    def _index_rows(self) -> list[ReviewRow]:
        if not (self.root / INDEX).exists():
            return []
        with self._db() as db:
            cur = db.execute(f"SELECT {ROW_COLUMNS} FROM reviews ORDER BY created_at DESC, id DESC")
            return [self._row_from(r) for r in cur.fetchall()]

    def _row_from(self, r: tuple[Any, ...]) -> ReviewRow:
        try:
            return row_from(r)
        except DamagedRow as exc:
            raise StoreError(self.damaged(str(exc))) from exc

    def ghost_rows(self) -> list[ReviewRow]:
        """Index rows whose review folder is gone (deleted by hand): `rows` leaves them out;
        they stay in the index until `reindex` or `delete`, so that their round numbers are
        not handed out again and a later round can say the review was deleted."""
        return [r for r in self._index_rows() if not (self.root / r.id).is_dir()]

    def ghost_ids(self) -> list[str]:
        return [r.id for r in self.ghost_rows()]

    def _declined_ids(self) -> set[str]:
        """The reviews declines were recorded on, deleted since or not."""
        if not (self.root / INDEX).exists():
            return set()
        with self._db() as db:
            return {str(rid) for (rid,) in db.execute("SELECT DISTINCT review_id FROM declines")}

    def round_numbers(self) -> dict[str, int]:
        """Every indexed review's round number (0: none handed out), read without the rest
        of its row, which may be the damaged part."""
        if not (self.root / INDEX).exists():
            return {}
        with self._db() as db:
            found = db.execute("SELECT id, round_no FROM reviews").fetchall()
        return {str(rid): n if isinstance(n, int) else 0 for rid, n in found}

    def forget(self, review_ids: list[str]) -> None:
        """Drop reviews from the index (their row and cached facts; declines stay: they are
        the series' decisions, not the review's)."""
        with self._db(write=True) as db, db:
            for table, column in (
                ("reviews", "id"),
                ("seat_facts", "review_id"),
                ("lead_facts", "review_id"),
            ):
                db.executemany(
                    f"DELETE FROM {table} WHERE {column} = ?", [(rid,) for rid in review_ids]
                )

    def forget_all_facts(self) -> None:
        """Drop every review's cached per-seat and lead facts (`reindex`): the reports they
        came from may have been deleted or damaged since; `store.history` computes them again
        from the reports there."""
        with self._db(write=True) as db, db:
            for table in ("seat_facts", "lead_facts"):
                db.execute(f"DELETE FROM {table}")

    def put_rows(self, rows: list[ReviewRow], *, replace: bool) -> None:
        """Write whole rows, round numbers included (a rebuilt index): `replace` overwrites
        rows already there, else they are kept (another process may be writing them)."""
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        with self._db(write=True) as db, db:
            db.executemany(
                f"{verb} INTO reviews ({ROW_COLUMNS}) VALUES ({', '.join('?' * 17)})",
                [row_values(r) for r in rows],
            )

    def get(self, review_id: str) -> ReviewRow:
        for row in self.rows():
            if row.id == review_id:
                return row
        raise self.unknown_id(review_id)

    def round_for(
        self,
        series: str,
        branch: str,
        created_at: str,
        review_id: str,
        kind: str = "",
        *,
        repo: Repository,
    ) -> int:
        """This review's round in its PR's or branch's series (either one matches) of `repo`,
        handed out once and kept in its index row: a resume or relead finds the same number. A
        new number follows every number handed out and every complete review of the series, so
        reviews that finish at the same time, or in another order than they started, each get
        their own. A review in no series (`in_series`: a range, an `--uncommitted` review) has no
        round: 0, and its report shows none, as `list` does.
        """
        if not in_series(series, branch, kind):
            return 0
        series, branch = index_name(series), index_name(branch)  # as the index keeps them
        # Read the index, pick the number, write it: one step across processes (`flock`, which
        # the kernel releases however its holder ends), else two reviews read the same rows.
        with self.lock():
            # A review deleted by hand (a ghost row) still holds its number: the next round
            # after it is not a second round of that number.
            rows = [
                r
                for r in (*self.rows(), *self.ghost_rows())
                if r.kind != "uncommitted"
                and ((series and r.series == series) or (branch and r.branch == branch))
                and repo.holds(r.repo_key, r.repo)
            ]
            own = next((r for r in rows if r.id == review_id), None)
            others = [r for r in rows if r.id != review_id]
            # A review stopped before its report (Ctrl-C, kill -9 during the lead or while the
            # report is written) holds no number: the next review is the next round, and a
            # resume of it takes a number again — its own unless another took it meanwhile.
            ghosts = {r.id for r in rows if not (self.root / r.id).is_dir()}
            held = {r.round_no for r in others if holds_round(r) or r.id in ghosts}
            if own is not None and own.round_no and own.round_no not in held:
                return own.round_no
            complete = [r for r in others if r.status == "complete"]
            if own is not None and own.status == "complete" and not own.round_no:
                # Stored before numbers were kept (a relead): counted as it was then.
                number = 1 + sum(r.created_at <= created_at for r in complete)
            else:
                number = 1 + max([len(complete), *held])
            if own is not None:
                with self._db(write=True) as db, db:
                    db.execute("UPDATE reviews SET round_no = ? WHERE id = ?", (number, review_id))
            return number
