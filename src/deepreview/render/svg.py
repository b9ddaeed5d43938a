"""Inline SVG pictures for the HTML report: the seats' run timeline and a per-seat bar chart.

Hand-written SVG, no library. Every piece of text goes through `_esc`, numbers are formatted
here, and colours come from CSS classes so the page's light and dark palettes apply (no inline
`style`, which the page's CSP would block). The data side (which seat is which, and its
numbers from `SeatRetro.numbers`, else from the findings) lives here too because only the
pictures need it; nothing here parses the retro's text.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from deepreview.model import LeadInfo, Report, Severity
from deepreview.retromodel import SeatRetro
from deepreview.runmodel import SeatRun, format_duration

_STATUSES = ("ok", "failed", "fallback", "timeout", "interrupted", "skipped", "pending")
_LABEL_MAX = 24


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _num(value: float) -> str:
    """Coordinates with at most one decimal, no trailing zeros: stable golden output."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _clip(text: str, limit: int = _LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.lower())


# --- who is who ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    """One reviewer as the page shows it, with every spelling the report uses for it."""

    key: str  # registry seat name when known, else the display name
    label: str  # "Claude Opus 4.6"
    aliases: frozenset[str]  # normalised names: seat, heading name, credit, table column


def report_seats(report: Report) -> tuple[Seat, ...]:
    """Header reviewers first (their order), then retro columns and runs nobody named."""
    seats: list[Seat] = []

    def find(*names: str) -> int | None:
        wanted = {_norm(n) for n in names if n}
        for i, seat in enumerate(seats):
            if wanted & seat.aliases:
                return i
        return None

    def add(key: str, label: str, *names: str) -> None:
        aliases = frozenset(_norm(n) for n in (key, label, *names) if _norm(n))
        i = find(key, label, *names)
        if i is None:
            seats.append(Seat(key, label, aliases))
        else:
            old = seats[i]
            seats[i] = Seat(old.key, old.label, old.aliases | aliases)

    for r in report.header.reviewers:
        add(r.seat or r.name, r.credit, r.name, r.display)
    for s in report.retro.seats:
        add(s.seat or s.name, s.column or s.name, s.name)
    for run in report.runs:
        add(run.seat, run.seat)
    return tuple(seats)


def seat_for(seats: Sequence[Seat], name: str) -> Seat | None:
    key = _norm(name)
    return next((s for s in seats if key in s.aliases), None)


# --- timeline ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineBar:
    label: str
    status: str
    start_s: float | None  # offset from the earliest start
    end_s: float | None
    reason: str | None = None
    # what the run took, as the Duration row says it: a seat's passes (or a resumed run) span
    # more wall time than they ran, so the bar's length is no figure to print
    duration_s: float | None = None


def timeline_bars(report: Report) -> tuple[TimelineBar, ...]:
    """One bar per seat run plus the lead's run; runs without times start at zero."""
    seats = report_seats(report)
    runs: list[tuple[str, SeatRun, str, str | None]] = []
    for run in report.runs:
        seat = seat_for(seats, run.seat)
        runs.append((seat.label if seat else run.seat, run, run.status, run.reason))
    if report.lead is not None and report.lead.run is not None:
        runs.append((f"Lead ({report.lead.seat})", report.lead.run, *lead_outcome(report.lead)))
    starts = [r.started_at for _, r, _, _ in runs if r.started_at is not None]
    origin = min(starts) if starts else 0.0
    bars = []
    for label, run, status, reason in runs:
        start = run.started_at - origin if run.started_at is not None else None
        end = run.ended_at - origin if run.ended_at is not None else None
        if end is None and run.duration_s is not None:
            start = start if start is not None else 0.0
            end = start + run.duration_s
        if start is None and end is not None:
            start = max(0.0, end - (run.duration_s or 0.0))
        bars.append(TimelineBar(label, status, start, end, reason, run.duration_s))
    return tuple(bars)


def lead_outcome(lead: LeadInfo) -> tuple[str, str | None]:
    """The lead bar's status and reason. Its process can exit cleanly (run status `ok`) with
    no usable answer: the lead then failed or fell back, and the bar says so, with the report's
    note as the reason. A run that did not end `ok` (a timeout) keeps its own, more precise,
    status."""
    run = lead.run
    assert run is not None
    if run.status == "ok" and lead.status in ("failed", "fallback"):
        return lead.status, lead.note or run.reason
    return run.status, run.reason


def _tick_step(span: float) -> float:
    for step in (5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200):
        if span / step <= 8:
            return step
    return math.ceil(span / 8 / 3600) * 3600


def _tick_label(seconds: float) -> str:
    if seconds == 0:
        return "0"
    return format_duration(seconds)


def _status_class(status: str) -> str:
    return status if status in _STATUSES else "unknown"


