"""Costs under a cent keep their digits (trial 29: $0.0018 showed as `$0.00` in the retro,
the HTML Runs table and the `_Lead:` line); `--json` keeps the float."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from deepreview.model import LeadInfo, Report
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown
from deepreview.runmodel import SeatRun, format_usd
from fakebin.harness import Fakes
from support.repos import make_repo


def test_format_usd() -> None:
    assert [format_usd(v) for v in (0, 0.0018, 0.00123, 0.0044, 0.0099, 0.01, 0.0421, 1.5)] == [
        "$0.00", "$0.0018", "$0.0012", "$0.0044", "$0.0099", "$0.01", "$0.04", "$1.50",
    ]  # fmt: skip
    assert format_usd(0.0000012) == "$0.0000012"


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
