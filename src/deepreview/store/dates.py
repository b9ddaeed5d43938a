"""When a review was created, as every reader of the store shows it: run.json's `created_at`
in UTC. The store writes it with the local offset; a run.json edited by hand may hold another
offset, none (taken as UTC), or no date at all — shown as unknown, with one note, never a crash.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

UNKNOWN: Final = "unknown"


def utc_time(created_at: str) -> str | None:
    """`created_at` as an ISO 8601 UTC time, which sorts and compares as text; None when it
    is no date."""
    try:
        when = datetime.fromisoformat(created_at)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat()


def shown_time(created_at: str) -> str:
    """`2026-12-01 08:00` (UTC, to the minute) for a table cell; `unknown` when no date."""
    when = utc_time(created_at)
    return UNKNOWN if when is None else when.replace("T", " ")[:16]


def newest_first_key(created_at: str, review_id: str) -> tuple[str, str]:
    """Sort key, with `reverse=True`, for newest first: one with no date comes last."""
    return utc_time(created_at) or "", review_id


def no_date_note(review_id: str, created_at: str) -> str:
    return f"{review_id}: its created_at {created_at!r} (run.json) is no date"
