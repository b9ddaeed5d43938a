"""The index page's Reviewers panel: the `deep-review stats` table and one SVG chart of
survival (how much of what a seat raises the lead keeps) against cost per review.

Drawn like the report's charts (`svg.py`): hand-written SVG, every text through `_esc`, colours
from CSS classes so both palettes apply and the page's CSP needs no inline style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from deepreview.render.svg import _clip, _esc, _num, format_duration
from deepreview.runmodel import format_usd
from deepreview.stats.aggregate import SeatStats, StatsTable


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def _cost_step(span: float) -> float:
    """A round tick step giving at most about five ticks over `span` dollars."""
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def survival_cost_svg(seats: Sequence[SeatStats]) -> Markup:
    """One point per seat: x = median cost per review, y = survival rate. Seats without a
    survival rate (no review with a lead) are listed under the plot instead."""
    left, right, top, plot_h = 64, 190, 16, 220
    width = 800
    plot_w = width - left - right
    plotted = [s for s in seats if s.survival is not None]
    unplotted = [s for s in seats if s.survival is None]
    span = max([s.cost_median_usd or 0.0 for s in plotted] + [0.0])
    step = _cost_step(span) if span > 0 else 1.0
    span = max(step, math.ceil(span / step - 1e-9) * step)
    axis_y = top + plot_h
    height = axis_y + 44 + (18 if unplotted else 0)
    out = [
        f'<svg class="chart survival-cost" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="survival-cost-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="survival-cost-title">Survival rate against median cost per review, '
        "per seat</title>",
    ]
    for pct in (0, 25, 50, 75, 100):
        gy = _num(axis_y - pct / 100 * plot_h)
        out.append(
            f'<line class="grid" x1="{left}" y1="{gy}" x2="{left + plot_w}" y2="{gy}"/>'
            f'<text class="tick" x="{left - 8}" y="{gy}" dy="4" text-anchor="end">{pct}%</text>'
        )
    tick = 0.0
    while tick <= span + 1e-9:
        gx = _num(left + tick / span * plot_w)
        out.append(
            f'<line class="grid" x1="{gx}" y1="{top}" x2="{gx}" y2="{axis_y}"/>'
            f'<text class="tick" x="{gx}" y="{axis_y + 16}" text-anchor="middle">'
            f"{_esc(format_usd(tick, step=step))}</text>"
        )
        tick += step
    out.append(
        f'<text class="panel" x="{left + plot_w / 2:.0f}" y="{axis_y + 34}" '
        'text-anchor="middle">Median cost per review</text>'
        f'<text class="panel" x="12" y="{top + plot_h / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 12 {top + plot_h / 2:.0f})">Survival</text>'
    )
    for i, s in enumerate(seats):
        if s.survival is None:
            continue
        x = left + (s.cost_median_usd or 0.0) / span * plot_w
        y = axis_y - s.survival * plot_h
        tip = (
            f"{s.key}: survival {_pct(s.survival)} ({s.kept} of {s.raised_with_lead} kept), "
            f"{s.unique_insights} unique insights, median cost {format_usd(s.cost_median_usd)} per "
            f"review, {s.reviews} reviews"
        )
        out.append(
            f'<g class="seat-point rv{i % 6}" data-seat="{_esc(s.seat)}"><title>{_esc(tip)}</title>'
            f'<circle class="pt" cx="{_num(x)}" cy="{_num(y)}" r="6"/>'
            f'<text class="label" x="{_num(x + 10)}" y="{_num(y)}" dy="4">'
            f"{_esc(_clip(s.key))}</text></g>"
        )
    if unplotted:
        names = ", ".join(s.key for s in unplotted)
        out.append(
            f'<text class="muted" x="{left}" y="{height - 6}">'
            f"{_esc(_clip('No survival rate (no review with a lead): ' + names, 110))}</text>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def reviewers_view(table: StatsTable) -> dict[str, Any] | None:
    """What the index template needs for the panel; None without any seat to show."""
    if not table.seats:
        return None
    rows = [
        {
            "seat": s.seat,
            "model": s.model or "—",
            "reviews": s.reviews,
            "raised": f"{s.critical}C {s.important}I {s.suggestion}S",
            "survival": _pct(s.survival),
            "false_positives": s.false_positives,
            "downgraded": s.downgraded,
            "unique": s.unique_insights,
            "misses": s.coverage_misses,
            "duration": f"{format_duration(s.duration_median_s)} / "
            f"{format_duration(s.duration_p90_s)}",
            "cost": format_usd(s.cost_usd),
            "per_surviving": format_usd(s.cost_per_surviving),
            "per_unique": format_usd(s.cost_per_unique),
            "failures": s.failures,
        }
        for s in table.seats
    ]
    without = table.reviews - table.reviews_with_lead
    note = (
        f"{without} of {table.reviews} reviews had no lead: they count raised findings and "
        "unique insights only."
        if without
        else ""
    )
    return {
        "reviews": table.reviews,
        "with_lead": table.reviews_with_lead,
        "rows": rows,
        "chart": survival_cost_svg(table.seats),
        "note": note,
    }
