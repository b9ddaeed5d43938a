"""The report page as a reader meets it (trial40): links, headings, landmarks and the CSS rules
behind wrapping, contrast and the charts. The browser side is tests/browser/test_reader_browser.py.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from deepreview.model import AppendixEntry, Report, Verdict
from deepreview.render.html import asset, markdown_html, render_html
from deepreview.render.index import IndexEntry, render_index
from deepreview.retromodel import ReconciliationEntry


def _section(html: str, sid: str) -> str:
    return html.split(f'<section id="{sid}">', 1)[1].split("</section>", 1)[0]


def _hrefs(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', html)


def _css_rule(css: str, selector: str) -> str:
    m = re.search(r"(?:^|\n|\})\s*" + re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert m, f"no rule for {selector}"
    return m.group(1)


def _css_var(css: str, name: str) -> str:
    m = re.search(re.escape(name) + r":\s*(#[0-9a-fA-F]{6})", css)  # the first: light palette
    assert m, name
    return m.group(1)


def _contrast(fg: str, bg: str) -> float:
    def lum(hexcolor: str) -> float:
        rgb = [int(hexcolor[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- links ---------------------------------------------------------------------------------


def test_reviewer_links_are_live_only_for_http_and_fragments() -> None:
    html = markdown_html(
        "[a](/etc/passwd) [b](../../x) [c](notes.html) [d](~/x) [e](#finding-I1) [f](https://e.x/a)"
    )
    assert _hrefs(html) == ["#finding-I1", "https://e.x/a"]
    assert "[a](/etc/passwd)" in html and "[b](../../x)" in html  # shown as text


def test_finding_ids_link_in_verdict_summary_and_retro(report: Report) -> None:
    seat = dataclasses.replace(report.retro.seats[0], narrative="Claude alone found I1; not I7.")
    report = dataclasses.replace(
        report,
        header=dataclasses.replace(
            report.header, verdict=Verdict("Merge with fixes", "I1 blocks merging")
        ),
        executive_summary="I1 and S1 matter; `I1` in code and [S1](https://e.x) stay as they are.",
        retro=dataclasses.replace(report.retro, seats=(seat, *report.retro.seats[1:])),
    )
    html = render_html(report)
    verdict = html.split('aria-label="Verdict"', 1)[1].split("</section>", 1)[0]
    assert '<a class="fref" href="#finding-I1">I1</a> blocks merging' in verdict
    summary = _section(html, "summary")
    assert _hrefs(summary) == ["#finding-I1", "#finding-S1", "https://e.x"]
    assert "<code>I1</code>" in summary
    retro = _section(html, "retro")
    assert '<a class="fref" href="#finding-I1">I1</a>; not I7.' in retro  # no I7 in the report
    assert '<td><a class="fref" href="#finding-I1">I1</a> (reload leak)</td>' in retro


def test_reconciliation_names_each_finding_once(report: Report) -> None:
    entries = (
        ReconciliationEntry("merge", "S1 merges Codex I1 and Claude S2.", ("S1",)),
        ReconciliationEntry("severity", "Downgraded: cosmetic.", ("I1",)),
    )
    report = dataclasses.replace(
        report, retro=dataclasses.replace(report.retro, reconciliation=entries)
    )
    html = render_html(report)
    rec = html.split('<ul class="reconciliation">', 1)[1].split("</ul>", 1)[0]
    first, second = re.findall(r"<li>(.*?)</li>", rec, re.S)
    # Codex's own I1 is not this page's I1: only the entry's IDs are linked.
    assert _hrefs(first) == ["#finding-S1"]
    assert re.sub(r"<[^>]+>", "", first) == "merge S1 merges Codex I1 and Claude S2."
    assert _hrefs(second) == ["#finding-I1"]


# --- headings and landmarks ----------------------------------------------------------------


def test_heading_levels_never_skip(report: Report) -> None:
    report = dataclasses.replace(
        report,
        appendix=(
            AppendixEntry("Claude", 1, "## Findings\n\n### Important Issues\n\nI1. **x**\n"),
            AppendixEntry("Codex", 1, "## Findings\n\nNone.\n"),
        ),
    )
    html = render_html(report)
    levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == []
    # every finding's title is a heading (inside its summary), every seat review has one
    for fid in ("I1", "S1"):
        card = html.split(f'id="finding-{fid}"', 1)[1].split("</summary>", 1)[0]
        assert re.search(rf'<h4 class="fhead">.*>{fid}</span>', card, re.S)
    appendix = _section(html, "appendix")
    assert re.findall(r"<h3[^>]*>(.*?)</h3>", appendix) == ["Claude — Pass 1", "Codex — Pass 1"]


def test_index_has_a_main_landmark() -> None:
    entry = IndexEntry(
        review_id="r1",
        date="2026-03-01 09:00",
        html_href="r1.html",
        md_href=None,
        target="PR #1",
        verdict="Merge as-is",
        critical=0,
        important=0,
        suggestions=0,
        reviewers=("Claude",),
    )
    html = render_index([entry], title="Deep Review")
    assert html.count("<main>") == 1 and html.index("<main>") < html.index('<table class="index"')


# --- CSS behind wrapping, contrast and charts ------------------------------------------------


def test_long_words_wrap_in_prose_and_titles() -> None:
    base, report_css = asset("base.css"), asset("report.css")
    assert "overflow-wrap: break-word" in _css_rule(base, "body")
    assert "overflow-wrap: anywhere" in _css_rule(report_css, ".fbody")
    # a flex item's minimum width is its longest word unless told otherwise
    assert "min-width: 0" in _css_rule(report_css, ".ftitle")
    assert '<div class="table-wrap"><table>' in markdown_html("|a|b|\n|-|-|\n|1|2|\n")


def test_important_id_pill_contrast_is_at_least_4_5() -> None:
    base = asset("base.css")
    assert _contrast(_css_var(base, "--imp"), _css_var(base, "--imp-bg")) >= 4.5


def test_lead_fallback_is_not_the_failed_red(report: Report) -> None:
    css = asset("report.css")
    failed = _css_rule(css, ".lg.st-failed::before")
    fallback = _css_rule(css, ".lg.st-fallback::before")
    assert "var(--crit)" in failed and "var(--crit)" not in fallback and "dashed" in fallback
    assert "dasharray" in _css_rule(css, ".chart .st-fallback .bar")


def test_charts_scroll_inside_a_wrapper(report: Report) -> None:
    html = render_html(report)
    assert html.count('<div class="chart-wrap"><svg class="chart') == 2
    assert "min-width" in _css_rule(asset("base.css"), ".chart-wrap > .chart")
    assert "white-space: nowrap" in _css_rule(asset("report.css"), ".lg")


def test_sources_disclosure_sits_inside_the_card_padding() -> None:
    assert "padding: 0 16px" in _css_rule(asset("report.css"), ".fsources")
