"""`--panel auto`: choose this review's seats from the store's history. Pure.

Rules (issue 17): a seat is judged only with enough history (`MIN_REVIEWS` reviews in this
repository); judged seats that never found anything no other seat found are dropped, the rest
are ranked by unique insights per dollar and taken while the estimated cost (the lead's median
cost per review plus each seat's) stays within the budget; the panel keeps at least two model
families when the candidates offer two (the static seat, which runs analyzers, is no model
family), but never for a seat with no unique insight that failed (or was cut off, or unread) in
half its reviews or more
(`unreliable`); seats with too little history are kept (they
cannot be judged yet). Without any judged seat the panel is every usable seat. Every choice gets
a reason, written into the report's Review Process Notes and into run.json.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from deepreview.runmodel import format_usd
from deepreview.stats.panel_reasons import (
    budget_part,
    failed_text,
    n_reviews,
    one_family_text,
    rate_text,
    record,
    survival_text,
    usd_text,
)

if TYPE_CHECKING:
    # Types only: run.json's model (`PanelChoice`) is read before every review's first seat,
    # the aggregation only with `--panel auto` (benchmarks/README.md, "first seat spawned").
    from deepreview.stats.aggregate import ReviewFacts, SeatStats, StatsTable

MIN_REVIEWS = 5
# A seat that found nothing of its own and failed in at least this share of its reviews is no
# second model family to count on: it is never the panel's diversity pick.
UNRELIABLE_FAILURE_RATE = 0.5


@dataclass(frozen=True)
class Candidate:
    seat: str
    family: str  # from the configured model or the adapter, when the seat has no history
    # False for the static seat: its analyzers are no model family, so keeping it never stands
    # in for a second model reading the change.
    model_backed: bool = True


@dataclass(frozen=True)
class SeatChoice:
    seat: str
    kept: bool
    reason: str  # "kept: 6 unique insights in 6 reviews …"
    family: str
    median_cost_usd: float | None = None
    effort: str | None = None  # chosen from history; None: the configured effort stands


@dataclass(frozen=True)
class LeadCost:
    """What this review's lead cost per review in this repository's history."""

    seat: str
    median_cost_usd: float | None  # None: no review with this lead reported its cost
    reviews: int  # reviews with this lead that reported a cost


def lead_cost(reviews: Sequence[ReviewFacts], seat: str) -> LeadCost:
    """The lead `seat`'s median cost per review over the reviews it led that reported one
    (whatever its outcome: a lead that failed still spent its tokens)."""
    from deepreview.stats.aggregate import median  # only with --panel auto, as the aggregation

    costs = [
        r.lead_run.cost_usd
        for r in reviews
        if r.lead_run is not None and r.lead_run.seat == seat and r.lead_run.cost_usd is not None
    ]
    return LeadCost(seat, median(costs), len(costs))


@dataclass(frozen=True)
class PanelChoice:
    mode: str  # history | fallback
    seats: tuple[str, ...]  # chosen, in candidate order
    choices: tuple[SeatChoice, ...]  # every candidate, in candidate order
    summary: str
    budget_usd: float | None = None
    estimated_cost_usd: float | None = None
    lead: LeadCost | None = None  # None: no lead ran (`--lead none`)

    @property
    def notes(self) -> tuple[str, ...]:
        """The lines for the report's Review Process Notes."""
        return (self.summary, *(f"`{c.seat}` {c.reason}" for c in self.choices))


def history_for(seat: str, table: StatsTable) -> SeatStats | None:
    """The seat's statistics with the model it ran most recently (models change)."""
    rows = [s for s in table.seats if s.seat == seat]
    return max(rows, key=lambda s: (s.last_review, s.reviews)) if rows else None


def _order(s: SeatStats) -> tuple[float, float, str]:
    per_dollar = s.unique_per_dollar or 0.0
    return (-per_dollar, -(s.survival or 0.0), s.seat)


def short(s: SeatStats) -> int:
    """The reviews in which the seat delivered no whole review: it failed, or it was read but
    cut off or its findings text could not be read. Such a review gave no finding to judge (or
    not all of them), so its lack of unique insights says as little as a failure's: for the
    panel it counts as one (`stats` keeps them apart)."""
    return min(s.reviews, s.failures + s.cut_off + s.unread)