def timeline_svg(bars: Sequence[TimelineBar]) -> Markup:
    """Horizontal bars from each run's start to its end, coloured by status."""
    left, right, top, row_h = 180, 120, 12, 28
    width = 800
    plot_w = width - left - right
    span = max([b.end_s for b in bars if b.end_s is not None] + [1.0])
    step = _tick_step(span)
    span = math.ceil(span / step) * step
    scale = plot_w / span
    height = top + row_h * len(bars) + 30
    axis_y = top + row_h * len(bars) + 4
    out = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="timeline-title">Seat runs over time</title>',
    ]
    tick = 0.0
    while tick <= span + 1e-9:
        tx = _num(left + tick * scale)
        out.append(
            f'<line class="grid" x1="{tx}" y1="{top - 4}" x2="{tx}" y2="{axis_y}"/>'
            f'<text class="tick" x="{tx}" y="{axis_y + 16}" text-anchor="middle">'
            f"{_esc(_tick_label(tick))}</text>"
        )
        tick += step
    for i, bar in enumerate(bars):
        y = top + i * row_h
        status = _status_class(bar.status)
        duration = bar.duration_s
        if duration is None and bar.end_s is not None and bar.start_s is not None:
            duration = bar.end_s - bar.start_s
        tip = f"{bar.label}: {bar.status}, {format_duration(duration)}"
        if bar.reason:
            tip += f" — {bar.reason}"
        out.append(f'<g class="run st-{status}"><title>{_esc(tip)}</title>')
        out.append(
            f'<text class="label" x="{left - 10}" y="{y + 18}" text-anchor="end">'
            f"{_esc(_clip(bar.label))}</text>"
        )
        if bar.start_s is None or bar.end_s is None:
            out.append(
                f'<text class="value" x="{left + 4}" y="{y + 18}">{_esc(bar.status)}</text></g>'
            )
            continue
        x = left + bar.start_s * scale
        w = max(2.0, (bar.end_s - bar.start_s) * scale)
        value = format_duration(duration)
        if status != "ok":
            value += f" · {bar.status}"
        out.append(
            f'<rect class="bar" x="{_num(x)}" y="{y + 5}" width="{_num(w)}" height="{row_h - 10}"'
            f' rx="3"/><text class="value" x="{_num(x + w + 6)}" y="{y + 18}">'
            f"{_esc(value)}</text></g>"
        )
    out.append("</svg>")
    return Markup("".join(out))


# --- per-seat chart -------------------------------------------------------------------------


@dataclass(frozen=True)
class SeatStats:
    label: str
    critical: int = 0
    important: int = 0
    suggestion: int = 0
    unique_insights: int | None = None
    tool_calls: int | None = None
    # A seat whose run failed this round ("failed", "timed out"): it raised none of the
    # report's findings; those still credited to it are carried from an earlier round.
    failed: str = ""
    carried: tuple[str, ...] = ()
    carried_from: str = "an earlier round"

    @property
    def findings(self) -> int:
        return self.critical + self.important + self.suggestion


def seat_stats(report: Report) -> tuple[SeatStats, ...]:
    """The retro's numbers when the report has them, else counts from the findings."""
    out = []
    seats = report_seats(report)
    for seat in seats:
        retro = next((s for s in report.retro.seats if _retro_matches(s, seat)), None)
        numbers = retro.numbers if retro is not None else None
        run = next((r for r in report.runs if _norm(r.seat) in seat.aliases), None)
        if run is not None and run.status in _FAILED and retro is not None and numbers is None:
            # No review this round: its retro has no numbers (a seat cut off by its timeout may
            # still have had a review read, and numbers)
            out.append(_failed_seat(report, seat, seats, run))
            continue
        mine = [f for f in report.findings if any(_norm(n) in seat.aliases for n in f.reviewers)]
        if numbers is not None:
            counts = (numbers.critical, numbers.important, numbers.suggestion)
        else:
            c, i, s = (sum(f.severity == sev for f in mine) for sev in Severity)
            counts = (c, i, s)
        insights: int | None = None
        if numbers is not None and numbers.unique_insights is not None:
            insights = numbers.unique_insights
        elif report.findings:
            # as the retro counts them: a finding from an earlier round is no new insight
            insights = sum(
                1
                for f in report.findings
                if len(f.reviewers) == 1
                and _norm(f.reviewers[0]) in seat.aliases
                and f.carry_forward in (None, "new")
            )
        tools = run.tool_calls if run is not None and run.tool_calls else None
        if tools is None and numbers is not None and (run is None or run.tools_counted):
            tools = numbers.tool_calls
        out.append(SeatStats(seat.label, *counts, insights, tools))
    return tuple(out)


_FAILED = {"failed": "failed", "timeout": "timed out", "interrupted": "interrupted"}


def _failed_seat(report: Report, seat: Seat, seats: Sequence[Seat], run: SeatRun) -> SeatStats:
    """A seat that failed this round is credited no findings (its retro has none either); the
    findings that still name it came from an earlier round. Its tool calls are the run's, as the
    Runs table and the retro show them (0 is a count here, not "unknown")."""
    carried = tuple(
        f.id for f in report.findings if any(_credits(n, seat, seats) for n in f.reviewers)
    )
    info = report.round_info
    return SeatStats(
        seat.label,
        tool_calls=run.tool_calls,
        failed=_FAILED[run.status],
        carried=carried,
        carried_from=f"round {info.previous}" if info is not None else "an earlier round",
    )


