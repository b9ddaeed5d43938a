"""A review's row in the store index (`reviews` table): its fields, its columns, and how a
row read back is checked and brought in line with the review's run.json.

Apart from `Store`, which opens the index and runs the statements: what a row *is* does not
change with how the index is reached, and `list`, `reindex` and the rounds build rows of
their own.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from deepreview.store.repository import Repository
from deepreview.store.runlock import read_run_json, run_status


@dataclass(frozen=True)
class ReviewRow:
    id: str
    created_at: str
    repo: str
    target: str
    kind: str
    base_sha: str
    head_sha: str
    status: str
    verdict: str
    critical: int
    important: int
    suggestions: int
    reviewers: tuple[str, ...]
    series: str
    branch: str = ""
    round_no: int = 0  # its round in its series, once `Store.round_for` handed it out
    repo_key: str = ""  # which repository (`targets.identity`); "" when stored before it was kept

    @property
    def repository(self) -> Repository:
        return Repository(self.repo_key, self.repo)

    @property
    def in_series(self) -> bool:
        return in_series(self.series, self.branch, self.kind)


def holds_round(row: ReviewRow) -> bool:
    """Whether the review holds its round number: one stopped before its report (status
    `interrupted`, as run.json and its free run lock tell) holds none, as `list` shows, until
    a resume hands it one again (`Store.round_for`)."""
    return bool(row.round_no) and row.status != "interrupted"


def shown_round(row: ReviewRow) -> int:
    """The round `list` and the store's index page show for the review (0: none)."""
    return row.round_no if holds_round(row) else 0


def in_series(series: str, branch: str, kind: str) -> bool:
    """Whether a review has rounds: one of a PR or a branch does; a range's (unless it joined a
    PR's series) and an `--uncommitted` review's do not. The report, `list` and `reindex` all
    ask this, so they agree on whether a review has a Round."""
    return kind != "uncommitted" and bool(series or branch)


# The `reviews` columns of a whole row, in `ReviewRow`'s field order.
ROW_COLUMNS: Final = (
    "id, created_at, repo, target, kind, base_sha, head_sha, status, verdict,"
    " critical, important, suggestions, reviewers, series, branch, round_no, repo_key"
)


class DamagedRow(ValueError):
    """An index row that is not as deep-review wrote it; says which review and what is wrong."""


def row_values(row: ReviewRow) -> tuple[Any, ...]:
    """`row` as the values of `ROW_COLUMNS` (the reviewers as a JSON list)."""
    return (
        *dataclasses.astuple(row)[:12],
        json.dumps(list(row.reviewers), allow_nan=False),
        row.series,
        row.branch,
        row.round_no,
        row.repo_key,
    )


def row_from(r: tuple[Any, ...]) -> ReviewRow:
    """An index row (the values of `ROW_COLUMNS`) as deep-review wrote it; one edited by hand
    into something else is refused by name (a traceback later on, or a silently wrong list, is
    worse): `DamagedRow`."""
    try:
        reviewers = json.loads(r[12])
        if not isinstance(reviewers, list) or not all(isinstance(x, str) for x in reviewers):
            raise ValueError("not a JSON list of names")
        if not all(isinstance(r[i], int) for i in (9, 10, 11, 15)):
            raise ValueError("a count or round number is not a whole number")
        if not all(isinstance(r[i], str) for i in (*range(9), 13, 14, 16)):
            raise ValueError("a text column is not text")
    except (TypeError, ValueError) as exc:
        raise DamagedRow(f"has a damaged row for review {r[0]!r} ({exc})") from exc
    return ReviewRow(
        id=r[0],
        created_at=r[1],
        repo=r[2],
        target=r[3],
        kind=r[4],
        base_sha=r[5],
        head_sha=r[6],
        status=r[7],
        verdict=r[8],
        critical=r[9],
        important=r[10],
        suggestions=r[11],
        reviewers=tuple(reviewers),
        series=r[13],
        branch=r[14],
        round_no=r[15],
        repo_key=r[16],
    )


def follow_run_json(root: Path, row: ReviewRow) -> ReviewRow:
    """The row as run.json tells it (`run_status`): run.json is written first and is the
    record of truth. A review killed outright kept the row it was given before any seat ran:
    its reviewers are read from run.json too, so a seat that finished is no "not finished"."""
    if row.status == "complete":
        return row
    document = read_run_json(root / row.id)
    status = run_status(root / row.id, document)
    if status is None or status == row.status:
        return row
    verdict = {"failed": "Failed", "complete": row.verdict}.get(status, "Unknown")
    reviewers = row.reviewers if status == "complete" else _asked_in(document)
    return dataclasses.replace(
        row, status=status, verdict=verdict, reviewers=reviewers or row.reviewers
    )


# A seat without a review, as a report-less row names it; a seat still owed is "not finished".
_NOT_REVIEWED: Final = {"failed": "failed", "timeout": "timed out", "skipped": "skipped"}


def asked_reviewer(display_name: str, status: str, reviewed: bool) -> str:
    """A seat of a review without a report, as its row names it: by name once it reviewed,
    else with why not."""
    if reviewed:
        return display_name
    return f"{display_name} ({_NOT_REVIEWED.get(status, 'not finished')})"


def _asked_in(document: object) -> tuple[str, ...]:
    """Every seat run.json lists, as `asked_reviewer` names it (empty: run.json unreadable)."""
    seats = document.get("seats") if isinstance(document, dict) else None
    if not isinstance(seats, dict):
        return ()
    try:
        return tuple(
            asked_reviewer(
                str(entry["display_name"]),
                str(entry["status"]),
                isinstance(entry.get("run"), dict) and entry["run"].get("status") == "ok",
            )
            for entry in seats.values()
        )
    except (KeyError, TypeError, AttributeError):
        return ()
