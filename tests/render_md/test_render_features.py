"""Renderer details beyond the seed: notes, lead footer, empty sections, layouts, filters."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest

from deepreview.findings import parse_report
from deepreview.model import (
    Finding,
    Header,
    LeadInfo,
    Location,
    ProcessNotes,
    Report,
    Reviewer,
    Section,
    Severity,
)
from deepreview.render import markdown
from deepreview.render.markdown import (
    code_span,
    fix_layout,
    lead_bold,
    render_markdown,
    table_cell,
)
from deepreview.retromodel import ReconciliationEntry, Retro, SeatRetro
from deepreview.runmodel import SeatRun, format_duration

EMPTY = Report(header=Header("20260101-000000-main"))


def test_empty_report() -> None:
    assert render_markdown(EMPTY) == (
        "# Deep Review: 20260101-000000-main\n\n"
        "| | |\n|---|---|\n| **Verdict** | **Unknown** |\n\n"
        "---\n\n## Critical Issues\n\nNone.\n\n"
        "---\n\n## Important Issues\n\nNone.\n\n"
        "---\n\n## Suggestions\n\nNone.\n\n"
        # the seed layout always has both assessments, saying so when nobody wrote one
        "---\n\n## Testing Assessment\n\nNo reviewer assessed testing.\n\n"
        "---\n\n## Documentation Assessment\n\nNo reviewer assessed documentation.\n\n"
        "---\n\n## Review Process Notes\n\n"
        "No skill improvements or repo context updates warranted.\n"
    )
    assert parse_report(render_markdown(EMPTY)) == EMPTY


def test_notes_are_blockquotes_under_the_header() -> None:
    report = replace(EMPTY, notes=("Consolidated without a lead.", "Two\nlines."))
    text = render_markdown(report)
    assert (
        "| **Verdict** | **Unknown** |\n\n> Consolidated without a lead.\n\n> Two\n> lines.\n\n---"
        in text
    )
    assert parse_report(text).notes == report.notes


def test_lead_footer() -> None:
    run = SeatRun("claude", duration_s=45, tool_calls=12, tokens_in=1200, tokens_out=300)
    report = replace(EMPTY, lead=LeadInfo("claude", "ok", run=run))
    text = render_markdown(report)
    assert text.endswith(
        "warranted.\n\n_Lead: claude — 45 s, 12 tool calls, 1200 tokens in, 300 tokens out_\n"
    )
    lead = parse_report(text).lead
    assert lead is not None
    assert lead.run is not None
    assert (lead.seat, lead.run.duration_s, lead.run.tool_calls, lead.run.tokens_in) == (
        "claude",
        45,
        12,
        1200,
    )
    # No run measured: no footer.
    assert "_Lead:" not in render_markdown(replace(EMPTY, lead=LeadInfo("claude", "ok")))
    failed = replace(report, lead=LeadInfo("codex", "fallback", run=SeatRun("codex", tool_calls=3)))
    assert "_Lead: codex, fallback — —, 3 tool calls_" in render_markdown(failed)


def test_finding_line_layouts() -> None:
    f = Finding(
        id="I1",
        severity=Severity.IMPORTANT,
        title="Leak",
        locations=(Location("a.go", 1, 2), Location("b.go")),
        classification="regression",
        reviewers=("Claude Opus 4.6", "orchestrator"),
        body="Explained.",
        fix="Close it.",
        carry_forward="Round 4 I3, unaddressed",
        verification="verified",
    )
    text = render_markdown(replace(EMPTY, findings=(f,)))
    assert (
        "I1. **Leak** — `a.go:1-2`, `b.go` [Claude Opus 4.6, orchestrator] "
        "(important, regression, verified) (Round 4 I3, unaddressed)\n\n"
        "Explained.\n\nFix: Close it.\n"
    ) in text
    bare = replace(
        f,
        locations=(),
        reviewers=(),
        classification=None,
        verification=None,
        carry_forward=None,
        body="",
        fix="",
    )
    assert "\nI1. **Leak** (important)\n\n---" in render_markdown(replace(EMPTY, findings=(bare,)))
    assert parse_report(text).findings == (f,)


def test_extra_sections_around_limitations() -> None:
    report = replace(
        EMPTY,
        limitations="None.",
        extra_sections=(Section("Unresolved Feedback", "- one"), Section("Commit Structure", "ok")),
    )
    text = render_markdown(report)
    assert (
        text.index("## Commit Structure")
        < text.index("## Acknowledged Limitations")
        < text.index("## Unresolved Feedback")
    )


def test_retro_with_several_reconciliation_entries_and_escaped_cells() -> None:
    seat = SeatRetro(
        "claude", "Claude", "Claude Opus 4.6", "Did well.", "3 calls.", (("Tool calls", "3 (a|b)"),)
    )
    retro = Retro(
        seats=(seat,),
        rows=("Tool calls",),
        reconciliation=(
            ReconciliationEntry("merge", "Codex I1 merged into I2."),
            ReconciliationEntry("severity", "Gemini C1 downgraded."),
        ),
    )
    report = replace(
        EMPTY,
        header=replace(
            EMPTY.header, reviewers=(Reviewer("claude", "Claude", "Opus 4.6", "xhigh"),)
        ),
        retro=retro,
        process_notes=ProcessNotes(("Ask for repro blocks.",), ()),
    )
    text = render_markdown(report)
    assert "| **Reviewers** | Claude Opus 4.6 (effort: xhigh) |" in text
    assert "| Tool calls | 3 (a\\|b) |" in text
    assert "**Reconciliation**:\n\n- Codex I1 merged into I2.\n- Gemini C1 downgraded.\n" in text
    back = parse_report(text)
    assert back.retro.seats == (seat,)
    assert [e.text for e in back.retro.reconciliation] == [e.text for e in retro.reconciliation]
    assert back.process_notes == report.process_notes
    assert back.header.reviewers == report.header.reviewers


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "—"),
        (0, "0.0 s"),
        (0.42, "0.4 s"),  # sub-second is not "0 s"
        (7.46, "7.5 s"),
        (9.96, "10 s"),
        (45, "45 s"),
        (60, "1 min"),
        (340, "5 min 40 s"),
        (2009, "33 min 29 s"),
        (3720, "1 h 2 min"),
        (3723, "1 h 2 min 3 s"),
    ],
)
def test_one_duration_format(seconds: float | None, text: str) -> None:
    assert format_duration(seconds) == text


def test_every_duration_is_formatted_by_the_one_definition() -> None:
    """No module keeps a duration format of its own (issue 11 §5, issue 12)."""
    src = Path(__file__).resolve().parents[2] / "src" / "deepreview"
    own_format = re.compile(r"^def (?:format_duration|format_wall_clock|_?fmt_duration)\(", re.M)
    offenders = [
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if p.name != "runmodel.py" and own_format.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    # nor formats one inline: `{d:.0f} s` printed `0 s` for a sub-second pass and timeout
    inline = re.compile(r"\{[^{}\n]*:(?:\.\d+f|g)\}[ ]?s\b")
    found = [
        f"{p.relative_to(src)}: {m.group(0)}"
        for p in src.rglob("*.py")
        if p.name != "runmodel.py"
        for m in inline.finditer(p.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_small_filters() -> None:
    assert code_span("a.go:1") == "`a.go:1`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x") == "`` `x ``"
    assert table_cell("a|b\nc") == "a\\|b<br>c"
    assert lead_bold("**T** — rest") == ("**T**", " — rest")
    assert lead_bold("plain") == ("", "plain")
    assert fix_layout("(two parts):\n\nx") == "paren"
    assert fix_layout("```diff\n-a\n```") == "block"
    assert fix_layout("- one\n- two") == "block"
    assert fix_layout("close it.") == "inline"


def test_templates_are_package_data_with_strict_undefined() -> None:
    env = markdown._env()
    assert isinstance(env.loader, jinja2.PackageLoader)
    assert env.undefined is jinja2.StrictUndefined
    assert env.autoescape is False
    assert {"report.md.j2", "_finding.md.j2"} <= set(env.list_templates())
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("report.md.j2").render(report=EMPTY)  # `severities` missing
