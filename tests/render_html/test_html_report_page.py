"""The report page's content and structure, plus a golden copy of a small hand-built report."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from deepreview.model import Header, LeadInfo, Report, Section, Verdict
from deepreview.render.html import render_html, verdict_slug
from deepreview.runmodel import SeatRun
from support.golden import assert_golden


def test_golden_small_report(report: Report) -> None:
    assert_golden("html/small-report.html", render_html(report))


def test_render_is_deterministic(report: Report) -> None:
    assert render_html(report) == render_html(report)


def test_findings_grouped_by_severity_with_ids(report: Report) -> None:
    html = render_html(report)
    order = [m.group(1) for m in re.finditer(r'<section class="sev-group" id="sev-(\w+)"', html)]
    assert order == ["critical", "important", "suggestion"]
    i1, s1 = html.index('id="finding-I1"'), html.index('id="finding-S1"')
    assert html.index('id="sev-important"') < i1 < html.index('id="sev-suggestion"') < s1
    assert '<p class="none">None.</p>' in html  # no critical findings
    assert 'data-reviewers="r0 r1"' in html  # I1: both reviewers
    assert html.count("<details open>") == 2  # finding bodies collapsible, open by default


def test_assessments_credit_each_statement(report: Report) -> None:
    html = render_html(report)
    testing = html.split('<section id="testing">', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", testing, re.S)
    assert [re.findall(r'<span class="rv rv-(\w+)">([^<]*)</span>', li) for li in items] == [
        [("0", "Claude Opus 4.6"), ("1", "Codex GPT 5.4")],
        [("x", "lead")],
    ]
    docs = html.split('<section id="documentation">', 1)[1].split("</section>", 1)[0]
    assert '<p class="credit"><span class="rv rv-1">Codex GPT 5.4</span>' in docs


def test_sections_present(report: Report, probe_html: Callable[[str], Any]) -> None:
    html = render_html(report)
    p = probe_html(html)
    for anchor in (
        "summary",
        "findings",
        "design",
        "testing",
        "documentation",
        "runs",
        "retro",
        "reconciliation",
        "process",
        "appendix",
    ):
        assert anchor in p.ids, anchor
    assert 'class="verdict verdict-merge-with-fixes"' in html
    assert "codex timed out; its partial review was used" in p.text  # run notes
    assert "Consolidated by" in p.text and "55 s" in p.text  # lead footer
    assert '<svg class="chart timeline"' in html and '<svg class="chart seats"' in html
    assert "33 min 29 s" in p.text
    # The appendix is rendered Markdown, collapsed, headings demoted below the page's own.
    appendix = html[html.index('id="appendix"') :]
    assert '<details class="appendix-entry"' in appendix
    assert "<h4>Findings</h4>" in appendix and "<h5>Important Issues</h5>" in appendix


def test_the_lead_has_a_row_in_the_runs_table(report: Report) -> None:
    """What the Markdown's `_Lead: ..._` line says: its model, time, tokens and cost; a lead
    whose process exited cleanly without a usable answer shows as failed, not ok."""
    run = SeatRun("claude", duration_s=9, tool_calls=1, tokens_in=5100, tokens_out=640)
    led = dataclasses.replace(
        report,
        lead=LeadInfo("claude", "ok", run=dataclasses.replace(run, model="opus", cost_usd=0.03)),
    )
    table = render_html(led).split('<table class="runs-table">', 1)[1].split("</table>", 1)[0]
    row = table.split("<td>Lead (claude), opus</td>", 1)[1].split("</tr>", 1)[0]
    assert "st-ok" in row and "5,100 / 640" in row and "$0.03" in row
    failed = dataclasses.replace(report, lead=LeadInfo("codex", "failed", "no JSON twice", run))
    table = render_html(failed).split('<table class="runs-table">', 1)[1]
    row = table.split("<td>Lead (codex)</td>", 1)[1].split("</tr>", 1)[0]
    assert 'class="status st-failed">failed<' in row and "no JSON twice" in row


def test_the_navigation_names_every_section_shown(report: Report) -> None:
    page = dataclasses.replace(
        report,
        limitations="Not run against real hardware.",
        extra_sections=(Section("Round 2 Fix Verdicts", "| Finding | Verdict |"),),
    )
    html = render_html(page)
    nav = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="#limitations">Limitations</a>' in nav
    assert '<a href="#extra-1">Round 2 Fix Verdicts</a>' in nav
    assert 'id="limitations"' in html and 'id="extra-1"' in html


def test_empty_report_renders() -> None:
    html = render_html(Report(header=Header("20260101-000000-main")))
    assert "Deep Review: 20260101-000000-main" in html
    assert html.count('<p class="none">None.</p>') == 3
    assert '<svg class="chart' not in html


def test_verdict_banner_classes(report: Report) -> None:
    for label, slug in [
        ("Merge as-is", "merge-as-is"),
        ("Merge with fixes", "merge-with-fixes"),
        ("Rework", "rework"),
        ("Failed", "failed"),
        # neither is approval: amber like "Merge with fixes", never grey "unknown"
        ("No model review", "no-model-review"),
        ("Unverified", "unverified"),
        ("Unknown", "unknown"),
        ("Something new", "unknown"),
    ]:
        assert verdict_slug(label) == slug
        header = dataclasses.replace(report.header, verdict=Verdict(label))
        html = render_html(dataclasses.replace(report, header=header))
        assert f'class="verdict verdict-{slug}"' in html


def test_readable_without_javascript(report: Report) -> None:
    # The filter bar only makes sense with the script: hidden until the script reveals it.
    # Every finding and section is in the markup, none hidden, finding bodies open.
    html = render_html(report)
    assert '<div class="filters" id="filters" hidden>' in html
    assert re.findall(r"<article [^>]*\bhidden\b", html) == []
    assert re.findall(r'<section class="sev-group"[^>]*\bhidden\b', html) == []
    assert html.count('<article class="finding') == len(report.findings)


def test_one_permission_denial_is_singular(report: Report) -> None:
    runs = tuple(
        dataclasses.replace(r, permission_denials=1 if n == 0 else 2)
        for n, r in enumerate(report.runs)
    )
    assert runs, "the fixture report has measured runs"
    html = render_html(dataclasses.replace(report, runs=runs))
    assert "1 permission denial<" in html and "1 permission denials" not in html
    if len(runs) > 1:
        assert "2 permission denials<" in html
