"""The store's review history for panel analytics: per-seat facts of every complete review.

Facts are computed from a review's report when it is stored (`record_facts`) and kept in the
index's `seat_facts` and `lead_facts` tables. Reviews stored before those tables existed (or
with facts of an older version) are computed from their `<ID>.json` on first read and cached.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from typing import Final, TypeVar

from deepreview.errors import ParseError, StoreError
from deepreview.model import Report
from deepreview.runfiles import RUN_JSON
from deepreview.stats.aggregate import ReviewFacts
from deepreview.stats.facts import LeadFacts, SeatFacts, lead_facts, seat_facts
from deepreview.store.dates import no_date_note, utc_time
from deepreview.store.repository import Repository
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store

# Bump when `SeatFacts` / `LeadFacts` or how they are computed changes: cached rows are then
# recomputed. 2: the lead's facts (`lead_facts`) are cached beside the seats'. 3: a finding
# carried from an earlier round is no unique insight; an "unparseable review" failure is no crash.
# 4: nor is one a seat alone raised again after an earlier round reported it (`reraised`).
# 5: a review with no finding is unparseable only when `findings.readable` says it is no review
# ("No issues found." alone was counted as one). 6: a run's duration is the measured one the
# retro shows, not the agent CLI's own figure. 7: findings the lead made no decision about
# (`undecided`) are not counted as kept by it; no unique insight without another seat's review.
# 8: whether another seat's review was beside it (`compared`: `--panel auto` judges by those).
# 9: whether its review was cut off or its findings text unread (`cut_off`, `unread`).
FACTS_VERSION: Final = 9


@dataclass(frozen=True)
class Scope:
    """Which reviews count. `repo` None: every repository in the store."""

    repo: Repository | None = None
    since: str | None = None  # YYYY-MM-DD: reviews created on or after that day
    series: str | None = None  # `pr:123` or `branch:feature/x`

    def admits(self, row: ReviewRow) -> bool:
        if row.status != "complete":
            return False
        if self.repo is not None and not self.repo.holds(row.repo_key, row.repo):
            return False
        if self.since is not None:
            when = utc_time(row.created_at)
            # No date at all: admitted, so that `load_history` leaves it out with a note.
            if when is not None and when[:10] < self.since:
                return False
        # An `--uncommitted` row in a series: stored so by an older version (see `series_of`).
        return self.series is None or (row.series == self.series and row.kind != "uncommitted")


@dataclass(frozen=True)
class History:
    reviews: tuple[ReviewFacts, ...]  # oldest first
    skipped: tuple[str, ...]  # one line per review whose report could not be read


_Facts = tuple[tuple[SeatFacts, ...], LeadFacts]


def record_facts(store: Store, review_id: str, report: Report) -> None:
    """Store the review's per-seat and lead facts, replacing earlier ones (a relead changes
    them)."""
    _write(store, review_id, (seat_facts(report), lead_facts(report)))


def forget_facts(store: Store, review_id: str) -> None:
    """Drop the review's cached facts: the next read computes them again from its report."""
    with store.index(write=True) as db, db:
        for table in ("seat_facts", "lead_facts"):
            db.execute(f"DELETE FROM {table} WHERE review_id = ?", (review_id,))


def _write(store: Store, review_id: str, facts: _Facts) -> None:
    seats, lead = facts
    with store.index(write=True) as db, db:
        db.execute("DELETE FROM seat_facts WHERE review_id = ?", (review_id,))
        db.executemany(
            "INSERT INTO seat_facts (review_id, position, seat, version, data)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (review_id, n, f.seat, FACTS_VERSION, json.dumps(asdict(f), allow_nan=False))
                for n, f in enumerate(seats)
            ],
        )
        db.execute(
            "INSERT OR REPLACE INTO lead_facts (review_id, version, data) VALUES (?, ?, ?)",
            (review_id, FACTS_VERSION, json.dumps(asdict(lead), allow_nan=False)),
        )


def _cached(store: Store) -> dict[str, _Facts]:
    seats: dict[str, list[SeatFacts]] = {}
    leads: dict[str, LeadFacts] = {}
    stale: set[str] = set()
    with store.index() as db:
        rows = db.execute(
            "SELECT review_id, version, data FROM seat_facts ORDER BY review_id, position"
        ).fetchall()
        lead_rows = db.execute("SELECT review_id, version, data FROM lead_facts").fetchall()
    for review_id, version, data in rows:
        facts = _decoded(SeatFacts, data) if version == FACTS_VERSION else None
        if facts is None:  # an older version, or edited by hand: computed again
            stale.add(review_id)
            continue
        seats.setdefault(review_id, []).append(facts)
    for review_id, version, data in lead_rows:
        lead = _decoded(LeadFacts, data) if version == FACTS_VERSION else None
        if lead is not None:
            leads[review_id] = lead
    # Facts are written together: a review with only one half cached is recomputed whole.
    return {
        review_id: (tuple(facts), leads[review_id])
        for review_id, facts in seats.items()
        if review_id in leads and review_id not in stale
    }


_F = TypeVar("_F", SeatFacts, LeadFacts)


def _decoded(kind: type[_F], data: str) -> _F | None:
    try:
        return kind(**json.loads(data))
    except (TypeError, ValueError):
        return None


def _from_report(store: Store, review_id: str) -> _Facts | None:
    from pydantic import ValidationError

    from deepreview.serialize import report_from_data

    path = store.root / f"{review_id}.json"
    try:
        report = report_from_data(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError, ParseError):
        return None  # unreadable, or written by a newer deep-review: not counted
    return seat_facts(report), lead_facts(report)


def load_history(store: Store, scope: Scope) -> History:
    rows = [r for r in store.rows() if scope.admits(r)]
    unindexed = tuple(
        f"{name}: its run.json cannot be read, so it is in no index "
        "(`deep-review reindex` names the problem)"
        for name in _unindexed(store)
    )
    if not rows:
        return History((), unindexed)
    cached = _cached(store)
    reviews: list[ReviewFacts] = []
    skipped: list[str] = []
    dated: list[tuple[str, ReviewRow]] = []
    for row in rows:
        when = utc_time(row.created_at)
        if when is None:
            skipped.append(no_date_note(row.id, row.created_at))
        else:
            dated.append((when, row))
    for when, row in sorted(dated, key=lambda d: (d[0], d[1].id)):
        # Cached facts count only while their report is there: one deleted by hand since is
        # no review `list` can show the numbers of (a damaged one: `reindex` drops the cache).
        there = (store.root / f"{row.id}.json").is_file()
        facts = cached.get(row.id) if there else None
        if facts is None:
            facts = _from_report(store, row.id)
            if facts is None:
                skipped.append(f"{row.id}: its report {row.id}.json is missing or unreadable")
                continue
            # A read-only store: count the review anyway, just do not cache its facts.
            with contextlib.suppress(StoreError, sqlite3.Error):
                _write(store, row.id, facts)
        seats, lead = facts
        reviews.append(ReviewFacts(row.id, when, row.repo, row.series, seats, lead))
    return History(tuple(reviews), (*skipped, *unindexed))


def _unindexed(store: Store) -> list[str]:
    """Review folders the index has no row for: every read first adds the rows of folders
    whose run.json it can read (`pipeline.reindex.ready`), so these are the ones it cannot."""
    known = store.round_numbers()
    try:
        folders = sorted(d.name for d in store.root.iterdir() if (d / RUN_JSON).is_file())
    except OSError:
        return []  # the rows read above came from this store: nothing more to say
    return [name for name in folders if name not in known]
