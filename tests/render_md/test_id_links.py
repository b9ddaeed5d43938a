"""Finding IDs in the Markdown report link to their findings, as the HTML report's do: each
finding has an explicit anchor (`<a id="c1"></a>`, not a title-derived heading anchor), and the
verdict, Executive Summary, retro, Reconciliation and the Fix Verdicts table's `Now` column link
to it. Code, the appendix's reviews, a seat's own IDs and an earlier round's stay text."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from deepreview.findings import parse_report
from deepreview.model import (
    AppendixEntry,
    Finding,
    Header,
    Report,
    Reviewer,
    Section,
    Severity,
    Verdict,
)
from deepreview.render.html import render_html
from deepreview.render.markdown import render_markdown
from deepreview.retromodel import ReconciliationEntry, Retro, SeatRetro

CLAUDE = Reviewer("claude", "Claude", "Opus 4.6")
CODEX = Reviewer("codex", "Codex")
FIX_VERDICTS = (
    "Round 2 reviewed the changes since round 1 (`r1`, `abc`).\n\n"
    "| Round 1 finding | Verdict | Seats | Now |\n|---|---|---|---|\n"
    "| I1. **Old bug** `a.py:1` | not fixed | Claude: not fixed | C1 |\n"
    "| S1. **Old nit** | fixed | Codex: fixed | closed |"
)


def _report() -> Report:
    return Report(
        header=Header(
            review_id="r2",
            reviewers=(CLAUDE, CODEX),
            verdict=Verdict("Rework", "C1 blocks merging; I1 needs attention"),
        ),
        executive_summary=(
            "C1 and I1 matter; S9 is no finding of this report, and `C1` in code is code.\n\n"
            "```text\nC1 in a block\n```"
        ),
        findings=(
            Finding("C1", Severity.CRITICAL, "Crash", reviewers=("Claude Opus 4.6",)),
            Finding("I1", Severity.IMPORTANT, "Leak", reviewers=("Codex",)),
        ),
        extra_sections=(Section("Round 2 Fix Verdicts", FIX_VERDICTS),),
        retro=Retro(
            seats=(
                SeatRetro(
                    "claude",
                    "Claude",
                    "Claude Opus 4.6",
                    narrative="Only Claude found C1. Severity reconciled: Claude I1 → C1.",
                    tool_call_highlights="3 calls, on C1",
                    cells=(("Unique insights", "C1 (Crash)"),),
                ),
            ),
            rows=("Unique insights",),
            reconciliation=(
                ReconciliationEntry("merge", "I1 merges Codex I1, Claude S2", ("I1",)),
                ReconciliationEntry("note", "Round 1 I1 is still open as C1", ("C1",)),
            ),
        ),
        appendix=(AppendixEntry("Claude", 1, "## Findings\n\n- **C1** `a.py:1` — crash"),),
    )


def _head(md: str) -> str:
    return md.split("## Appendix: Original Reviews", 1)[0]


def test_each_finding_has_an_anchor_and_mentions_link_to_it() -> None:
    md = render_markdown(_report())
    assert '\n<a id="c1"></a>\nC1. **Crash**' in md
    assert '\n<a id="i1"></a>\nI1. **Leak**' in md
    assert (
        "| **Verdict** | **Rework** — [C1](#c1) blocks merging; [I1](#i1) needs attention |" in md
    )
    assert "[C1](#c1) and [I1](#i1) matter; S9 is no finding" in md
    assert "Only Claude found [C1](#c1)." in md
    assert "**Tool call highlights**: 3 calls, on [C1](#c1)" in md
    assert "| Unique insights | [C1](#c1) (Crash) |" in md
    # the Fix Verdicts table: the report's own ID in `Now`, never round 1's IDs
    assert "| I1. **Old bug** `a.py:1` | not fixed | Claude: not fixed | [C1](#c1) |" in md
    assert "| S1. **Old nit** | fixed | Codex: fixed | closed |" in md


def test_code_a_seats_own_ids_an_earlier_rounds_and_the_appendix_stay_text() -> None:
    md = render_markdown(_report())
    assert "and `C1` in code is code" in md
    assert "```text\nC1 in a block\n```" in md
    assert "Severity reconciled: Claude I1 → [C1](#c1)." in md  # Claude's own I1
    assert "- [I1](#i1) merges Codex I1, Claude S2" in md  # their own IDs: no links
    assert "- Round 1 I1 is still open as [C1](#c1)" in md
    appendix = md.split("## Appendix: Original Reviews", 1)[1]
    assert "](#" not in appendix
    assert "- **C1** `a.py:1` — crash" in appendix


def test_every_link_reaches_an_anchor_when_rendered() -> None:
    """Rendered as GitHub renders it (CommonMark with raw HTML kept): each link's fragment is
    an element's id on the page, and each finding's line is still its own paragraph's text."""
    html = (
        MarkdownIt("commonmark", {"html": True}).enable("table").render(render_markdown(_report()))
    )
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r'<a id="([^"]+)">', html))
    assert targets == {"c1", "i1"}
    assert targets <= ids
    assert '<p><a id="c1"></a>\nC1. <strong>Crash</strong>' in html


def test_the_report_reads_back_without_its_links() -> None:
    report = _report()
    back = parse_report(render_markdown(report))
    assert back.header.verdict == report.header.verdict
    assert back.executive_summary == report.executive_summary
    assert [(f.id, f.title) for f in back.findings] == [("C1", "Crash"), ("I1", "Leak")]
    assert back.extra_sections == report.extra_sections
    assert [e.text for e in back.retro.reconciliation] == [
        e.text for e in report.retro.reconciliation
    ]
    assert back.retro.seats[0].narrative == report.retro.seats[0].narrative
    assert render_markdown(back) == render_markdown(report)


def test_html_does_not_link_a_seats_own_id_either() -> None:
    html = render_html(_report())
    assert 'Claude I1 → <a class="fref" href="#finding-C1">C1</a>' in html
    assert '<a class="fref" href="#finding-I1">I1</a> merges Codex I1, Claude S2' in html


def test_html_links_the_fix_verdicts_now_column_alike() -> None:
    html = render_html(_report())
    table = html.split("<h2>Round 2 Fix Verdicts</h2>", 1)[1].split("</table>", 1)[0]
    assert '<td><a class="fref" href="#finding-C1">C1</a></td>' in table
    assert "finding-I1" not in table and "finding-S1" not in table  # round 1's IDs
