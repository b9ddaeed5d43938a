"""The inline SVG pictures: their data (retro numbers, runs, findings) and geometry; and the
retro table parser that turns a stored report's cells into numbers."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest

from deepreview.findings import report_retro
from deepreview.model import Finding, Report, Severity
from deepreview.render import svg
from deepreview.retromodel import Retro
from deepreview.runmodel import SeatRun

NS = {"s": "http://www.w3.org/2000/svg"}


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("0C 2I 2S", (0, 2, 2)), ("1C 0I 3S", (1, 0, 3)), ("2I", (0, 2, 0)), ("—", None), ("", None)],
)
def test_parse_severity_counts(cell: str, expected: tuple[int, int, int] | None) -> None:
    assert report_retro.parse_severity_counts(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("I1 (handleRestartNeeded), I4 (listener leak)", 2),
        ("upstream API inspection", 1),
        ("Panic on closed channel, I/O deadlines", 2),
        ("3 (I1, I2, S1)", 3),
        # a later round: what the seat raised again after round 1 reported it is no insight
        ("S1 (sub); re-raised from round 1: I1 (shout)", 1),
        ("0; re-raised from round 1: I1 (shout), I2 (sub); from round 2: I4 (x)", 0),
        ("0", 0),
        ("None", 0),
        ("—", 0),
        ("", 0),
    ],
)
def test_count_insights(cell: str, expected: int) -> None:
    assert report_retro.count_insights(cell) == expected


def test_leading_int_and_duration() -> None:
    assert report_retro.parse_leading_int("23 (Read 10, Bash 8, Grep 5)") == 23
    assert report_retro.parse_leading_int("n/a") is None


def test_seat_stats_prefer_retro_numbers_and_runs(report: Report) -> None:
    stats = {s.label: s for s in svg.seat_stats(report)}
    assert list(stats) == ["Claude Opus 4.6", "Codex GPT 5.4"]
    claude, codex = stats["Claude Opus 4.6"], stats["Codex GPT 5.4"]
    assert (claude.critical, claude.important, claude.suggestion) == (0, 1, 0)
    assert (codex.critical, codex.important, codex.suggestion) == (0, 1, 1)
    assert claude.unique_insights == 1 and codex.unique_insights == 2
    assert claude.tool_calls == 23 and codex.tool_calls == 52


def test_seat_stats_fall_back_to_retro_numbers_then_findings(report: Report) -> None:
    # No runs: tool calls come from the retro's numbers (parsed from the stored table).
    no_runs = dataclasses.replace(report, runs=())
    assert [s.tool_calls for s in svg.seat_stats(no_runs)] == [23, 52]
    # No retro at all: counts and unique insights come from the findings' reviewers; one
    # raised again after an earlier round reported it is no unique insight (as the retro says).
    extra = Finding("C1", Severity.CRITICAL, "boom", reviewers=("Claude Opus 4.6",))
    again = Finding(
        "C2",
        Severity.CRITICAL,
        "bang",
        reviewers=("Claude Opus 4.6",),
        carry_forward="Round 1 C4, raised again",
    )
    bare = dataclasses.replace(report, retro=Retro(), findings=(*report.findings, extra, again))
    stats = {s.label: s for s in svg.seat_stats(bare)}
    claude, codex = stats["Claude Opus 4.6"], stats["Codex GPT 5.4"]
    assert (claude.critical, claude.important, claude.suggestion) == (2, 1, 0)
    assert (codex.critical, codex.important, codex.suggestion) == (0, 1, 1)
    assert claude.unique_insights == 1  # C1
    assert codex.unique_insights == 1  # S1
    assert claude.tool_calls == 23  # from the run


def test_timeline_bars_are_relative_to_the_earliest_start(report: Report) -> None:
    bars = svg.timeline_bars(report)
    assert [b.label for b in bars] == ["Claude Opus 4.6", "Codex GPT 5.4", "Lead (claude)"]
    assert (bars[0].start_s, bars[0].end_s) == (0, 340)
    assert (bars[1].start_s, bars[1].end_s) == (2, 230)
    assert bars[1].status == "timeout" and bars[1].reason == "no output for 600 s"
    assert (bars[2].start_s, bars[2].end_s) == (345, 400)


def test_timeline_without_timestamps_uses_durations() -> None:
    from deepreview.model import Header

    report = Report(
        header=Header("x"),
        runs=(SeatRun("a", duration_s=100), SeatRun("b", status="skipped")),
    )
    bars = svg.timeline_bars(report)
    assert (bars[0].start_s, bars[0].end_s) == (0, 100)
    assert (bars[1].start_s, bars[1].end_s) == (None, None)
    root = ET.fromstring(str(svg.timeline_svg(bars)))
    assert len(root.findall(".//s:rect", NS)) == 1  # the skipped seat has a label, no bar


def test_timeline_svg_geometry_and_titles(report: Report) -> None:
    root = ET.fromstring(str(svg.timeline_svg(svg.timeline_bars(report))))
    groups = root.findall("s:g", NS)
    assert [g.get("class") for g in groups] == ["run st-ok", "run st-timeout", "run st-ok"]
    titles = [g.find("s:title", NS).text for g in groups]  # type: ignore[union-attr]
    assert titles[1] == "Codex GPT 5.4: timeout, 3 min 48 s — no output for 600 s"
    rects = [g.find("s:rect", NS) for g in groups]
    xs = [float(r.get("x")) for r in rects]  # type: ignore[arg-type,union-attr]
    widths = [float(r.get("width")) for r in rects]  # type: ignore[arg-type,union-attr]
    assert xs[0] == 180  # the earliest start sits on the axis origin
    assert xs[0] < xs[1] < xs[2]
    # Widths are proportional to durations (340 s vs 228 s).
    assert widths[0] / widths[1] == pytest.approx(340 / 228, rel=0.01)
    assert "timeout" in "".join(groups[1].itertext())


def test_svg_text_is_escaped() -> None:
    bar = svg.TimelineBar('<script>alert(1)</script>"', "failed", 0, 10, "</title><script>x")
    out = str(svg.timeline_svg([bar]))
    assert "<script>" not in out
    root = ET.fromstring(out)  # still well-formed XML
    assert root.find("s:g/s:title", NS).text.endswith("</title><script>x")  # type: ignore[union-attr]
    stats = svg.SeatStats("<b>x</b>", 1, 2, 3, 1, 9)
    chart = str(svg.seat_chart_svg([stats]))
    assert "<b>" not in chart
    ET.fromstring(chart)


def test_seat_chart_stacks_severities(report: Report) -> None:
    root = ET.fromstring(str(svg.seat_chart_svg(svg.seat_stats(report))))
    codex = root.findall("s:g", NS)[1]
    classes = [r.get("class") for r in codex.findall("s:rect", NS)]
    assert classes == ["sev-important", "sev-suggestion", "uniq", "tools"]
    rects = codex.findall("s:rect", NS)
    # The suggestion segment starts where the important one ends.
    end = float(rects[0].get("x")) + float(rects[0].get("width"))  # type: ignore[arg-type]
    assert float(rects[1].get("x")) == pytest.approx(end, abs=0.1)  # type: ignore[arg-type]
    assert re.search(r">52<", ET.tostring(codex, encoding="unicode"))


def test_the_lead_bar_says_how_the_lead_ended(report: Report) -> None:
    """The lead's process exit is not the lead's outcome: one that exited 0 with no usable
    answer fell back; one that timed out keeps `timeout`, the more precise word."""
    from deepreview.model import LeadInfo

    assert report.lead is not None and report.lead.run is not None
    run = report.lead.run
    fell_back = LeadInfo("claude", "fallback", "The lead (claude) gave no usable answer.", run)
    bar = svg.timeline_bars(dataclasses.replace(report, lead=fell_back))[-1]
    assert (bar.status, bar.reason) == ("fallback", "The lead (claude) gave no usable answer.")
    timed_out = LeadInfo("claude", "failed", "x", dataclasses.replace(run, status="timeout"))
    assert svg.timeline_bars(dataclasses.replace(report, lead=timed_out))[-1].status == "timeout"