def _credits(name: str, seat: Seat, seats: Sequence[Seat]) -> bool:
    """Whether a finding's reviewer `name` is `seat`: one of its spellings, or, for a name an
    earlier round wrote with the model a failed run could not report (`Gemini 2.5 Pro` for the
    seat `gemini`), the same first word when no other seat of the report has it."""
    if _norm(name) in seat.aliases:
        return True
    word = _norm(name.split(" ", 1)[0])
    same = [s for s in seats if word in {_norm(a.split(" ", 1)[0]) for a in (s.key, s.label)}]
    return same == [seat]


def _retro_matches(retro: SeatRetro, seat: Seat) -> bool:
    return any(_norm(n) in seat.aliases for n in (retro.column, retro.seat, retro.name) if n)


def seat_chart_svg(stats: Sequence[SeatStats]) -> Markup:
    """Three panels per seat row: findings stacked C/I/S, unique insights, tool calls."""
    left, top, row_h, gap = 180, 26, 28, 30
    panels = (("Findings", 250), ("Unique insights", 120), ("Tool calls", 170))
    width = left + sum(w for _, w in panels) + gap * len(panels)
    height = top + row_h * len(stats) + 8
    out = [
        f'<svg class="chart seats" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="seat-chart-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="seat-chart-title">Findings, unique insights and tool calls per seat</title>',
    ]
    x0 = left
    for title, panel_w in panels:
        out.append(f'<text class="panel" x="{x0}" y="14">{_esc(title)}</text>')
        x0 += panel_w + gap
    legend_x = left + 70
    for letter, sev in (("C", "critical"), ("I", "important"), ("S", "suggestion")):
        out.append(
            f'<rect class="sev-{sev}" x="{legend_x}" y="5" width="10" height="10" rx="2"/>'
            f'<text class="legend" x="{legend_x + 14}" y="14">{letter}</text>'
        )
        legend_x += 32
    f_max = max([s.findings for s in stats] + [1])
    u_max = max([s.unique_insights or 0 for s in stats] + [1])
    t_max = max([s.tool_calls or 0 for s in stats] + [1])
    for i, s in enumerate(stats):
        y = top + i * row_h
        out.append(
            f'<g class="seat-row"><title>{_esc(_seat_tip(s))}</title>'
            f'<text class="label" x="{left - 10}" y="{y + 18}" text-anchor="end">'
            f"{_esc(_clip(s.label))}</text>"
        )
        x = float(left)
        w_f = panels[0][1] - 40
        for count, sev in ((s.critical, "critical"), (s.important, "important"),
                           (s.suggestion, "suggestion")):  # fmt: skip
            if count:
                w = count / f_max * w_f
                out.append(
                    f'<rect class="sev-{sev}" x="{_num(x)}" y="{y + 5}" width="{_num(w)}" '
                    f'height="{row_h - 10}"/>'
                )
                x += w
        if s.failed:
            said = s.failed + (f" · {len(s.carried)} carried" if s.carried else "")
            out.append(f'<text class="value muted" x="{_num(x)}" y="{y + 18}">{_esc(said)}</text>')
        else:
            out.append(f'<text class="value" x="{_num(x + 6)}" y="{y + 18}">{s.findings}</text>')
        x_u = left + panels[0][1] + gap
        out.append(_simple_bar(x_u, y, row_h, s.unique_insights, u_max, panels[1][1] - 30, "uniq"))
        x_t = x_u + panels[1][1] + gap
        out.append(_simple_bar(x_t, y, row_h, s.tool_calls, t_max, panels[2][1] - 40, "tools"))
        out.append("</g>")
    out.append("</svg>")
    return Markup("".join(out))


def _simple_bar(x: float, y: int, row_h: int, value: int | None, top: int, w: int, cls: str) -> str:
    if value is None:
        return f'<text class="value muted" x="{_num(x)}" y="{y + 18}">n/a</text>'
    bar_w = value / top * w
    rect = (
        f'<rect class="{cls}" x="{_num(x)}" y="{y + 5}" width="{_num(bar_w)}" '
        f'height="{row_h - 10}" rx="2"/>'
        if value
        else ""
    )
    return f'{rect}<text class="value" x="{_num(x + bar_w + 6)}" y="{y + 18}">{value}</text>'


def _seat_tip(s: SeatStats) -> str:
    found = f"{s.critical}C {s.important}I {s.suggestion}S"
    if s.failed:
        found = f"{s.failed}, no review this round, so no findings of its own"
        if s.carried:
            found += f"; carried from {s.carried_from}: {', '.join(s.carried)}"
    parts = [
        f"{s.label}: {found}",
        f"unique insights {s.unique_insights if s.unique_insights is not None else 'n/a'}",
        f"tool calls {s.tool_calls if s.tool_calls is not None else 'n/a'}",
    ]
    return ", ".join(parts)
