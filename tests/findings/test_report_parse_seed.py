"""`parse_report` on the seed report: header, findings, sections, retro, notes, appendix."""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.findings import parse_report
from deepreview.findings.report_header import parse_duration, parse_reviewer
from deepreview.model import Location, Report, Reviewer, Severity, Verdict
from deepreview.retromodel import RetroNumbers
from deepreview.runmodel import Commit

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(seed_text: str) -> Report:
    return parse_report(seed_text)


def test_header(report: Report) -> None:
    h = report.header
    assert h.review_id == "20260408-145125-pr-280"
    assert h.date == "2026-04-08 14:51"
    assert (h.repo, h.repo_url) == (
        "rancher-sandbox/rancher-desktop-daemon",
        "https://github.com/rancher-sandbox/rancher-desktop-daemon",
    )
    assert h.round == "1"
    assert h.mode is None
    assert (h.author, h.author_url) == ("@jandubois", None)
    assert (h.pr_number, h.pr_title) == (280, "Add host-switch virtual network for WSL2 instances")
    assert h.pr_url == "https://github.com/rancher-sandbox/rancher-desktop-daemon/pull/280"
    assert h.branch == "host-switch"
    assert h.commits == (Commit("a53d4b9", "Add host-switch virtual network for WSL2 instances"),)
    assert h.reviewers == (
        Reviewer("claude", "Claude", "Opus 4.6"),
        Reviewer("codex", "Codex", "GPT 5.4"),
        Reviewer("gemini", "Gemini", "3.1 Pro"),
    )
    assert h.verdict == Verdict(
        "Merge with fixes",
        "lifecycle integration gaps (I1-I2) and a concurrency bug (I3) need attention; "
        "the core networking logic is sound",
    )
    assert h.wall_clock_s == 33 * 60 + 29
    assert report.notes == ()


def test_findings(report: Report) -> None:
    assert [(f.id, f.severity) for f in report.findings] == [
        ("I1", Severity.IMPORTANT),
        ("I2", Severity.IMPORTANT),
        ("I3", Severity.IMPORTANT),
        ("I4", Severity.IMPORTANT),
        ("S1", Severity.SUGGESTION),
        ("S2", Severity.SUGGESTION),
    ]
    i2 = report.findings[1]
    assert i2.locations == (
        Location("hostswitch_windows.go", 54, 65),
        Location("limavm_lifecycle.go", 446, 469),
    )
    assert i2.reviewers == ("Claude Opus 4.6", "Codex GPT 5.4", "Gemini 3.1 Pro")
    assert i2.classification == "regression"
    assert i2.fix.startswith("(two parts):\n\nMake `startHostSwitch` idempotent")
    # I3 and I4 have no `---` between them in the seed: still two findings, no rule in the fix.
    assert report.findings[2].fix.endswith("return err\n }\n```")
    assert report.findings[3].title == "Vsock listener leaked on early return in `runHostSwitch`"
    assert report.findings[5].locations == (
        Location("hostswitch.go"),
        Location("hostswitch_windows.go"),
    )


def test_prose_sections(report: Report) -> None:
    assert report.executive_summary.startswith("This PR ports the host-switch networking module")
    assert [(o.kind, o.scope, o.reviewers) for o in report.design_observations] == [
        ("concern", "future", ("Codex GPT 5.4", "Claude Opus 4.6")),
        ("strength", None, ("Claude Opus 4.6",)),
        ("strength", None, ("Claude Opus 4.6", "Codex GPT 5.4")),
        ("strength", None, ("Claude Opus 4.6",)),
        ("strength", None, ("Claude Opus 4.6",)),
    ]
    assert len(report.testing.items) == 4
    assert report.testing.items[1].startswith("**No unit tests for `validateSubnet`**")
    assert report.documentation.intro.startswith("The `networking.md` design doc")
    assert report.limitations == ""
    assert report.extra_sections == ()


def test_retro(report: Report) -> None:
    retro = report.retro
    assert [(s.seat, s.name, s.column) for s in retro.seats] == [
        ("claude", "Claude", "Claude Opus 4.6"),
        ("codex", "Codex", "Codex GPT 5.4"),
        ("gemini", "Gemini", "Gemini 3.1 Pro"),
    ]
    assert retro.rows == (
        "Duration",
        "Findings",
        "Tool calls",
        "Design observations",
        "False positives",
        "Unique insights",
        "Files reviewed",
        "Coverage misses",
    )
    claude, codex, gemini = retro.seats
    assert claude.cell("Duration") == "340s"
    assert codex.cell("Tool calls") == "52 (exec_command 51)"
    assert gemini.cell("Coverage misses") == (
        "2 (api_lima.md, lima-images-wsl2.yaml marked trivial)"
    )
    assert claude.tool_call_highlights.startswith("23 calls. 10 Read, 8 Bash")
    # The table's numbers are read once, here, into the model (charts never parse cells).
    assert claude.numbers == RetroNumbers(0, 2, 2, unique_insights=2, tool_calls=23)
    assert codex.numbers == RetroNumbers(0, 2, 1, unique_insights=1, tool_calls=52)
    assert gemini.numbers == RetroNumbers(0, 2, 1, unique_insights=2, tool_calls=13)
    assert claude.narrative.startswith("Claude read all 9 changed files")
    assert "\n\nClaude did not flag" in claude.narrative
    assert len(retro.reconciliation) == 1
    assert retro.reconciliation[0].kind == "note"
    assert retro.reconciliation[0].text.startswith("Gemini C1 (critical, goroutine leak + panic)")


