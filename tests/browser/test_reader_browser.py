"""The report page as a reader meets it (trial40), in headless Chromium: no sideways scrolling on
a phone or a laptop with 400-character words, readable charts at 375 px, links that reveal a
finding the filters hide, and a readable Important ID pill.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from deepreview.findings.report_parse import parse_report
from deepreview.model import AppendixEntry, Finding, Location, Report, Severity, Verdict
from deepreview.render.html import render_html
from deepreview.runmodel import SeatRun

pytestmark = pytest.mark.browser
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
T0 = 1_775_659_885.0
LONG = "x" * 400


def long_words_report() -> Report:
    """The seed report with seat runs (for the charts), one finding per severity filter
    (C1, C2) and 400-character words everywhere a reviewer writes prose."""
    report = parse_report(SEED.read_text(encoding="utf-8"))
    runs = (
        SeatRun("claude", started_at=T0, ended_at=T0 + 340, duration_s=340, tool_calls=23),
        SeatRun("codex", started_at=T0 + 1, ended_at=T0 + 229, duration_s=228, tool_calls=52,
                status="failed", reason="exit 1"),
    )  # fmt: skip
    sharp = Finding(
        id="C1",
        severity=Severity.CRITICAL,
        title="Short",
        locations=(Location("a.go", 1, 2),),
        reviewers=("Codex GPT 5.4",),
        body="Body.\n",
    )
    wide = Finding(
        id="C2",
        severity=Severity.CRITICAL,
        title=f"Title {LONG}",
        locations=(Location("a/" + LONG + ".go", 1, 2),),
        reviewers=("Claude Opus 4.6",),
        body=f"Body {LONG} and `{LONG}`.\n\n| a | b |\n|---|---|\n| {LONG} | {LONG} |\n",
        fix=f"Use {LONG}.\n",
    )
    header = dataclasses.replace(
        report.header, verdict=Verdict("Rework", f"C1 and C2 block merging: {LONG}")
    )
    return dataclasses.replace(
        report,
        header=header,
        executive_summary=f"Summary {LONG}; C1 and I1 matter.\n",
        findings=(sharp, wide, *report.findings),
        runs=runs,
        limitations=f"- {LONG}\n",
        appendix=(*report.appendix, AppendixEntry("Claude", 2, f"## Findings\n\n{LONG}\n")),
    )


@pytest.fixture
def page(open_html):  # type: ignore[no-untyped-def]
    return open_html(render_html(long_words_report()), "reader-report.html")


def _viewport(drv, width: int) -> None:  # type: ignore[no-untyped-def]
    drv.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )


@pytest.fixture
def viewport(driver):  # type: ignore[no-untyped-def]
    yield lambda width: _viewport(driver, width)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("width", [375, 1280])
def test_long_words_never_widen_the_page(page, viewport, width: int) -> None:  # type: ignore[no-untyped-def]
    viewport(width)
    page.get(page.current_url)  # lay out afresh at this width
    scroll_w = page.execute_script("return document.documentElement.scrollWidth")
    # against the emulated width: a mobile layout viewport grows with the content
    assert scroll_w <= width, f"page is {scroll_w} px wide on a {width} px screen"


def test_charts_keep_a_readable_size_on_a_phone(page, viewport) -> None:  # type: ignore[no-untyped-def]
    viewport(375)
    page.get(page.current_url)
    for chart in page.find_elements(By.CSS_SELECTOR, "svg.chart"):
        assert chart.size["width"] >= 600  # text stays ~10 px, not 4–5 px
        wrap = page.execute_script("return arguments[0].parentElement.className", chart)
        assert wrap == "chart-wrap"
    for item in page.find_elements(By.CSS_SELECTOR, ".legend-row .lg"):
        assert item.size["height"] < 30  # swatch and label on one line


def _hide_severity(drv, severity: str) -> None:  # type: ignore[no-untyped-def]
    drv.find_element(By.ID, f"filter-sev-{severity}").click()


def test_link_to_a_filtered_finding_reveals_it(page) -> None:  # type: ignore[no-untyped-def]
    _hide_severity(page, "critical")
    _hide_severity(page, "important")
    assert not page.find_element(By.ID, "finding-C1").is_displayed()
    summary_link = page.find_element(By.CSS_SELECTOR, '#summary a[href="#finding-C1"]')
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary_link)
    summary_link.click()
    assert page.find_element(By.ID, "finding-C1").is_displayed()
    assert page.find_element(By.ID, "finding-C2").is_displayed()  # its severity is back
    assert not page.find_element(By.ID, "finding-I1").is_displayed()  # Important still hidden
    # a hash set otherwise (the address bar, history) reveals too
    page.execute_script("location.hash = '#finding-I1'")
    assert page.find_element(By.ID, "finding-I1").is_displayed()


def test_opening_a_link_to_a_finding_hidden_by_reviewer_shows_it(page) -> None:  # type: ignore[no-untyped-def]
    for chip in page.find_elements(By.CSS_SELECTOR, "label.rv-chip"):
        chip.click()  # every reviewer unchecked: nothing shown
    assert not page.find_element(By.ID, "finding-I2").is_displayed()
    page.execute_script("location.hash = '#finding-I2'")
    assert page.find_element(By.ID, "finding-I2").is_displayed()


def _rgb(css: str) -> tuple[float, ...]:
    inner = css[css.index("(") + 1 : css.index(")")]
    return tuple(float(v) for v in inner.split(",")[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    lin = [
        (c / 255) / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb
    ]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_important_id_pill_is_readable(page) -> None:  # type: ignore[no-untyped-def]
    pill = page.find_element(By.CSS_SELECTOR, "#finding-I1 .fid.sev-pill.sev-important")
    fg = _luminance(_rgb(pill.value_of_css_property("color")))
    bg = _luminance(_rgb(pill.value_of_css_property("background-color")))
    hi, lo = max(fg, bg), min(fg, bg)
    assert (hi + 0.05) / (lo + 0.05) >= 4.5