def unreliable(s: SeatStats | None) -> bool:
    """No unique insight and fell short (`short`) in at least half of its reviews."""
    if s is None or s.judged_unique or not short(s):
        return False
    return short(s) >= UNRELIABLE_FAILURE_RATE * s.reviews


def _family(c: Candidate, s: SeatStats | None) -> str:
    return s.family if s is not None else c.family


def _median(s: SeatStats | None) -> float | None:
    return s.cost_median_usd if s is not None else None


def choose_effort(
    s: SeatStats, by_effort: StatsTable, min_reviews: int = MIN_REVIEWS
) -> tuple[str | None, str]:
    """The effort this seat (at its latest model) did best with, when its history has at least
    two efforts with enough reviews each; else (None, "") and the configured effort stands."""
    rows = [
        e
        for e in by_effort.seats
        if e.seat == s.seat and e.model == s.model and e.last_effort and e.reviews >= min_reviews
    ]
    if len(rows) < 2:
        return None, ""
    best = min(rows, key=_order)
    others = ", ".join(
        f"{e.last_effort}: {rate_text(e)}" for e in sorted(rows, key=_order) if e is not best
    )
    return best.last_effort, f" Effort {best.last_effort} ({rate_text(best)}; {others})."


def judgeable(s: SeatStats, min_reviews: int = MIN_REVIEWS) -> bool:
    """Enough history to judge the seat: `min_reviews` reviews with another seat's review
    beside it (a finding is a unique insight only against another review: a seat that always
    reviewed alone has none, which says nothing of it), or as many reviews falling short
    (`short`) in half or more of them (its failures are judged whatever else reviewed)."""
    if s.reviews < min_reviews:
        return False
    failing = short(s) >= UNRELIABLE_FAILURE_RATE * s.reviews
    return s.reviews_compared >= min_reviews or failing


def choose_panel(
    candidates: Sequence[Candidate],
    table: StatsTable,
    *,
    budget_usd: float | None = None,
    min_reviews: int = MIN_REVIEWS,
    by_effort: StatsTable | None = None,
    lead: LeadCost | None = None,
) -> PanelChoice:
    stats = {c.seat: history_for(c.seat, table) for c in candidates}
    family = {c.seat: _family(c, stats[c.seat]) for c in candidates}
    judged = {seat: s for seat, s in stats.items() if s is not None and judgeable(s, min_reviews)}
    if not judged:
        return _fallback(candidates, stats, family, min_reviews, budget_usd, lead)

    # The lead runs whichever seats are chosen: its cost comes out of the budget first.
    lead_usd = (lead.median_cost_usd or 0.0) if lead is not None else 0.0
    pick = _Pick(stats, family, judged, budget_usd, estimate=lead_usd)
    with_lead = " (the lead's included)" if lead_usd else ""
    _keep_unjudged(pick, candidates, min_reviews)
    useful = sorted((s for s in judged.values() if s.judged_unique), key=_order)
    _drop_without_insight(pick)
    _keep_within_budget(pick, useful, with_lead)

    # Seats kept whatever the budget, with why: what explains an estimate over it.
    for seat in pick.kept:
        if (s := stats[seat]) is not None and s.cost_median_usd:
            pick.regardless[seat] = "too little history to judge it"
    model_seat = {c.seat: c.model_backed for c in candidates}
    if not pick.kept:
        _keep_the_best(pick, model_seat)
    one_family = _keep_second_family(pick, candidates, model_seat)
    efforts = _choose_efforts(pick, by_effort, min_reviews)
    kept, reasons, estimate = pick.kept, pick.reasons, pick.estimate
    chosen = tuple(c.seat for c in candidates if c.seat in kept)
    choices = tuple(
        SeatChoice(
            c.seat,
            c.seat in kept,
            reasons[c.seat],
            family[c.seat],
            _median(stats[c.seat]),
            efforts.get(c.seat),
        )
        for c in candidates
    )
    n_judged = len(judged)
    lead_part = _lead_part(lead)
    budget = budget_part(budget_usd, estimate, lead_usd, pick.regardless, chosen)
    summary = (
        f"Panel chosen from this repository's history ({table.reviews} reviews, "
        f"{n_judged} of {len(candidates)} candidate seats with at least {min_reviews}): "
        f"{', '.join(chosen)}; estimated cost {format_usd(estimate)} per review"
        f"{lead_part}{budget}.{one_family}"
    )
    return PanelChoice(
        "history", chosen, choices, summary, budget_usd, round(estimate, 6), lead=lead
    )


