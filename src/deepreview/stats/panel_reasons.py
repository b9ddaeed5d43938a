"""How `--panel auto`'s reasons and summary word a seat's record: its unique insights, survival,
failures and cost, and the budget the estimate stays within or goes over."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from deepreview.runmodel import format_usd

if TYPE_CHECKING:
    from deepreview.stats.aggregate import SeatStats


def n_reviews(n: int) -> str:
    return f"{n} review{'' if n == 1 else 's'}"


def usd_text(value: float | None) -> str:
    return "no reported cost" if not value else format_usd(value)


def survival_text(s: SeatStats) -> str:
    """Survival has no value for a seat the lead never judged: either no review of it had a
    lead, or it raised nothing in those that had one (which says something else)."""
    if s.survival is not None:
        return f"{round(s.survival * 100)}%"
    if s.reviews_with_lead:
        return f"n/a: raised no finding in {n_reviews(s.reviews_with_lead)} with a lead"
    return "n/a (no lead)"


def record(s: SeatStats) -> str:
    per_dollar = s.unique_per_dollar
    rate = "" if per_dollar is None or math.isinf(per_dollar) else f", {per_dollar:.2f} per dollar"
    n, reviews = s.judged_unique, (s.reviews_with_lead if s.verified else s.reviews)
    cost = s.cost_with_lead_usd if s.verified else s.cost_usd
    kind = "verified unique insight" if s.verified else "unique insight"
    return (
        f"{n} {kind}{'' if n == 1 else 's'} in {n_reviews(reviews)}"
        f"{' with a lead' if s.verified else ''} for {usd_text(cost)}{rate}; "
        f"survival {survival_text(s)}"
    )


def failed_text(s: SeatStats) -> str:
    """`failed in 2 of 5 reviews`, `failed in 1, unread in 3 of 5 reviews`."""
    parts = [
        f"{what} in {n}"
        for what, n in (("failed", s.failures), ("cut off", s.cut_off), ("unread", s.unread))
        if n
    ]
    return f"{', '.join(parts) or 'failed in 0'} of {n_reviews(s.reviews)}"


def rate_text(s: SeatStats) -> str:
    per_dollar = s.unique_per_dollar
    if per_dollar is None:
        return "no unique insight"
    if math.isinf(per_dollar):
        return f"{s.judged_unique} unique insights at no reported cost"
    return f"{per_dollar:.2f} unique insights per dollar"


def one_family_text(
    families: set[str], failing: Sequence[SeatStats | None], family: dict[str, str]
) -> str:
    """The summary's sentence when the only seats of another model family keep failing."""
    why = "; ".join(
        f"{f.seat} ({family[f.seat]}) {failed_text(f)}" for f in failing if f is not None
    )
    have = f"one model family ({', '.join(sorted(families))})" if families else "no model seat"
    return (
        f" The panel has {have}: the only seats of another family keep failing with no unique "
        f"insight ({why})."
    )


def budget_part(
    budget_usd: float | None,
    estimate: float,
    lead_usd: float,
    regardless: dict[str, str],
    chosen: Sequence[str],
) -> str:
    """ ", within a budget of $X", or ", over the budget of $X: " and what put it there."""
    if budget_usd is None:
        return ""
    if estimate <= budget_usd + 1e-9:
        return f", within a budget of {format_usd(budget_usd)}"
    why = (
        [f"the lead's {format_usd(lead_usd)} alone is over it"]
        if lead_usd > budget_usd + 1e-9
        else []
    )
    why += [
        f"{seat} is kept whatever the budget ({regardless[seat]})"
        for seat in chosen
        if seat in regardless
    ]
    return f", over the budget of {format_usd(budget_usd)}" + (f": {'; '.join(why)}" if why else "")