def test_process_notes(report: Report) -> None:
    notes = report.process_notes
    assert notes.skill_improvements == ()
    assert len(notes.repo_context_updates) == 1
    assert notes.repo_context_updates[0].startswith('[repo] Add: "The host-switch goroutine')
    assert report.lead is None


def test_appendix_is_verbatim(report: Report, seed_text: str) -> None:
    assert [(e.name, e.pass_no) for e in report.appendix] == [
        ("Claude", 1),
        ("Codex", 1),
        ("Gemini", 1),
    ]
    for e in report.appendix:
        assert f"### [{e.name}] — Pass 1\n\n{e.text}\n" in seed_text
    assert report.appendix[0].text.startswith("Acknowledged — that background task")
    assert report.appendix[2].text.endswith("limavm_lifecycle.go`: Reviewed, no issues")
    # The Gemini text keeps its trailing space and its doubled blank line verbatim.
    assert "does). \n" in report.appendix[2].text
    assert "\n\n\n### Design Observations" in report.appendix[2].text


def test_header_helpers() -> None:
    assert parse_reviewer("Claude Opus 4.6 (effort: xhigh)") == Reviewer(
        "claude", "Claude", "Opus 4.6", "xhigh"
    )
    assert parse_reviewer("static") == Reviewer("static", "static")
    assert parse_duration("`33 min 29 s`") == 2009
    assert parse_duration("1 h 2 min 3 s") == 3723
    assert parse_duration("45 s") == 45
    assert parse_duration("n/a") is None


def test_variants_of_the_header() -> None:
    text = "\n".join(
        [
            "# Deep Review: 20260501-101010-feature-x",
            "",
            "| | |",
            "|---|---|",
            "| **Round** | 3 (of PR #711) |",
            "| **Mode** | thorough |",
            "| **Author** | [@jan](https://github.com/jan) |",
            "| **Commits** | `aaa1111` First<br>`bbb2222` Second \\| with pipe |",
            "| **Review SHA** | `0123456789abcdef0123456789abcdef01234567` |",
            "| **Verdict** | **Rework** |",
            "| **Extra** | something new |",
            "",
            "> Consolidated without a lead.",
            "",
            "---",
            "",
            "## Unresolved Feedback",
            "",
            "- open comment",
        ]
    )
    r = parse_report(text)
    h = r.header
    assert h.review_id == "20260501-101010-feature-x"
    assert (h.round, h.mode) == ("3 (of PR #711)", "thorough")
    assert (h.author, h.author_url) == ("@jan", "https://github.com/jan")
    assert h.commits == (Commit("aaa1111", "First"), Commit("bbb2222", "Second | with pipe"))
    assert h.review_sha == "0123456789abcdef0123456789abcdef01234567"
    assert h.verdict == Verdict("Rework")
    # An unknown header row is kept as a note rather than dropped.
    assert r.notes == ("**Extra**: something new", "Consolidated without a lead.")
    assert [s.title for s in r.extra_sections] == ["Unresolved Feedback"]


def test_embedded_headings_are_demoted_and_restored_exactly() -> None:
    from deepreview.findings.headings import demote_embedded, restore_embedded

    text = (
        "# Review\n\n## Executive Summary\n\nOK.\n\n```md\n## inside code\n```\n\n"
        "- # in a list\n\n### Critical Issues\n\nNone."
    )
    demoted = demote_embedded(text)
    assert demoted.startswith("<!-- deep-review: headings demoted by 3 -->\n\n#### Review\n")
    assert "\n##### Executive Summary\n" in demoted and "\n###### Critical Issues\n" in demoted
    assert "```md\n## inside code\n```" in demoted and "- # in a list" in demoted
    assert restore_embedded(demoted) == text
    plain = "No headings here."
    assert demote_embedded(plain) == plain == restore_embedded(plain)


def test_a_reviewer_whose_name_has_a_space() -> None:
    """`Static analysis` (the static seat's heading name) is one name, not `Static` running
    model `analysis`, so `parse` of a stored report gives back what the report JSON says."""

    assert parse_reviewer("Static analysis") == Reviewer("static", "Static analysis")
    assert parse_reviewer("Claude Opus 4.6 (effort: high)") == Reviewer(
        "claude", "Claude", "Opus 4.6", "high"
    )
