"""The store's index.html: newest first, verdict pills, escaping, CSP without scripts."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from deepreview.render.index import IndexEntry, render_index
from support.golden import assert_golden

ENTRIES = (
    IndexEntry(
        review_id="20260301-090000-pr-12",
        date="2026-03-01 09:00",
        html_href="20260301-090000-pr-12.html",
        md_href="20260301-090000-pr-12.md",
        target="PR #12 — Fix the parser",
        verdict="Merge as-is",
        critical=0,
        important=0,
        suggestions=2,
        reviewers=("Claude Opus 4.6", "Codex GPT 5.4"),
    ),
    IndexEntry(
        review_id="20260408-145125-pr-280",
        date="2026-04-08 14:51",
        html_href="20260408-145125-pr-280.html",
        md_href="20260408-145125-pr-280.md",
        target="PR #280 — Add host-switch virtual network for WSL2 instances",
        verdict="Merge with fixes",
        critical=0,
        important=4,
        suggestions=2,
        reviewers=("Claude Opus 4.6", "Codex GPT 5.4", "Gemini 3.1 Pro"),
    ),
    IndexEntry(
        review_id="20260315-120000-feature-x",
        date="2026-03-15 12:00",
        html_href=None,
        md_href="20260315-120000-feature-x.md",
        target="branch feature/x",
        verdict="Rework",
        critical=1,
        important=2,
        suggestions=0,
        reviewers=("Gemini 3.1 Pro",),
    ),
)


def test_golden_index() -> None:
    assert_golden("html/index.html", render_index(ENTRIES, title="Reviews of acme/widgets"))


def test_newest_first_with_pills() -> None:
    html = render_index(ENTRIES, title="t")
    ids = re.findall(r'<tr class="review" data-review-id="([^"]+)"', html)
    assert ids == [
        "20260408-145125-pr-280",
        "20260315-120000-feature-x",
        "20260301-090000-pr-12",
    ]
    pills = re.findall(r'<span class="pill v-([a-z-]+)">([^<]+)</span>', html)
    assert pills == [
        ("merge-with-fixes", "Merge with fixes"),
        ("rework", "Rework"),
        ("merge-as-is", "Merge as-is"),
    ]


def test_same_date_sorts_by_id_and_unknown_verdicts_are_grey() -> None:
    a = IndexEntry("20260101-000000-a", "2026-01-01 00:00", None, None, "a", "Failed", 0, 0, 0, ())
    b = IndexEntry("20260101-000000-b", "2026-01-01 00:00", None, None, "b", "Odd", 0, 0, 0, ())
    html = render_index([a, b], title="t")
    assert re.findall(r'data-review-id="([^"]+)"', html) == [
        "20260101-000000-b",
        "20260101-000000-a",
    ]
    assert '<span class="pill v-unknown">Odd</span>' in html
    assert '<span class="pill v-failed">Failed</span>' in html


def test_links_and_escaping(probe_html: Callable[[str], Any]) -> None:
    evil = IndexEntry(
        review_id="<script>alert(1)</script>",
        date="2026-05-01 00:00",
        html_href="javascript:alert(2)",
        md_href="https://example.com/r.md",
        target='<img src=x onerror="alert(3)">',
        verdict="<b>Merge</b>",
        critical=0,
        important=0,
        suggestions=0,
        reviewers=("<svg onload=alert(4)>",),
        status="files missing",
        why="<iframe src=x>.md (cut short)",
    )
    html = render_index([*ENTRIES, evil], title="<script>t</script>")
    p = probe_html(html)
    assert p.scripts == []
    assert p.handler_attrs == []
    assert "img" not in p.tags and "svg" not in p.tags and "iframe" not in p.tags
    assert "<iframe src=x>.md (cut short)" in p.text
    assert "<script>alert(1)</script>" in p.text and '<img src=x onerror="alert(3)">' in p.text
    hrefs = [v for _, _, v in p.urls]
    assert "javascript:alert(2)" not in hrefs
    assert "https://example.com/r.md" in hrefs
    assert "20260408-145125-pr-280.html" in hrefs and "20260315-120000-feature-x.md" in hrefs
    # The branch review has no HTML page: its ID is plain text, its Markdown still linked.
    assert "20260315-120000-feature-x.html" not in hrefs
    assert "script-src 'none'" in p.csp and "default-src 'none'" in p.csp


def test_empty_index() -> None:
    html = render_index([], title="Nothing yet")
    assert "No reviews stored yet." in html