def _fallback(
    candidates: Sequence[Candidate],
    stats: dict[str, SeatStats | None],
    family: dict[str, str],
    min_reviews: int,
    budget_usd: float | None,
    lead: LeadCost | None,
) -> PanelChoice:
    """Every usable seat, when no candidate has the history to be judged."""
    most = max((s.reviews for s in stats.values() if s is not None), default=0)
    beside = ""
    if most >= min_reviews:
        # enough reviews, but (nearly) all alone: count the ones that can be judged
        most = max((s.reviews_compared for s in stats.values() if s is not None), default=0)
        beside = " with another seat's review beside it"
    summary = (
        f"Panel: every usable seat — too little history to choose from (a seat needs "
        f"{min_reviews} reviews{beside} in this repository's store; the most any candidate "
        f"has is {most})."
    )
    choices = tuple(
        SeatChoice(c.seat, True, "kept: not enough history to judge it yet.", family[c.seat])
        for c in candidates
    )
    return PanelChoice(
        "fallback", tuple(c.seat for c in candidates), choices, summary, budget_usd, lead=lead
    )


@dataclass
class _Pick:
    """The panel while it is chosen: the seats kept so far, in the order kept, and the
    estimate they add up to; every candidate's reason; the seats kept whatever the budget."""

    stats: dict[str, SeatStats | None]
    family: dict[str, str]
    judged: dict[str, SeatStats]
    budget_usd: float | None
    estimate: float
    kept: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    regardless: dict[str, str] = field(default_factory=dict)


def _keep_unjudged(pick: _Pick, candidates: Sequence[Candidate], min_reviews: int) -> None:
    """Seats with too little history are kept: they cannot be judged yet."""
    for c in candidates:
        s = pick.stats[c.seat]
        if c.seat not in pick.judged:
            n = s.reviews if s is not None else 0
            pick.reasons[c.seat] = (
                f"kept: only {n} review{'' if n == 1 else 's'} of history (needs {min_reviews}) "
                "to judge it."
                if s is None or n < min_reviews
                else f"kept: {n} reviews of history, but only {s.reviews_compared} with another "
                f"seat's review beside it (needs {min_reviews}) to judge what it finds alone."
            )
            pick.kept.append(c.seat)
            pick.estimate += (s.cost_median_usd or 0.0) if s is not None else 0.0


def _drop_without_insight(pick: _Pick) -> None:
    """Why each judged seat that found nothing no other seat found is dropped."""
    for s in pick.judged.values():
        if not s.judged_unique:
            lost = s.false_positives + s.dropped
            reviews = s.reviews_with_lead if s.verified else s.reviews
            kind = "verified unique insight" if s.verified else "unique insight"
            why = f"dropped: no {kind} in {n_reviews(reviews)}"
            if short(s):
                why += f"; {failed_text(s)}"
            if s.raised_with_lead:
                why += (
                    f"; the lead dropped {lost} of its {s.raised_with_lead} findings"
                    f" ({s.false_positives} as false positives)"
                )
            pick.reasons[s.seat] = f"{why}; survival {survival_text(s)}."


def _keep_within_budget(pick: _Pick, useful: Sequence[SeatStats], with_lead: str) -> None:
    """The useful seats, best first, while the estimate stays within the budget."""
    budget_usd = pick.budget_usd
    for s in useful:
        cost = s.cost_median_usd or 0.0
        if budget_usd is not None and pick.estimate + cost > budget_usd + 1e-9:
            pick.reasons[s.seat] = (
                f"dropped for the budget: its median cost of {usd_text(cost)} per review would "
                f"bring the estimate{with_lead} to {format_usd(pick.estimate + cost)}, over "
                f"{format_usd(budget_usd)} ({record(s)})."
            )
            continue
        pick.kept.append(s.seat)
        pick.estimate += cost
        median = f"; median cost {usd_text(cost)} per review" if cost else ""
        pick.reasons[s.seat] = f"kept: {record(s)}{median}."


