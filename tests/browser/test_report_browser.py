"""The report page in real headless Chromium: filters, pictures, print view, no script injection.

The report is the seed report parsed back from Markdown, plus synthetic seat runs (the seed's
durations: 340 s, 228 s, 257 s) and one malicious finding.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from deepreview.findings.report_parse import parse_report
from deepreview.model import Finding, Location, Report, Severity
from deepreview.render.html import render_html
from deepreview.runmodel import SeatRun

pytestmark = pytest.mark.browser
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
T0 = 1_775_659_885.0
EVIL_TITLE = "<script>alert(1)</script><img src=x onerror=\"document.title='pwned'\">"
EVIL_CODE = "</pre><img src=x onerror=alert(2)><script>alert(3)</script>"
EVIL_REVIEWER = "Mallory <svg onload=alert(4)>"
IMPORTANT = ("I1", "I2", "I3", "I4")
SUGGESTIONS = ("S1", "S2")


def seed_with_evil() -> Report:
    report = parse_report(SEED.read_text(encoding="utf-8"))
    runs = (
        SeatRun("claude", started_at=T0, ended_at=T0 + 340, duration_s=340, tool_calls=23,
                tool_counts=(("Read", 10), ("Bash", 8), ("Grep", 5))),
        SeatRun("codex", started_at=T0 + 1, ended_at=T0 + 229, duration_s=228, tool_calls=52,
                tool_counts=(("exec_command", 51), ("write_stdin", 1))),
        SeatRun("gemini", started_at=T0 + 2, ended_at=T0 + 259, duration_s=257, tool_calls=13,
                tool_counts=(("grep_search", 7), ("read_file", 4), ("run_shell_command", 2))),
    )  # fmt: skip
    evil = Finding(
        id="C1",
        severity=Severity.CRITICAL,
        title=EVIL_TITLE,
        locations=(Location("evil.go", 1, 2),),
        classification="regression",
        reviewers=(EVIL_REVIEWER,),
        body=f"```go\n{EVIL_CODE}\n```\n\n[click](javascript:alert(5))\n",
        fix="```diff\n+<script>alert(6)</script>\n```\n",
    )
    return dataclasses.replace(report, runs=runs, findings=(evil, *report.findings))


@pytest.fixture
def page(open_html):  # type: ignore[no-untyped-def]
    return open_html(render_html(seed_with_evil()), "seed-report.html")


def _finding(drv, fid: str):  # type: ignore[no-untyped-def]
    return drv.find_element(By.ID, f"finding-{fid}")


def _visible(drv, ids: tuple[str, ...]) -> list[bool]:  # type: ignore[no-untyped-def]
    return [_finding(drv, fid).is_displayed() for fid in ids]


def _no_alert(drv) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NoAlertPresentException):
        drv.switch_to.alert.text  # noqa: B018 - touching .text is what raises


def test_findings_and_severity_filter(page) -> None:  # type: ignore[no-untyped-def]
    assert _visible(page, IMPORTANT) == [True] * 4
    assert _visible(page, SUGGESTIONS) == [True] * 2
    assert page.find_element(By.ID, "filters").is_displayed()  # JS revealed the filter bar

    page.find_element(By.ID, "filter-sev-important").click()
    assert _visible(page, IMPORTANT) == [False] * 4
    assert _visible(page, SUGGESTIONS) == [True] * 2
    assert not page.find_element(By.ID, "sev-important").is_displayed()
    assert "Showing 3 of 7 findings" in page.find_element(By.ID, "filter-status").text

    page.find_element(By.ID, "filter-sev-suggestion").click()
    assert _visible(page, SUGGESTIONS) == [False] * 2

    page.find_element(By.ID, "filter-sev-important").click()
    page.find_element(By.ID, "filter-sev-suggestion").click()
    assert _visible(page, IMPORTANT + SUGGESTIONS) == [True] * 6
    assert "Showing all 7 findings" in page.find_element(By.ID, "filter-status").text


def _reviewer_chip(drv, name: str):  # type: ignore[no-untyped-def]
    chips = drv.find_elements(By.CSS_SELECTOR, "label.rv-chip")
    (chip,) = [c for c in chips if c.text.startswith(name)]
    return chip


def test_reviewer_filter(page) -> None:  # type: ignore[no-untyped-def]
    # Claude alone found I1 and I4; the other findings have another reviewer too.
    _reviewer_chip(page, "Claude Opus 4.6").click()
    assert _visible(page, IMPORTANT) == [False, True, True, False]
    assert _visible(page, SUGGESTIONS) == [True, True]
    # Without Gemini as well, S1 (Claude + Gemini) goes; I3 stays for Codex.
    _reviewer_chip(page, "Gemini 3.1 Pro").click()
    assert _visible(page, IMPORTANT + SUGGESTIONS) == [False, True, True, False, False, True]
    # With only the malicious reviewer still checked, its finding is the only one shown.
    _reviewer_chip(page, "Codex GPT 5.4").click()
    assert _visible(page, IMPORTANT + SUGGESTIONS) == [False] * 6
    assert _finding(page, "C1").is_displayed()
    assert page.find_element(By.CSS_SELECTOR, "#sev-important .filtered-out").is_displayed()
    for name in ("Claude Opus 4.6", "Gemini 3.1 Pro", "Codex GPT 5.4"):
        _reviewer_chip(page, name).click()
    assert _visible(page, IMPORTANT + SUGGESTIONS) == [True] * 6


def test_collapse_and_expand(page) -> None:  # type: ignore[no-untyped-def]
    body = page.find_element(By.CSS_SELECTOR, "#finding-I1 .fbody")
    assert body.is_displayed()
    page.find_element(By.CSS_SELECTOR, "#finding-I1 summary").click()
    assert not body.is_displayed()
    page.find_element(By.CSS_SELECTOR, "button[data-details=open]").click()
    assert body.is_displayed()
    appendix = page.find_element(By.CSS_SELECTOR, "#appendix-1 .appendix-body")
    assert appendix.is_displayed()
    page.find_element(By.CSS_SELECTOR, "button[data-details=close]").click()
    assert not appendix.is_displayed() and not body.is_displayed()


def test_pictures_present(page) -> None:  # type: ignore[no-untyped-def]
    timeline = page.find_element(By.CSS_SELECTOR, "svg.timeline")
    assert timeline.is_displayed()
    bars = timeline.find_elements(By.CSS_SELECTOR, "g.run rect.bar")
    assert len(bars) == 3
    widths = [float(b.get_attribute("width")) for b in bars]
    assert widths[0] > widths[2] > widths[1]  # 340 s > 257 s > 228 s
    labels = [t.text for t in timeline.find_elements(By.CSS_SELECTOR, "text.label")]
    assert labels == ["Claude Opus 4.6", "Codex GPT 5.4", "Gemini 3.1 Pro"]
    chart = page.find_element(By.CSS_SELECTOR, "svg.seats")
    assert chart.is_displayed()
    # One row per seat; a name that only appears on a finding (Mallory) is not a seat.
    assert len(chart.find_elements(By.CSS_SELECTOR, "g.seat-row")) == 3
    assert chart.find_elements(By.CSS_SELECTOR, "rect.sev-important")


def test_malicious_text_is_inert(page, driver) -> None:  # type: ignore[no-untyped-def]
    _no_alert(page)
    assert page.title.startswith("Deep Review: 20260408-145125-pr-280")  # onerror did not run
    assert page.find_elements(By.TAG_NAME, "img") == []
    assert len(page.find_elements(By.TAG_NAME, "script")) == 1
    title = page.find_element(By.CSS_SELECTOR, "#finding-C1 .ftitle")
    assert title.text == EVIL_TITLE
    code = page.find_element(By.CSS_SELECTOR, "#finding-C1 .fbody pre")
    assert code.text == EVIL_CODE
    assert EVIL_REVIEWER in _finding(page, "C1").text
    assert page.find_elements(By.CSS_SELECTOR, "a[href^='javascript']") == []
    # Clicking around does not run anything either.
    title.click()
    _reviewer_chip(page, "Mallory").click()
    _no_alert(page)
    # Our own CSP blocked nothing (it would, had anything injected a script or inline style).
    csp_errors = [e for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
    assert csp_errors == []


def test_print_view_expands_everything(page, emulation) -> None:  # type: ignore[no-untyped-def]
    page.find_element(By.ID, "filter-sev-important").click()
    appendix = page.find_element(By.CSS_SELECTOR, "#appendix-1 .appendix-body")
    assert not appendix.is_displayed()
    emulation(media="print")
    assert not page.find_element(By.ID, "filters").is_displayed()
    assert not page.find_element(By.CSS_SELECTOR, "nav.toc").is_displayed()
    # Collapsed appendix entries and filtered-out findings are printed too. (Selenium's
    # is_displayed() calls anything inside a closed <details> hidden, whatever the CSS says,
    # so ask the layout engine instead.)
    assert page.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return arguments[0].checkVisibility() && r.height > 100;",
        appendix,
    )
    assert _visible(page, IMPORTANT) == [True] * 4
    # A dark-mode screen still prints dark text on white paper.
    emulation(media="print", scheme="dark")
    body = page.find_element(By.TAG_NAME, "body")
    assert body.value_of_css_property("color") in ("rgba(31, 35, 40, 1)", "rgb(31, 35, 40)")


def test_screenshots_light_and_dark(page, screenshot, emulation) -> None:  # type: ignore[no-untyped-def]
    light = screenshot("report-light.png")
    emulation(scheme="dark")
    bg = page.find_element(By.TAG_NAME, "html").value_of_css_property("background-color")
    assert bg in ("rgba(13, 17, 23, 1)", "rgb(13, 17, 23)")
    dark = screenshot("report-dark.png")
    assert light.stat().st_size > 10_000 and dark.stat().st_size > 10_000
