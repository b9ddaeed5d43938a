from __future__ import annotations

import pytest
from consolidate_helpers import failed, finding, seat

from deepreview.consolidate import apply_decisions, build_report, cluster_findings, decide
from deepreview.consolidate.decisions import Decision
from deepreview.consolidate.retro import ROWS, build_retro_seats, shown_rows
from deepreview.model import DesignObservation, Finding, Header, LeadInfo, Location, Severity
from deepreview.retromodel import RetroNumbers
from deepreview.runmodel import SeatRun

CHANGED = ["pkg/a/lifecycle.go", "pkg/a/switch.go", "docs/net.md", "go.mod"]


def _seats():  # type: ignore[no-untyped-def]
    shared_a = finding(
        "I1",
        "Listener leaked on early return in `runSwitch`",
        "switch.go:96-138",
        body="`vsockHandshake` returns `ln`; `virtualnetwork.New` failing leaks it.",
    )
    only_claude = finding(
        "I2",
        "Missing `stopSwitch` in `handleRestart` leaks goroutine on restart",
        "lifecycle.go:329-341",
        cls="gap",
    )
    shared_b = finding(
        "C1",
        "`runSwitch` leaks the vsock listener when `virtualnetwork.New` fails",
        "pkg/a/switch.go:100-110",
        body="`ln` from `vsockHandshake` is never closed.",
    )
    claude_run = SeatRun(
        "claude",
        duration_s=340.4,
        tool_calls=23,
        tool_counts=(("Read", 10), ("Bash", 8), ("Grep", 5)),
        shell_breakdown=(("git blame", 7), ("git diff", 1)),
        tokens_in=412000,
        tokens_out=9800,
        cost_usd=2.414,
    )
    claude = seat(
        "claude",
        shared_a,
        only_claude,
        model="Opus 4.6",
        coverage={p: "Reviewed, no issues" for p in CHANGED},
        design=(
            DesignObservation("concern", "Failures are invisible", "future"),
            DesignObservation("strength", "Clean split"),
            DesignObservation("strength", "Good doc"),
        ),
        run=claude_run,
    )
    gemini = seat(
        "gemini",
        shared_b,
        model="3.1 Pro",
        coverage={"docs/net.md": "Trivial", "go.mod": "Trivial", "pkg/a/switch.go": "C1"},
        run=SeatRun("gemini", duration_s=257, tool_calls=13, tool_counts=(("grep_search", 13),)),
    )
    return [claude, gemini, failed("codex")]


def _retro(decisions=()):  # type: ignore[no-untyped-def]
    seats = _seats()
    result = apply_decisions(
        cluster_findings(seats), decisions, reviewers=[s.reviewer for s in seats]
    )
    retro = build_retro_seats(seats, result, changed_files=CHANGED)
    return {r.seat: r for r in retro}, result


def test_usage_rows_are_shown_when_some_seat_measured_them() -> None:
    """The retro's Tokens and Cost rows, as the intro promises; left out when no seat's agent
    reported them (a panel of `command` seats keeps the seed's table)."""
    retro, _ = _retro()
    seats = tuple(retro.values())
    rows, kept = shown_rows(seats)
    assert rows == ROWS and kept == seats
    assert [s.cell("Cost") for s in kept] == ["$2.41", "—", "—"]
    unmeasured = tuple(s for s in seats if s.seat != "claude")
    rows, kept = shown_rows(unmeasured)
    assert "Tokens" not in rows and "Cost" not in rows
    assert all(s.cell("Tokens") == "" and s.cell("Cost") == "" for s in kept)
    assert rows == tuple(r for r in ROWS if r not in ("Tokens", "Cost"))


def test_retro_cells_are_computed() -> None:
    retro, result = _retro()
    claude, gemini = retro["claude"], retro["gemini"]
    assert claude.column == "Claude Opus 4.6" and claude.name == "Claude"
    assert dict(claude.cells) == {
        "Duration": "5 min 40 s",
        "Findings": "0C 2I 0S",
        "Tool calls": "23 (Read 10, Bash 8, Grep 5)",
        "Tokens": "412000 in, 9800 out",
        "Cost": "$2.41",
        "Design observations": "1 concern, 2 strengths",
        "False positives": "0",
        "Unique insights": "I1 (Missing `stopSwitch` in `handleRestart`…)",
        "Files reviewed": "4/4",
        "Coverage misses": "0",
        "Downgraded": "0",
        "Dropped": "0",
    }
    assert (
        claude.tool_call_highlights
        == "23 calls. 10 Read, 8 Bash (7 `git blame`, 1 `git diff`), 5 Grep."
    )
    assert gemini.cell("Files reviewed") == "1/4"
    assert (
        gemini.cell("Coverage misses")
        == "3 (`lifecycle.go` not mentioned; `net.md`, `go.mod` marked trivial)"
    )
    assert gemini.cell("Downgraded") == "0"  # an even split keeps its critical
    assert gemini.cell("Unique insights") == "0"
    assert gemini.cell("Design observations") == "0"
    assert gemini.cell("Findings") == "1C 0I 0S"
    assert [f.id for f in result.findings] == ["C1", "I1"]
    # The same facts as numbers, for charts: nobody parses the cells back.
    # a first round: nothing raised again (known, so 0 rather than None)
    assert claude.numbers == RetroNumbers(0, 2, 0, unique_insights=1, tool_calls=23, reraised=0)
    assert gemini.numbers == RetroNumbers(1, 0, 0, unique_insights=0, tool_calls=13, reraised=0)


