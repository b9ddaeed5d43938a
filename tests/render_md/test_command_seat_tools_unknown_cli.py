"""A `command` seat runs a program that reports no tool calls: how many it made is not measured,
so the report says so (`—`, as for its tokens) instead of an invented `0` — in the retro's
Summary table, the HTML's runs table and chart, and what the lead is told. An agent CLI's own
count stands, 0 included, and so does the static seat's."""

from __future__ import annotations

import json
from pathlib import Path

from support.printing_seats import NO_FINDINGS, printing_seats
from support.repos import cli_env, make_repo, run_cli


def _row(md: str, label: str) -> list[str]:
    line = next(ln for ln in md.splitlines() if ln.startswith(f"| {label} |"))
    return [c.strip() for c in line.strip("|").split("|")][1:]


def test_a_command_seats_tool_calls_are_not_measured(tmp_path: Path) -> None:
    printing_seats(tmp_path, {"alpha": NO_FINDINGS})
    res = run_cli(
        ["review", "--agents", "alpha,static", "--lead", "none", "--json"],
        cwd=make_repo(tmp_path),
        env=cli_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.json()
    report = json.loads(Path(out["paths"]["json"]).read_text(encoding="utf-8"))
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    assert "\n| | Alpha | Static analysis |\n" in md
    alpha, static = _row(md, "Tool calls")
    assert alpha == "—"
    assert static.startswith("4 (")
    runs = {r["seat"]: r for r in report["runs"]}
    assert runs["alpha"]["tool_calls"] is None
    assert runs["static"]["tool_calls"] == 4
    html = Path(out["paths"]["html"]).read_text(encoding="utf-8")
    table = html.split("<th>Notes</th>", 1)[1].split("</table>", 1)[0]
    alpha_row = table.split("Alpha", 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">—</td>' in alpha_row and '<td class="num">0</td>' not in alpha_row
    assert "tool calls n/a" in html  # the chart's label for the seat
