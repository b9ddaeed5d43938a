"""Per-seat statistics over many reviews: `aggregate(reviews) -> StatsTable`. Pure.

A seat is its name plus its model (models change; `claude` on Opus 4.5 and on Opus 4.6 are two
rows); a run that failed before naming its model counts on the row of the model the seat last
ran. Survival, false positives, downgrades and drops need the lead's decisions, so they are
counted over reviews that had a lead only; raised findings, unique insights, coverage misses,
durations, tokens and cost count every review the seat took part in. A finding the seat alone
raised again after an earlier round of its series reported it is no unique insight: it is
counted apart (`reraised`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from deepreview.stats.facts import LeadFacts, SeatFacts


@dataclass(frozen=True)
class ReviewFacts:
    """One stored review: its index row's identity and the facts of each seat."""

    review_id: str
    created_at: str  # ISO 8601, sorts as text
    repo: str
    series: str
    seats: tuple[SeatFacts, ...]
    lead_run: LeadFacts | None = None  # None: not known (facts read from an older cache)

    @property
    def lead(self) -> bool:
        return any(s.lead for s in self.seats)


@dataclass(frozen=True)
class SeatStats:
    seat: str
    model: str
    name: str
    family: str
    reviews: int  # reviews the seat took part in
    reviews_with_lead: int
    critical: int
    important: int
    suggestion: int
    raised_with_lead: int  # the denominator of survival: those the lead decided about
    kept: int  # of raised_with_lead
    false_positives: int
    downgraded: int
    dropped: int
    unique_insights: int
    unique_with_lead: int  # unique insights in reviews with a lead: verified ones
    coverage_misses: int
    duration_median_s: float | None
    duration_p90_s: float | None
    tokens_in: int | None
    tokens_out: int | None
    cost_usd: float | None  # None: no run of this seat reported a cost
    cost_median_usd: float | None  # per review, over the reviews that reported one
    cost_with_lead_usd: float | None  # over the reviews with a lead (cost per surviving finding)
    timeouts: int
    crashes: int
    unparseable: int
    # reviews read but cut off / whose findings text could not be read: no failures
    cut_off: int = 0
    unread: int = 0
    last_effort: str | None = None
    last_review: str = ""  # created_at of the latest review the seat took part in
    reraised: int = 0  # findings it alone raised again after an earlier round reported them
    # reviews in which another seat reviewed beside it: its unique insights are counted there
    reviews_compared: int = 0

    @property
    def raised(self) -> int:
        return self.critical + self.important + self.suggestion

    @property
    def survival(self) -> float | None:
        return self.kept / self.raised_with_lead if self.raised_with_lead else None

    def led(self, count: int) -> int | None:
        """A count that needs the lead's decisions, or None when no review of this seat had a
        lead: nobody judged its findings, so 0 would read as a measured result."""
        return count if self.reviews_with_lead else None

    @property
    def failures(self) -> int:
        return self.timeouts + self.crashes + self.unparseable

    @property
    def failure_rate(self) -> float | None:
        return self.failures / self.reviews if self.reviews else None

    @property
    def cost_per_surviving(self) -> float | None:
        # Survival is only known in reviews with a lead: their cost over their kept findings.
        return _per(self.cost_with_lead_usd, self.kept)

    @property
    def cost_per_unique(self) -> float | None:
        return _per(self.cost_usd, self.unique_insights)

    @property
    def verified(self) -> bool:
        """Whether the panel judges this seat by lead-verified reviews only."""
        return self.reviews_with_lead > 0

    @property
    def judged_unique(self) -> int:
        """Unique insights the panel counts: verified ones when the seat ever had a lead."""
        return self.unique_with_lead if self.verified else self.unique_insights

    @property
    def unique_per_dollar(self) -> float | None:
        """Judged unique insights per dollar (of the same reviews); infinite for a seat that
        reports no cost but finds something, None when it found nothing unique."""
        cost = self.cost_with_lead_usd if self.verified else self.cost_usd
        if not self.judged_unique:
            return None
        if not cost:
            return math.inf
        return self.judged_unique / cost

    @property
    def key(self) -> str:
        return f"{self.seat} ({self.model})" if self.model else self.seat


@dataclass(frozen=True)
class StatsTable:
    reviews: int
    reviews_with_lead: int
    seats: tuple[SeatStats, ...]  # ranked: most useful first
    first: str | None  # created_at of the oldest review counted
    last: str | None


def _per(cost: float | None, count: int) -> float | None:
    return cost / count if cost is not None and count else None


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    if not values:
        return None
    # Imported here: `statistics` brings `fractions` and `decimal` (~10 ms), and this module is
    # imported by every review before its first seat (RunState records the panel choice).
    import statistics

    return statistics.median(values)