def _keep_the_best(pick: _Pick, model_seat: dict[str, bool]) -> None:
    """Nothing useful fits: the best-ranked judged seat still reviews, a model if any."""
    best = min(
        pick.judged.values(), key=lambda s: (not model_seat[s.seat], unreliable(s), _order(s))
    )
    pick.kept.append(best.seat)
    pick.estimate += best.cost_median_usd or 0.0
    pick.reasons[best.seat] = f"kept: a review needs at least one seat ({record(best)})."
    if best.cost_median_usd:
        pick.regardless[best.seat] = "a review needs at least one seat"


def _keep_second_family(
    pick: _Pick, candidates: Sequence[Candidate], model_seat: dict[str, bool]
) -> str:
    """Seats kept until two model families review, whatever the budget; the summary's
    sentence when the only seats of another family keep failing ("" otherwise)."""
    stats, family, kept, reasons = pick.stats, pick.family, pick.kept, pick.reasons
    budget_usd = pick.budget_usd

    def pick_order(seat: str) -> tuple[bool, bool, float, str]:
        s = stats[seat]
        cost = (s.cost_median_usd or 0.0) if s is not None else 0.0
        fits = budget_usd is None or pick.estimate + cost <= budget_usd + 1e-9
        return (not fits, not (s is not None and s.judged_unique), cost, seat)

    one_family = ""
    not_for_diversity: set[str] = set()
    # Only model seats count: the static seat's analyzers are no second reading of the change.
    while len(families := {family[s] for s in kept if model_seat[s]}) < 2:
        others = [
            c.seat
            for c in candidates
            if c.model_backed and c.seat not in kept and family[c.seat] not in families
        ]
        failing = [seat for seat in others if unreliable(stats[seat])]
        others = [seat for seat in others if seat not in failing]
        for seat in set(failing) - not_for_diversity:
            not_for_diversity.add(seat)
            reasons[seat] += (
                " Not kept for diversity either: a seat with no unique insight that failed (or was "
                "cut off, or unread) in half its reviews or more is no second model family to "
                "count on."
            )
        if not others:
            if failing:
                one_family = one_family_text(families, [stats[seat] for seat in failing], family)
            break
        _keep_for_diversity(pick, min(others, key=pick_order))
    return one_family


def _keep_for_diversity(pick: _Pick, extra: str) -> None:
    """`extra` kept as the panel's second model family; its reason says if that goes over
    the budget."""
    budget_usd = pick.budget_usd
    s = pick.stats[extra]
    cost = (s.cost_median_usd or 0.0) if s is not None else 0.0
    over_before = budget_usd is not None and pick.estimate > budget_usd + 1e-9
    pick.kept.append(extra)
    pick.estimate += cost
    over_note = ""
    if cost and budget_usd is not None and pick.estimate > budget_usd + 1e-9:
        pick.regardless[extra] = "for a second model family"
        budget = format_usd(budget_usd)
        over_note = (
            f"; its cost adds to an estimate already over the budget of {budget}"
            if over_before
            else f"; this puts the estimate over the budget of {budget}"
        )
    pick.reasons[extra] = (
        f"kept for diversity: the panel keeps at least two model families and "
        f"{extra} is {pick.family[extra]} ({record(s) if s else 'no history'}){over_note}."
    )


def _choose_efforts(
    pick: _Pick, by_effort: StatsTable | None, min_reviews: int
) -> dict[str, str | None]:
    """The effort each kept judged seat did best with (`choose_effort`), its reason told."""
    efforts: dict[str, str | None] = {}
    for seat in pick.kept:
        s = pick.stats[seat]
        if by_effort is not None and s is not None and seat in pick.judged:
            efforts[seat], why = choose_effort(s, by_effort, min_reviews)
            pick.reasons[seat] += why
    return efforts


def _lead_part(lead: LeadCost | None) -> str:
    if lead is None:
        return ""
    if lead.median_cost_usd is None:
        return f" (the lead `{lead.seat}` not counted: no review in this history reported its cost)"
    n = lead.reviews
    return (
        f", {format_usd(lead.median_cost_usd)} of it the lead `{lead.seat}` (its median over {n} "
        f"review{'' if n == 1 else 's'})"
    )
