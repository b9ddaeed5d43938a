"""The reviewers table's cells, as `deep-review stats` prints them and the store's index.html
Reviewers panel shows them: one home, so that the two never say different things."""

from __future__ import annotations

from typing import Final

from deepreview.runmodel import format_duration, format_usd
from deepreview.stats.aggregate import SeatStats, StatsTable

COLUMNS: Final = (
    "Seat",
    "Model",
    "Reviews",
    "Raised",
    "Survival",
    "False pos.",
    "Downgr.",
    "Unique",
    "Cov. misses",
    "Median / p90",
    "Tokens in / out",
    "Cost",
    "$ / surviving",
    "$ / unique",
    "Failures",
)


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def tokens(value: int | None) -> str:
    if value is None:
        return "—"
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    return f"{value / 1000:.1f}k" if value >= 1000 else str(value)


def _led(s: SeatStats, count: int) -> str:
    # As Survival: "n/a" when no review of the seat had a lead to judge its findings.
    value = s.led(count)
    return "n/a" if value is None else str(value)


def row_cells(s: SeatStats) -> tuple[str, ...]:
    """One seat's row, in `COLUMNS` order."""
    # Reviews read but cut off or unread are no failures (the rate stays), but are said beside
    # them: `0 (+1 cut off)`, `1 (50%; +1 unread)`.
    said = [pct(s.failure_rate)] if s.failures else []
    said += [f"+{n} {what}" for n, what in ((s.cut_off, "cut off"), (s.unread, "unread")) if n]
    fail = f"{s.failures} ({'; '.join(said)})" if said else "0"
    return (
        s.seat,
        s.model or "—",
        str(s.reviews),
        f"{s.critical}C {s.important}I {s.suggestion}S",
        pct(s.survival),
        _led(s, s.false_positives),
        _led(s, s.downgraded),
        str(s.unique_insights) + (f" (+{s.reraised} re-raised)" if s.reraised else ""),
        str(s.coverage_misses),
        f"{format_duration(s.duration_median_s)} / {format_duration(s.duration_p90_s)}",
        f"{tokens(s.tokens_in)} / {tokens(s.tokens_out)}",
        format_usd(s.cost_usd),
        format_usd(s.cost_per_surviving),
        format_usd(s.cost_per_unique),
        fail,
    )


def no_lead_note(table: StatsTable) -> str | None:
    """What the reviews consolidated without a lead count, when there were some."""
    without = table.reviews - table.reviews_with_lead
    if not table.reviews or not without:
        return None
    if table.reviews == 1:
        which = "The one review had no lead: it counts"
    else:
        which = f"{without} of {table.reviews} reviews had no lead: " + (
            "it counts" if without == 1 else "they count"
        )
    return (
        f"{which} raised findings, unique insights, coverage, time and cost only (survival, "
        "false positives, downgrades and drops need the lead's decisions)."
    )