def _p90(values: Sequence[float]) -> float | None:
    """Nearest-rank 90th percentile: a value that actually occurred."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _sum(values: Iterable[float | int | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _seat_stats(rows: Sequence[SeatFacts], last_review: str) -> SeatStats:
    last = rows[-1]
    led = [r for r in rows if r.lead]
    durations = [r.duration_s for r in rows if r.duration_s is not None]
    costs = [r.cost_usd for r in rows if r.cost_usd is not None]
    led_costs = [r.cost_usd for r in led if r.cost_usd is not None]
    tin = _sum(r.tokens_in for r in rows)
    tout = _sum(r.tokens_out for r in rows)
    return SeatStats(
        seat=last.seat,
        model=last.model,
        name=last.name,
        family=last.family,
        reviews=len(rows),
        reviews_with_lead=len(led),
        critical=sum(r.critical for r in rows),
        important=sum(r.important for r in rows),
        suggestion=sum(r.suggestion for r in rows),
        raised_with_lead=sum(r.judged for r in led),
        kept=sum(r.kept for r in led),
        false_positives=sum(r.false_positives for r in led),
        downgraded=sum(r.downgraded for r in led),
        dropped=sum(r.dropped for r in led),
        unique_insights=sum(r.unique_insights for r in rows),
        unique_with_lead=sum(r.unique_insights for r in led),
        coverage_misses=sum(r.coverage_misses for r in rows),
        duration_median_s=median(durations),
        duration_p90_s=_p90(durations),
        tokens_in=None if tin is None else int(tin),
        tokens_out=None if tout is None else int(tout),
        cost_usd=None if not costs else round(sum(costs), 6),
        cost_median_usd=median(costs),
        cost_with_lead_usd=round(sum(led_costs), 6) if led_costs else None,
        timeouts=sum(r.failure == "timeout" for r in rows),
        crashes=sum(r.failure == "crash" for r in rows),
        unparseable=sum(r.failure == "unparseable" for r in rows),
        cut_off=sum(r.cut_off for r in rows),
        unread=sum(r.unread for r in rows),
        last_effort=last.effort,
        last_review=last_review,
        reraised=sum(r.reraised for r in rows),
        reviews_compared=sum(r.compared for r in rows),
    )


def rank_key(s: SeatStats) -> tuple[float, float, float, str]:
    """Most unique insights first, then the best survival, then the cheapest finding."""
    survival = s.survival if s.survival is not None else -1.0
    cost = s.cost_per_surviving if s.cost_per_surviving is not None else 0.0
    return (-s.unique_insights, -survival, cost, s.key)


def _last_models(ordered: Sequence[ReviewFacts]) -> dict[str, tuple[str, str]]:
    """Each seat's model (and family) in the latest review where it said which it ran."""
    ran: dict[str, tuple[str, str]] = {}
    for review in ordered:
        for fact in review.seats:
            if fact.model:
                ran[fact.seat] = (fact.model, fact.family)
    return ran


def aggregate(reviews: Sequence[ReviewFacts], *, by_effort: bool = False) -> StatsTable:
    """Group the seats of `reviews` by seat and model (and effort, for the panel's effort
    choice: each row's `last_effort` is then its effort), ranked by `rank_key`."""
    ordered = sorted(reviews, key=lambda r: (r.created_at, r.review_id))
    ran = _last_models(ordered)
    groups: dict[tuple[str, str, str], list[SeatFacts]] = {}
    latest: dict[tuple[str, str, str], str] = {}
    for review in ordered:
        for fact in review.seats:
            if not fact.model and fact.failure and fact.seat in ran:
                # A run that failed before saying which model it was (the CLI exited at once)
                # is a failure of the model the seat runs, not a row of its own.
                model, family = ran[fact.seat]
                fact = dataclasses.replace(fact, model=model, family=family)
            key = (fact.seat, fact.model, (fact.effort or "") if by_effort else "")
            groups.setdefault(key, []).append(fact)
            latest[key] = review.created_at
    seats = sorted((_seat_stats(rows, latest[key]) for key, rows in groups.items()), key=rank_key)
    return StatsTable(
        reviews=len(ordered),
        reviews_with_lead=sum(r.lead for r in ordered),
        seats=tuple(seats),
        first=ordered[0].created_at if ordered else None,
        last=ordered[-1].created_at if ordered else None,
    )


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


RECORD_FIELDS = (
    "seat",
    "model",
    "name",
    "family",
    "reviews",
    "reviews_with_lead",
    "raised",
    "raised_critical",
    "raised_important",
    "raised_suggestion",
    "raised_with_lead",
    "kept",
    "survival_rate",
    "false_positives",
    "downgraded",
    "dropped",
    "unique_insights",
    "unique_insights_with_lead",
    "coverage_misses",
    "duration_median_s",
    "duration_p90_s",
    "tokens_in",
    "tokens_out",
    "cost_usd",
    "cost_median_usd",
    "cost_per_surviving_finding_usd",
    "cost_per_unique_insight_usd",
    "timeouts",
    "crashes",
    "unparseable",
    "failure_rate",
    # added last: CSV columns keep their places
    "reraised",
    "cut_off",
    "unread",
)


def seat_record(s: SeatStats) -> dict[str, str | int | float | None]:
    """One flat row per seat: the `stats --json` seat object and the `--csv` columns."""
    return {
        "seat": s.seat,
        "model": s.model,
        "name": s.name,
        "family": s.family,
        "reviews": s.reviews,
        "reviews_with_lead": s.reviews_with_lead,
        "raised": s.raised,
        "raised_critical": s.critical,
        "raised_important": s.important,
        "raised_suggestion": s.suggestion,
        "raised_with_lead": s.raised_with_lead,
        "kept": s.kept,
        "survival_rate": _round(s.survival),
        "false_positives": s.led(s.false_positives),
        "downgraded": s.led(s.downgraded),
        "dropped": s.led(s.dropped),
        "unique_insights": s.unique_insights,
        "unique_insights_with_lead": s.unique_with_lead,
        "coverage_misses": s.coverage_misses,
        "duration_median_s": _round(s.duration_median_s, 1),
        "duration_p90_s": _round(s.duration_p90_s, 1),
        "tokens_in": s.tokens_in,
        "tokens_out": s.tokens_out,
        "cost_usd": _round(s.cost_usd),
        "cost_median_usd": _round(s.cost_median_usd),
        "cost_per_surviving_finding_usd": _round(s.cost_per_surviving),
        "cost_per_unique_insight_usd": _round(s.cost_per_unique),
        "timeouts": s.timeouts,
        "crashes": s.crashes,
        "unparseable": s.unparseable,
        "failure_rate": _round(s.failure_rate),
        "reraised": s.reraised,
        "cut_off": s.cut_off,
        "unread": s.unread,
    }
