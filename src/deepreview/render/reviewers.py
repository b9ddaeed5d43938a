"""The index page's Reviewers panel: the `deep-review stats` table and one SVG chart of
survival (how much of what a seat raises the lead keeps) against cost per review.

Drawn like the report's charts (`svg.py`): hand-written SVG, every text through `_esc`, colours
from CSS classes so both palettes apply and the page's CSP needs no inline style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

from markupsafe import Markup

from deepreview.render.svg import _clip, _esc, _num
from deepreview.runmodel import format_usd
from deepreview.stats.aggregate import SeatStats, StatsTable
from deepreview.stats.cells import COLUMNS, no_lead_note, pct, row_cells


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
    for share in (0, 25, 50, 75, 100):
        gy = _num(axis_y - share / 100 * plot_h)
        out.append(
            f'<line class="grid" x1="{left}" y1="{gy}" x2="{left + plot_w}" y2="{gy}"/>'
            f'<text class="tick" x="{left - 8}" y="{gy}" dy="4" text-anchor="end">{share}%</text>'
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
            f"{s.key}: survival {pct(s.survival)} ({s.kept} of {s.raised_with_lead} kept), "
            f"{_count(s.unique_insights, 'unique insight')}, median cost "
            f"{format_usd(s.cost_median_usd)} per review, {_count(s.reviews, 'review')}"
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


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# Each column's cell class, in `COLUMNS` order: numbers align right; the page's stylesheet and
# its browser tests find the seat, survival and cost cells by name.
_CLASSES: Final = (
    "seat",
    "model",
    "num",
    "raised",
    "num survival",
    "num",
    "num",
    "num unique",
    "num",
    "duration",
    "tokens",
    "num",
    "num per-surviving",
    "num",
    "num",
)


def reviewers_view(table: StatsTable) -> dict[str, Any] | None:
    """What the index template needs for the panel; None without any seat to show. The rows
    and the note are `deep-review stats --repo-wide`'s (`stats.cells`): the page covers the
    whole store."""
    if not table.seats:
        return None
    return {
        "reviews": table.reviews,
        "with_lead": table.reviews_with_lead,
        "columns": list(zip(COLUMNS, _CLASSES, strict=True)),
        "rows": [
            {"seat": s.seat, "cells": list(zip(_CLASSES, row_cells(s), strict=True))}
            for s in table.seats
        ],
        "chart": survival_cost_svg(table.seats),
        "note": no_lead_note(table) or "",
    }
