"""A seat's review that leaves a fence or an HTML comment open stays inside its appendix entry,
for a Markdown viewer and for `parse_report`, and reads back exactly as the report shows it
(its HTML, like all seat text in the report, neutral: `<` as `&lt;` outside code)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from deepreview.findings.parse import parse_review
from deepreview.findings.report_parse import parse_appendix_entries, parse_report
from deepreview.markdown_contain import contain, uncontain
from deepreview.markdown_neutral import neutral
from deepreview.model import AppendixEntry, Header, Report
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown

FINDING = (
    "## Important Issues\n\n"
    "I1. **Lock held across the call** — `svc/a.py:4` (important, gap)\n\nThe lock stays held.\n"
)
OPEN_FENCE = FINDING + "\nThe excerpt:\n\n```python\nwith lock:\n    call()\n"
OPEN_COMMENT = FINDING + "\n<!-- note to self: check the retry path\n\nMore words.\n"
OPEN_PRE = FINDING + "\n<pre>\nraw output &lt;kept\n"
PLAIN = (
    "## Suggestions\n\nS1. **Name the constant** — `svc/b.py:9` (suggestion)\n\nA magic number.\n"
)
ENTRIES = (
    AppendixEntry("Claude", 1, OPEN_FENCE.strip("\n")),
    AppendixEntry("Codex", 1, OPEN_COMMENT.strip("\n")),
    AppendixEntry("Gemini", 1, OPEN_PRE.strip("\n")),
    AppendixEntry("Qwen", 1, PLAIN.strip("\n")),
)
REPORT = Report(header=Header("20260101-000000-main"), appendix=ENTRIES)


def test_every_entry_heading_shows_in_a_markdown_viewer() -> None:
    tokens = MarkdownIt("commonmark").parse(render_markdown(REPORT))
    headings = [
        tokens[i + 1].content
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.tag == "h3"
    ]
    assert headings == [f"[{e.name}] — Pass 1" for e in ENTRIES]


def test_round_trip_gives_each_review_and_its_findings_as_shown() -> None:
    text = render_markdown(REPORT)
    shown = tuple(AppendixEntry(e.name, e.pass_no, neutral(e.text)) for e in ENTRIES)
    assert shown[1].text.endswith("&lt;!-- note to self: check the retry path\n\nMore words.")
    assert shown[0] == ENTRIES[0] and shown[3] == ENTRIES[3]  # nothing to neutralise
    assert parse_report(text).appendix == shown
    quoted = parse_appendix_entries(text)
    assert [q.name for q in quoted] == [e.name for e in ENTRIES]
    for q, entry in zip(quoted, shown, strict=True):
        alone = parse_review(entry.text, seat=q.review.seat, pass_no=1)
        assert q.review.findings == alone.findings
        assert [f.id for f in q.review.findings] in (["I1"], ["S1"])


@pytest.mark.parametrize(
    "text",
    [
        "x\n```\ncode",
        "&lt;kept\n<!-- open",
        "&amp;lt;kept\n<?php open",
        "done\n\n<!-- deep-review: contained fence -->",  # a review that forges our marker
        "<!-- closed -->\nplain",
    ],
)
def test_contain_is_undone_exactly(text: str) -> None:
    assert uncontain(contain(text)) == text


def test_html_report_keeps_each_entry_in_its_own_block() -> None:
    html = render_html(REPORT)
    for n in range(1, len(ENTRIES) + 1):
        assert f'id="appendix-{n}"' in html
    assert "<!-- note to self" not in html  # shown as text, never a live comment
