from __future__ import annotations

from pathlib import Path

import pytest
from consolidate_helpers import failed, finding, seat

from deepreview.agents.registry import get_agent, known_agents
from deepreview.consolidate import build_report
from deepreview.consolidate.files import consolidate_files
from deepreview.consolidate.inputs import display_name, seat_from_filename
from deepreview.errors import UsageError
from deepreview.model import Header, LeadInfo

REVIEW = """### Executive Summary

Adds a listener.

### Findings

**Important Issues**

I1. **Listener leaked on early return in `runSwitch`** — `pkg/a/switch.go:96-138` \
(important, regression)

```go
ln, err := vsockHandshake(ctx)
```

After `vsockHandshake` returns `ln`, the `virtualnetwork.New` failure path leaks it.

Fix: close `ln`.

### Coverage Summary

- `pkg/a/switch.go` — I1
"""


def _seats():  # type: ignore[no-untyped-def]
    a = finding(
        "I1",
        "Listener leaked on early return in `runSwitch`",
        "switch.go:96-138",
        body="`vsockHandshake` returns `ln`; `virtualnetwork.New` failing leaks it.",
    )
    b = finding(
        "C1",
        "`runSwitch` leaks the vsock listener when `virtualnetwork.New` fails",
        "pkg/a/switch.go:100-110",
        body="`ln` from `vsockHandshake` is never closed.",
    )
    return [
        seat("claude", a, model="Opus 4.6", raw="claude's review"),
        seat("gemini", b, model="3.1 Pro", raw="gemini's review"),
        failed("codex"),
    ]


def test_build_report_puts_everything_in_place() -> None:
    seats = _seats()
    lead = LeadInfo(seat="none", note="Consolidated without a lead")
    report = build_report(Header(review_id="r1"), seats, lead=lead, notes=("a note",))
    # important + critical: an even split keeps the critical
    assert report.header.verdict.label == "Rework"
    # codex failed: the verdict says so, and codex is no reviewer.
    assert report.header.verdict.reason == "C1 blocks merging; 1 of 3 seats failed"
    assert [r.seat for r in report.header.reviewers] == ["claude", "gemini"]
    assert [f.id for f in report.findings] == ["C1"]
    assert [(a.name, a.text) for a in report.appendix] == [
        ("Claude", "claude's review"),
        ("Gemini", "gemini's review"),
    ]
    assert [r.seat for r in report.runs] == ["codex"]  # only the failed seat has a run here
    assert [s.seat for s in report.retro.seats] == ["claude", "gemini", "codex"]
    assert report.retro.reconciliation[0].kind == "merge"
    assert report.lead == lead and report.notes == ("a note",)
    summary = report.executive_summary
    assert summary.startswith("Claude Opus 4.6 and Gemini 3.1 Pro reviewed this change.")
    assert "Codex failed (timed out after 30 s)." in summary
    assert (
        "consolidated into 1 finding (1 critical issue, 0 important issues, 0 suggestions)"
        in summary
    )
    assert summary.endswith("Verdict: Rework — C1 blocks merging; 1 of 3 seats failed.")


def test_given_summary_and_header_reviewers_are_kept() -> None:
    seats = _seats()
    header = Header(review_id="r1", reviewers=(seats[0].reviewer,))
    report = build_report(header, seats, executive_summary="Written by the lead.")
    assert report.executive_summary == "Written by the lead."
    assert report.header.reviewers == (seats[0].reviewer,)


def test_all_seats_failed() -> None:
    report = build_report(Header(review_id="r1"), [failed("claude"), failed("codex")])
    assert report.header.verdict.label == "Failed"
    assert report.findings == () and report.appendix == ()
    assert "Claude failed" in report.retro.seats[0].narrative


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("review-claude-pass-1", ("claude", 1)),
        ("review-my-linter-pass-3", ("my-linter", 3)),
        ("review-gemini", ("gemini", 1)),
        ("notes", ("notes", 1)),
    ],
)
def test_seat_from_filename(stem: str, expected: tuple[str, int]) -> None:
    assert seat_from_filename(stem) == expected


def test_display_names_come_from_the_adapters() -> None:
    """Offline consolidation names a seat as a review run does: by its adapter."""
    for name in known_agents():
        assert display_name(name) == get_agent(name).display_name
    assert display_name("opencode") == "opencode" and display_name("static") == "Static analysis"
    assert display_name("my-linter") == "My-Linter"


def test_consolidate_files(tmp_path: Path) -> None:
    run_dir = tmp_path / "20260408-145125-pr-280"
    run_dir.mkdir()
    a = run_dir / "review-claude-pass-1.md"
    b = run_dir / "review-gemini-pass-1.md"
    a.write_text(REVIEW, encoding="utf-8")
    b.write_text(REVIEW.replace("(important,", "(critical,").replace("I1", "C1"), encoding="utf-8")
    report = consolidate_files([a, b], seats=None, changed_files=["pkg/a/switch.go", "go.mod"])
    assert report.header.review_id == "20260408-145125-pr-280"
    assert [r.name for r in report.header.reviewers] == ["Claude", "Gemini"]
    assert [(f.id, f.reviewers) for f in report.findings] == [("C1", ("Claude", "Gemini"))]
    assert report.retro.seats[0].cell("Files reviewed") == "1/2"
    assert report.lead is not None and report.lead.note == "Consolidated without a lead"

    named = consolidate_files([a, b], seats=["x", "y"], changed_files=None)
    assert [r.name for r in named.header.reviewers] == ["X", "Y"]
    assert named.header.review_id == "20260408-145125-pr-280"


def test_consolidate_files_errors(tmp_path: Path) -> None:
    a = tmp_path / "review-claude-pass-1.md"
    a.write_text(REVIEW, encoding="utf-8")
    with pytest.raises(UsageError, match="no review files"):
        consolidate_files([], seats=None, changed_files=None)
    with pytest.raises(UsageError, match="one --seat per file"):
        consolidate_files([a], seats=["x", "y"], changed_files=None)
    with pytest.raises(UsageError, match="both seat 'claude'"):
        consolidate_files([a, a], seats=None, changed_files=None)
    with pytest.raises(UsageError, match="cannot read review file"):
        consolidate_files([tmp_path / "missing.md"], seats=None, changed_files=None)
    assert consolidate_files([a], seats=None, changed_files=None).header.review_id == "consolidated"