def test_narratives_state_facts() -> None:
    retro, _ = _retro()
    claude = retro["claude"].narrative
    assert "Claude raised 2 findings (0C 2I 0S) and 3 design observations." in claude
    assert "Only Claude found I1 (Missing `stopSwitch` in `handleRestart`…)." in claude
    assert "Shared with other reviewers: C1." in claude
    assert "Severity reconciled: Claude I1 (important) → critical C1." in claude
    assert "Ran 7 `git blame` commands." in claude
    gemini = retro["gemini"].narrative
    assert "Found by others but not by Gemini: I1 (Claude)." in gemini
    assert "Severity reconciled" not in gemini


def test_failed_seat_shows_its_reason_and_no_findings() -> None:
    retro, _ = _retro()
    codex = retro["codex"]
    assert codex.cell("Duration") == "failed after 30 s (timed out after 30 s)"
    assert codex.cell("Findings") == "—"
    assert codex.numbers is None
    assert "Codex failed: timed out after 30 s." in codex.narrative


def test_false_positive_and_drop_rows() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    only = next(c.id for c in clusters if c.members[0].key == "claude:I2")
    retro, _ = _retro([Decision(only, "drop", "handled elsewhere", false_positive=True)])
    assert (
        retro["claude"].cell("False positives")
        == "1 (Claude I2 (Missing `stopSwitch` in `handleRestart`…))"
    )
    assert retro["claude"].cell("Unique insights") == "0"


def _f(fid: str) -> Finding:
    return Finding(fid, Severity.from_letter(fid[0]), "t", (Location("a.go", 1),))


@pytest.mark.parametrize(
    ("ids", "label", "reason"),
    [
        (["C1", "C2", "I1"], "Rework", "C1–C2 block merging; I1 needs attention"),
        (["C1"], "Rework", "C1 blocks merging"),
        (["I1", "I2", "I3", "I4", "S1"], "Merge with fixes", "I1–I4 need attention"),
        (["I1"], "Merge with fixes", "I1 needs attention"),
        (["S1", "S2"], "Merge as-is", "no critical or important issues; S1–S2 optional"),
        ([], "Merge as-is", "no issues found"),
    ],
)
def test_verdict(ids: list[str], label: str, reason: str) -> None:
    v = decide([_f(i) for i in ids])
    assert (v.label, v.reason) == (label, reason)


def test_verdict_when_every_seat_failed() -> None:
    assert decide([], all_seats_failed=True).label == "Failed"


def test_a_lead_reason_ending_in_a_full_stop_joins_the_failed_seats_cleanly() -> None:
    """The lead's `I1 first.` plus failed seats read `I1 first; 1 of 3 seats failed`, not
    `I1 first.; 1 of 3 seats failed`."""
    from deepreview.consolidate.shortfalls import SeatOutcomes
    from deepreview.consolidate.verdict import qualify
    from deepreview.model import Verdict

    v = qualify(Verdict("Merge with fixes", "I1 first."), [], SeatOutcomes(3, 1, True))
    assert v.reason == "I1 first; 1 of 3 seats failed"
    v = qualify(Verdict("Rework", "C1 blocks merging."), [], SeatOutcomes(1, 0, False))
    assert v.reason == "C1 blocks merging; no model reviewed this change (static checks only)"


def test_a_static_only_verdict_names_the_carried_findings_it_did_not_find() -> None:
    """Static checks found I2; I1 and S1 are carried from round 3: the reason says I1 (which
    drives it) is still open from round 3, not found by the static checks; I2 is theirs."""
    from deepreview.consolidate.shortfalls import SeatOutcomes
    from deepreview.consolidate.verdict import qualify

    i1, i2 = finding("I1", "Leak", "a.py:3"), finding("I2", "Unused import", "b.py:1")
    s1 = finding("S1", "Rename", "a.py:1")
    v = qualify(
        decide([i1, i2, s1]),
        [i1, i2, s1],
        SeatOutcomes(seats=1, failed=0, model_reviewed=False),
        carried=[i1, s1],
        carried_from=3,
    )
    assert (v.label, v.reason) == (
        "Merge with fixes",
        "I1–I2 need attention; I1 still open from round 3, not found by this round's static "
        "checks; no model reviewed this change (static checks only)",
    )


def test_coverage_misses_of_a_large_change_stay_short() -> None:
    """A 300-file change that a seat mostly did not mention: the cell names eight files and
    counts the rest, instead of a 3 KB line."""
    files = [f"pkg/m{n:03}.go" for n in range(300)]
    quiet = seat("claude", model="Opus 4.6", coverage={files[0]: "Reviewed, no issues"})
    result = apply_decisions(cluster_findings([quiet]), (), reviewers=[quiet.reviewer])
    (retro,) = build_retro_seats([quiet], result, changed_files=files)
    cell = retro.cell("Coverage misses")
    shown = ", ".join(f"`m{n:03}.go`" for n in range(1, 9))  # code: a file name is no Markdown
    assert cell == f"299 ({shown} and 291 more not mentioned)"
    assert "Coverage misses: `m001.go`" in retro.narrative and "and 259 more not mentioned." in (
        retro.narrative
    )


def test_a_leads_retro_words_for_a_failed_seat_do_not_hide_its_failure() -> None:
    seats = [
        seat("claude", finding("I1", "Leak", "a.py:3")),
        failed("gemini", "exited with code 1"),
    ]
    report = build_report(
        Header("r"),
        seats,
        lead=LeadInfo(seat="claude", status="ok"),
        retro_narratives={"claude": "Claude traced the leak.", "gemini": "Gemini was brilliant."},
    )
    by_seat = {s.seat: s.narrative for s in report.retro.seats}
    assert by_seat["claude"] == "Claude traced the leak."
    assert "brilliant" not in by_seat["gemini"]
    assert "failed" in by_seat["gemini"] and "exited with code 1" in by_seat["gemini"]
