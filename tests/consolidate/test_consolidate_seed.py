"""The must-show: the seed report's three original reviews, consolidated deterministically.

The seed's lead put Claude I1 (missing `stopHostSwitch` in `handleRestartNeeded`) on its own and
credited the start-failure / overwrite leak to all three seats (Claude I3, Codex I1, Gemini S1);
Codex I1's locations overlap both Claude findings, so this is where naive first-match clustering
goes wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.consolidate import SeatReview, apply_decisions, build_report, cluster_findings
from deepreview.findings.report_parse import parse_appendix_reviews
from deepreview.model import Header, Report, Reviewer, Severity
from deepreview.runmodel import SeatRun
from support.golden import assert_golden

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-report.md"
REVIEWERS = {
    "claude": Reviewer("claude", "Claude", "Opus 4.6"),
    "codex": Reviewer("codex", "Codex", "GPT 5.4"),
    "gemini": Reviewer("gemini", "Gemini", "3.1 Pro"),
}
# What the seed's retro says about the runs, plus tokens and cost as the agents report them
# (Gemini's CLI reports no cost).
RUNS = {
    "claude": SeatRun(
        "claude",
        duration_s=340,
        tool_calls=23,
        tool_counts=(("Read", 10), ("Bash", 8), ("Grep", 5)),
        shell_breakdown=(("git blame", 7), ("git diff", 1)),
        tokens_in=412000,
        tokens_out=9800,
        cost_usd=2.41,
    ),
    "codex": SeatRun(
        "codex",
        duration_s=228,
        tool_calls=52,
        tool_counts=(("exec_command", 51), ("write_stdin", 1)),
        shell_breakdown=(("sed -n", 21), ("nl", 11), ("rg", 9), ("git blame", 5)),
        tokens_in=1200000,
        tokens_out=15000,
        cost_usd=1.87,
    ),
    "gemini": SeatRun(
        "gemini",
        duration_s=257,
        tool_calls=13,
        tool_counts=(("grep_search", 7), ("read_file", 4), ("run_shell_command", 2)),
        shell_breakdown=(("make build", 1), ("go test", 1)),
        tokens_in=180000,
        tokens_out=6000,
    ),
}
_CTRL = "pkg/controllers/lima/limavm/controllers/"
CHANGED = (
    "docs/design/api_lima.md",
    "docs/design/networking.md",
    "go.mod",
    "pkg/controllers/app/app/lima-images-wsl2.yaml",
    *(
        _CTRL + name
        for name in (
            "hostswitch.go",
            "hostswitch_other.go",
            "hostswitch_windows.go",
            "limavm_controller.go",
            "limavm_lifecycle.go",
        )
    ),
)
HEADER = Header(
    review_id="20260408-145125-pr-280",
    date="2026-04-08 14:51",
    repo="rancher-sandbox/rancher-desktop-daemon",
    repo_url="https://github.com/rancher-sandbox/rancher-desktop-daemon",
    round="1",
    pr_number=280,
    pr_title="Add host-switch virtual network for WSL2 instances",
    branch="host-switch",
)


@pytest.fixture(scope="module")
def seats() -> list[SeatReview]:
    reviews = parse_appendix_reviews(SEED.read_text(encoding="utf-8"))
    assert [r.seat for r in reviews] == ["claude", "codex", "gemini"]
    return [SeatReview(REVIEWERS[r.seat], r, RUNS[r.seat]) for r in reviews]


@pytest.fixture(scope="module")
def report(seats: list[SeatReview]) -> Report:
    return build_report(HEADER, seats, changed_files=CHANGED)


def _members(seats: list[SeatReview]) -> dict[str, list[str]]:
    clusters = cluster_findings(seats, changed_files=CHANGED)
    result = apply_decisions(clusters, reviewers=[s.reviewer for s in seats])
    return {o.finding_id: [m.key for m in o.members] for o in result.origins}


def test_seed_clusters(seats: list[SeatReview]) -> None:
    groups = {frozenset(keys) for keys in _members(seats).values()}
    assert frozenset({"claude:I1"}) in groups  # the restart gap, Claude only
    assert frozenset({"claude:I3", "codex:I1", "gemini:S1"}) in groups  # start failure/overwrite
    assert frozenset({"claude:I2"}) in groups  # listener leak
    assert frozenset({"codex:I2", "gemini:C3"}) in groups  # attemptHandshake / found channel
    assert frozenset({"claude:S1", "gemini:I2"}) in groups  # Serve returns net.ErrClosed


def test_seed_important_issues(seats: list[SeatReview], report: Report) -> None:
    members = _members(seats)
    important = {f.id: f for f in report.by_severity(Severity.IMPORTANT)}
    restart = [i for i in important if members[i] == ["claude:I1"]]
    assert len(restart) == 1
    seed_i1 = important[restart[0]]
    assert "`stopHostSwitch`" in seed_i1.title and "`handleRestartNeeded`" in seed_i1.title
    assert seed_i1.reviewers == ("Claude Opus 4.6",)
    assert seed_i1.classification == "gap"

    leak = [i for i in important if sorted(members[i]) == ["claude:I3", "codex:I1", "gemini:S1"]]
    assert len(leak) == 1
    shared = important[leak[0]]
    assert shared.reviewers == ("Claude Opus 4.6", "Codex GPT 5.4", "Gemini 3.1 Pro")
    assert leak[0] == "I1"  # three reviewers: the most important of the important issues
    paths = {loc.path for loc in shared.locations}
    assert paths == {_CTRL + "limavm_lifecycle.go", _CTRL + "hostswitch_windows.go"}


def test_seed_reconciliation_lists_every_severity_change(
    seats: list[SeatReview], report: Report
) -> None:
    members = _members(seats)
    by_member = {
        f"{s.reviewer.seat}:{f.id}": (s.reviewer.name, f)
        for s in seats
        if s.review is not None
        for f in s.review.findings
    }
    final = {f.id: f.severity for f in report.findings}
    expected = []
    for fid, keys in members.items():
        for key in keys:
            name, own = by_member[key]
            if own.severity != final[fid]:
                expected.append(
                    f"{name} {own.id} ({own.severity.value}) → {final[fid].value} {fid}"
                )
    severity_entries = [e.text for e in report.retro.reconciliation if e.kind == "severity"]
    assert len(severity_entries) == len(expected) >= 3
    for head in expected:
        assert sum(1 for t in severity_entries if t.startswith(head + ":")) == 1, head
    merges = [e for e in report.retro.reconciliation if e.kind == "merge"]
    assert {e.finding_ids for e in merges} == {
        (fid,) for fid, keys in members.items() if len(keys) > 1
    }
    assert all(" merges " in e.text and " — " in e.text for e in merges)


def test_seed_retro_and_verdict(report: Report) -> None:
    retro = {s.seat: s for s in report.retro.seats}
    assert retro["claude"].cell("Findings") == "0C 3I 2S"
    assert retro["claude"].cell("Tool calls") == "23 (Read 10, Bash 8, Grep 5)"
    assert retro["claude"].cell("Files reviewed") == "9/9"
    assert retro["codex"].cell("Findings") == "0C 2I 0S"
    assert retro["gemini"].cell("Duration") == "4 min 17 s"
    # two even splits (Gemini's critical beside Codex's important, Gemini's important beside
    # Claude's suggestion) keep the more severe grade: nothing of Gemini's is downgraded
    assert retro["gemini"].cell("Downgraded") == "0"
    # Gemini's two single-reviewer criticals stand under the rule; the lead would weigh them
    assert report.header.verdict.label == "Rework"


def test_seed_golden(report: Report) -> None:
    pytest.importorskip("deepreview.render.markdown")
    from deepreview.render.markdown import render_markdown

    assert_golden("consolidate/seed-consolidated.md", render_markdown(report))
