"""Declined findings in the store index: `decline`, `declines`, `undecline`.

Keyed by repository + series + finding fingerprint (`consolidate.fingerprint`), so a decline
still matches when a later round numbers the finding differently, and a decline in one
repository of a shared store is none in another (`store.Repository`).
"""

from __future__ import annotations

from dataclasses import dataclass

from deepreview.store.repository import Repository
from deepreview.store.store import Store


@dataclass(frozen=True)
class Decline:
    series: str
    fingerprint: str
    review_id: str
    finding_id: str
    title: str
    path: str
    start_line: int | None
    end_line: int | None
    reviewed_sha: str
    round: int
    reason: str
    created_at: str
    repo_key: str = ""  # the review's repository (`ReviewRow.repo_key`)
    repo: str = ""  # its name; "" for a decline from before keys whose review was deleted

    @property
    def location(self) -> str:
        if self.start_line is None:
            return self.path
        if self.end_line in (None, self.start_line):
            return f"{self.path}:{self.start_line}"
        return f"{self.path}:{self.start_line}-{self.end_line}"


_COLUMNS = (
    "series, fingerprint, review_id, finding_id, title, path, start_line, end_line,"
    " reviewed_sha, round, reason, created_at, repo_key, repo"
)


def add_decline(store: Store, d: Decline) -> None:
    with store.lock(), store._db() as db, db:
        # The same decline recorded before repositories were told apart: this one replaces it.
        db.execute(
            "DELETE FROM declines WHERE repo_key = '' AND series = ? AND fingerprint = ?"
            " AND repo IN ('', ?)",
            (d.series, d.fingerprint, d.repo),
        )
        db.execute(
            f"INSERT OR REPLACE INTO declines ({_COLUMNS}) VALUES ({', '.join('?' * 14)})",
            (
                d.series,
                d.fingerprint,
                d.review_id,
                d.finding_id,
                d.title,
                d.path,
                d.start_line,
                d.end_line,
                d.reviewed_sha,
                d.round,
                d.reason,
                d.created_at,
                d.repo_key,
                d.repo,
            ),
        )


def list_declines(
    store: Store, series: str | None = None, repo: Repository | None = None
) -> list[Decline]:
    """The store's declines, of one series and of one repository when given."""
    if not (store.root / "index.sqlite").exists():
        return []
    with store._db() as db:
        sql = f"SELECT {_COLUMNS} FROM declines"
        args: tuple[str, ...] = ()
        if series:
            sql += " WHERE series = ?"
            args = (series,)
        rows = db.execute(sql + " ORDER BY created_at, review_id, finding_id", args).fetchall()
    found = [Decline(*r) for r in rows]
    return [d for d in found if repo is None or repo.holds(d.repo_key, d.repo)]


def declines_from(store: Store, review_id: str) -> list[Decline]:
    """The declines recorded from findings of `review_id`. Two may carry one finding ID: a
    relead renumbered the review's findings and the new holder of that ID was declined too."""
    if not (store.root / "index.sqlite").exists():
        return []
    with store._db() as db:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM declines WHERE review_id = ? ORDER BY created_at",
            (review_id,),
        ).fetchall()
    return [Decline(*r) for r in rows]


def remove_decline(store: Store, d: Decline) -> bool:
    """Remove the decline `d` (by its key: repository, series, fingerprint); False when it is
    gone already."""
    with store.lock(), store._db() as db, db:
        cur = db.execute(
            "DELETE FROM declines WHERE repo_key = ? AND series = ? AND fingerprint = ?"
            " AND review_id = ?",
            (d.repo_key, d.series, d.fingerprint, d.review_id),
        )
        return cur.rowcount > 0
