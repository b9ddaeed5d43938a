"""The index page's Reviewers panel in headless Chromium: table, survival/cost chart, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.render.index import IndexEntry, render_index
from deepreview.stats.aggregate import ReviewFacts, aggregate
from deepreview.stats.facts import SeatFacts

pytestmark = pytest.mark.browser
pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402

EVIL = '<img src=x onerror="document.title=1">'


def _facts(n: int) -> ReviewFacts:
    seats = (
        SeatFacts("claude", "Claude", "claude-opus-4-6", "anthropic", "high", True, "ok", "",
                  important=2, suggestion=1, downgraded=1, unique_insights=2,
                  duration_s=300.0 + n, tokens_in=90_000, tokens_out=9_000, cost_usd=1.2),
        SeatFacts("codex", "Codex", "gpt-5.4", "openai", None, True, "ok", "",
                  critical=1, important=1, false_positives=1, unique_insights=1,
                  duration_s=500.0, tokens_in=60_000, tokens_out=5_000, cost_usd=0.4),
        SeatFacts(EVIL, "Evil", "", EVIL, None, True, "ok", "",
                  suggestion=2, false_positives=2, duration_s=5.0),
    )  # fmt: skip
    return ReviewFacts(f"2026030{n}-090000-pr-{n}", f"2026-03-0{n}T09:00:00", "acme/w", "", seats)


def test_reviewers_panel_in_the_browser(driver, open_html, screenshot, emulation) -> None:  # type: ignore[no-untyped-def]
    table = aggregate([_facts(n) for n in range(1, 7)])
    entries = [
        IndexEntry(r.review_id, r.created_at[:16].replace("T", " "), None, None, "PR", "Rework",
                   1, 3, 1, ("Claude", "Codex"))
        for r in (_facts(n) for n in range(1, 7))
    ]  # fmt: skip
    drv = open_html(render_index(entries, title="Reviews of acme/w", reviewers=table))
    assert drv.title == "Reviews of acme/w"  # the seat named like an <img> did not run
    assert drv.find_elements(By.TAG_NAME, "img") == []

    panel = drv.find_element(By.ID, "reviewers")
    assert panel.is_displayed()
    assert panel.find_element(By.TAG_NAME, "h2").text == "Reviewers"
    rows = panel.find_elements(By.CSS_SELECTOR, "tr.seat-stats")
    assert [r.find_element(By.CSS_SELECTOR, "td.seat").text for r in rows] == [
        "claude",
        "codex",
        EVIL,
    ]
    assert [r.find_element(By.CSS_SELECTOR, "td.survival").text for r in rows] == [
        "100%",
        "50%",
        "0%",
    ]
    # $0.40 x 6 over 6 kept findings; $1.20 x 6 over 18.
    assert [r.find_element(By.CSS_SELECTOR, "td.per-surviving").text for r in rows[:2]] == [
        "$0.40",
        "$0.40",
    ]

    points = panel.find_elements(By.CSS_SELECTOR, "svg.survival-cost circle.pt")
    assert len(points) == 3
    fills = {p.value_of_css_property("fill") for p in points}
    assert len(fills) == 3, fills  # coloured by class: the stylesheet applied under the CSP
    claude = panel.find_element(By.CSS_SELECTOR, 'g.seat-point[data-seat="claude"] circle')
    codex = panel.find_element(By.CSS_SELECTOR, 'g.seat-point[data-seat="codex"] circle')
    # Claude costs more (further right) and keeps more (higher up) than Codex.
    assert float(claude.get_attribute("cx")) > float(codex.get_attribute("cx"))
    assert float(claude.get_attribute("cy")) < float(codex.get_attribute("cy"))

    drv.execute_script("arguments[0].scrollIntoView()", panel)
    light = screenshot("index-reviewers-light.png")
    emulation(scheme="dark")
    dark = screenshot("index-reviewers-dark.png")
    assert light.read_bytes() != dark.read_bytes()
    assert Path(light).stat().st_size > 0
