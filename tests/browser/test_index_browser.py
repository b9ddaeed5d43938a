"""The store's index.html in headless Chromium: order, pill colours, links that open the reviews."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from deepreview.model import Header, Report, Verdict
from deepreview.render.html import render_html
from deepreview.render.index import IndexEntry, render_index

pytestmark = pytest.mark.browser
pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402

STORED = (  # (review id, date, verdict, C, I, S), deliberately not in date order
    ("20260301-090000-pr-12", "2026-03-01 09:00", "Merge as-is", 0, 0, 2),
    ("20260408-145125-pr-280", "2026-04-08 14:51", "Merge with fixes", 0, 4, 2),
    ("20260315-120000-feature-x", "2026-03-15 12:00", "Rework", 1, 2, 0),
)


def _store(root: Path) -> list[IndexEntry]:
    entries = []
    for rid, date, verdict, c, i, s in STORED:
        report = Report(header=Header(rid, date=date, verdict=Verdict(verdict)))
        (root / f"{rid}.html").write_text(render_html(report), encoding="utf-8")
        (root / f"{rid}.md").write_text(f"# Deep Review: {rid}\n", encoding="utf-8")
        entries.append(
            IndexEntry(rid, date, f"{rid}.html", f"{rid}.md", f"target of {rid}", verdict,
                       c, i, s, ("Claude Opus 4.6", "Codex GPT 5.4"))
        )  # fmt: skip
    return entries


def _rgb(css: str) -> tuple[int, int, int]:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return r, g, b


def test_index_in_the_browser(driver, tmp_path: Path, screenshot, emulation) -> None:  # type: ignore[no-untyped-def]
    entries = _store(tmp_path)
    index = tmp_path / "index.html"
    index.write_text(render_index(entries, title="Reviews of acme/widgets"), encoding="utf-8")
    driver.get(index.as_uri())

    rows = driver.find_elements(By.CSS_SELECTOR, "tr.review")
    assert [r.get_attribute("data-review-id") for r in rows] == [
        "20260408-145125-pr-280",
        "20260315-120000-feature-x",
        "20260301-090000-pr-12",
    ]
    pills = [r.find_element(By.CSS_SELECTOR, ".pill") for r in rows]
    assert [p.text for p in pills] == ["Merge with fixes", "Rework", "Merge as-is"]
    fixes, rework, as_is = (_rgb(p.value_of_css_property("color")) for p in pills)
    assert as_is[1] > as_is[0] and as_is[1] > as_is[2]  # green
    assert rework[0] > rework[1] and rework[0] > rework[2]  # red
    assert fixes[0] > fixes[2] and fixes[1] > fixes[2]  # amber
    cells = [c.text for c in rows[0].find_elements(By.CSS_SELECTOR, "td.num")]
    assert cells == ["0", "4", "2"]

    light = screenshot("index-light.png")
    emulation(scheme="dark")
    dark = screenshot("index-dark.png")
    assert light.read_bytes() != dark.read_bytes()
    emulation()

    # The review link opens the stored page; the md link points at the Markdown twin.
    md = rows[1].find_element(By.CSS_SELECTOR, "a.md")
    assert md.get_attribute("href").endswith("20260315-120000-feature-x.md")
    rows[1].find_element(By.LINK_TEXT, "20260315-120000-feature-x").click()
    assert driver.title == "Deep Review: 20260315-120000-feature-x"
    assert driver.find_element(By.CSS_SELECTOR, ".verdict-label").text == "Rework"


def test_index_escapes_in_the_browser(driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    evil = IndexEntry(
        "<img src=x onerror=\"document.title='pwned'\">",
        "2026-05-01 00:00",
        "javascript:document.title='pwned'",
        None,
        "<script>document.title='pwned'</script>",
        "Merge as-is",
        0,
        0,
        0,
        ("<b>x</b>",),
    )
    index = tmp_path / "index.html"
    index.write_text(render_index([evil], title="t"), encoding="utf-8")
    driver.get(index.as_uri())
    assert driver.title == "t"
    assert driver.find_elements(By.TAG_NAME, "img") == []
    assert driver.find_elements(By.TAG_NAME, "a") == []  # the javascript: href was dropped
    row = driver.find_element(By.CSS_SELECTOR, "tr.review")
    assert "<script>document.title='pwned'</script>" in row.text
    assert dataclasses.asdict(evil)["review_id"] in row.text
