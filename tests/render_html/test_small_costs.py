"""Costs under a cent keep their digits (trial 29: $0.0018 showed as `$0.00` in the retro,
the HTML Runs table and the `_Lead:` line); `--json` keeps the float."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from deepreview.model import LeadInfo, Report
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown
from deepreview.render.reviewers import reviewers_view, survival_cost_svg
from deepreview.runmodel import SeatRun, format_usd
from deepreview.stats.aggregate import SeatStats, StatsTable
from deepreview.stats.cells import row_cells
from fakebin.harness import Fakes
from support.repos import make_repo


def test_format_usd() -> None:
    assert [format_usd(v) for v in (0, 0.0018, 0.00123, 0.0044, 0.0099, 0.01, 0.0421, 1.5)] == [
        "$0.00", "$0.0018", "$0.0012", "$0.0044", "$0.0099", "$0.01", "$0.04", "$1.50",
    ]  # fmt: skip
    assert format_usd(0.0000012) == "$0.0000012"
    assert format_usd(None) == "—"


def _stats(cost: float | None) -> SeatStats:
    """A seat of 2 led reviews, 2 findings kept, 1 unique insight, `cost` in all."""
    counts = dict(reviews=2, reviews_with_lead=2, critical=0, important=2, suggestion=0)
    counts |= dict(raised_with_lead=2, kept=2, false_positives=0, downgraded=0, dropped=0)
    counts |= dict(unique_insights=1, unique_with_lead=1, coverage_misses=0)
    return SeatStats(
        "claude", "opus", "Claude", "anthropic", **counts,
        duration_median_s=60, duration_p90_s=60, tokens_in=10, tokens_out=5,
        cost_usd=cost, cost_median_usd=cost and cost / 2, cost_with_lead_usd=cost,
        timeouts=0, crashes=0, unparseable=0,
    )  # fmt: skip


def test_stats_table_and_reviewers_panel_show_costs_as_the_reports_do() -> None:
    """`stats` and the index page's reviewers panel had their own rounding ($0.0312, and
    `$0.0000` for nothing spent in `stats`): the same dollars read the same everywhere."""
    for cost in (0.0624, 0.0, 0.0036, None):
        shown = [format_usd(cost), format_usd(cost and cost / 2), format_usd(cost)]
        assert list(row_cells(_stats(cost))[-4:-1]) == shown, cost
        view = reviewers_view(StatsTable(2, 2, (_stats(cost),), None, None))
        assert view is not None
        assert [cell for _, cell in view["rows"][0]["cells"][-4:-1]] == shown, cost


def test_survival_chart_ticks_keep_the_steps_digits() -> None:
    """Ticks $0.025 apart are not rounded to cents ("$0.03", "$0.05", "$0.08")."""
    svg = str(survival_cost_svg([_stats(0.22)]))  # median $0.11: ticks every $0.025
    ticks = [t.rsplit(">", 1)[1] for t in svg.split("</text>") if 'text-anchor="middle">$' in t]
    assert ticks == ["$0.000", "$0.025", "$0.050", "$0.075", "$0.100", "$0.125"]


def test_seat_cost_under_a_cent_in_every_report_format(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    fakes.agent("claude", {"cost_usd": 0.0018})
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    out = res.json()
    assert next(s for s in out["seats"] if s["seat"] == "claude")["cost_usd"] == 0.0018
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    cost_row = next(ln for ln in md.splitlines() if ln.startswith("| Cost |"))
    assert "$0.0018" in cost_row and "$0.00 " not in cost_row
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    runs = html.split('<table class="runs-table">', 1)[1].split("</table>", 1)[0]
    assert "$0.0018" in runs


def test_lead_cost_under_a_cent(report: Report) -> None:
    run = SeatRun("claude", duration_s=9, tool_calls=1, cost_usd=0.0012)
    led = dataclasses.replace(report, lead=LeadInfo("claude", "ok", run=run))
    md = render_markdown(led)
    assert ", $0.0012_" in md
    html = render_html(led)
    footer = html[html.index("Consolidated by") :].split("</div>", 1)[0]
    assert "$0.0012" in footer
