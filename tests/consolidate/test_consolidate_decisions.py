from __future__ import annotations

import pytest
from consolidate_helpers import finding, seat

from deepreview.consolidate import (
    SEVERITY_RULE,
    AddedFinding,
    Decision,
    DecisionError,
    apply_decisions,
    cluster_findings,
)
from deepreview.consolidate.labels import title_label, title_labels
from deepreview.model import Location, Severity

IMP, SUG, CRIT = Severity.IMPORTANT, Severity.SUGGESTION, Severity.CRITICAL


def _seats():  # type: ignore[no-untyped-def]
    leak_a = finding(
        "I1",
        "Listener leaked on early return in `runSwitch`",
        "switch.go:96-138",
        body="```go\nln, err := vsockHandshake(ctx)\n```\nAfter `vsockHandshake` returns `ln`, "
        "the `virtualnetwork.New` failure returns without closing it.",
        fix="```diff\n+ ln.Close()\n```",
    )
    leak_b = finding(
        "C1",
        "`runSwitch` leaks the vsock listener when `virtualnetwork.New` fails",
        "pkg/net/switch.go:100-110",
        body="`ln` from `vsockHandshake` is never closed on this path.",
    )
    serve = finding(
        "S1",
        "HTTP `Serve` returns a non-`ErrServerClosed` error on shutdown",
        "pkg/net/switch.go:145-160",
        body="Closing `vnLn` makes `s.Serve` return `net.ErrClosed`.",
    )
    ctx = finding(
        "C2",
        "Reconcile context cancellation kills the switch",
        "pkg/net/start.go:49",
        body="The `ctx` passed to `startSwitch` is cancelled when `Reconcile` returns.",
    )
    return [
        seat("claude", leak_a, serve, model="Opus 4.6"),
        seat("gemini", leak_b, ctx, model="3.1 Pro"),
    ]


def _reviewers(seats):  # type: ignore[no-untyped-def]
    return [s.reviewer for s in seats]


def _cluster_of(clusters, key: str) -> str:  # type: ignore[no-untyped-def]
    return next(c.id for c in clusters if any(m.key == key for m in c.members))


def test_without_decisions_the_rule_decides_and_every_change_is_recorded() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    result = apply_decisions(clusters, reviewers=_reviewers(seats))
    ids = [f.id for f in result.findings]
    assert ids == ["C1", "C2", "S1"]
    c1, c2, _ = result.findings
    assert c2.title.startswith("Reconcile") and c2.reviewers == ("Gemini 3.1 Pro",)
    assert c1.reviewers == ("Claude Opus 4.6", "Gemini 3.1 Pro")
    assert c1.severity == CRIT  # critical + important: even split → critical
    kinds = [(e.kind, e.finding_ids) for e in result.reconciliation]
    assert kinds == [("merge", ("C1",)), ("severity", ("C1",))]
    merge, sev = result.reconciliation
    assert merge.text.startswith("C1 merges Claude I1, Gemini C1 — Gemini C1 joins Claude I1:")
    assert sev.text == (
        "Claude I1 (important) → critical C1: 1 of 2 reviewers rated it critical "
        f"(rule: {SEVERITY_RULE})"
    )
    assert result.tallies["claude"].upgrades == ((IMP, CRIT),)
    assert "gemini" not in result.tallies
    origins = {o.finding_id: [m.key for m in o.members] for o in result.origins}
    assert origins["C1"] == ["claude:I1", "gemini:C1"]


def test_drop_as_false_positive_feeds_the_tally() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    kid = _cluster_of(clusters, "gemini:C2")
    result = apply_decisions(
        clusters,
        [Decision(kid, "drop", "the reconcile context is the manager's", false_positive=True)],
        reviewers=_reviewers(seats),
    )
    assert [f.id for f in result.findings] == ["C1", "S1"]
    drop = result.reconciliation[-1]
    assert drop.kind == "drop"
    assert drop.text == (
        "Dropped Gemini C2 (Reconcile context cancellation kills the…) as a false "
        "positive: the reconcile context is the manager's"
    )
    assert result.tallies["gemini"].false_positives == (
        "Gemini C2 (Reconcile context cancellation kills the…)",
    )
    assert result.tallies["gemini"].dropped == ()


def test_plain_drop_is_counted_as_dropped() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    kid = _cluster_of(clusters, "claude:S1")
    result = apply_decisions(clusters, [Decision(kid, "drop", "out of scope")])
    assert result.tallies["claude"].dropped == ("Claude S1 (HTTP `Serve` returns a…)",)
    assert result.tallies["claude"].false_positives == ()
    assert "as a false positive" not in result.reconciliation[-1].text


def test_lead_severity_is_recorded_per_member_with_its_reason() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    kid = _cluster_of(clusters, "claude:I1")
    result = apply_decisions(
        clusters,
        [Decision(kid, "severity", "bounded leak, self-heals on exit", severity=SUG)],
        reviewers=_reviewers(seats),
    )
    sev = [e for e in result.reconciliation if e.kind == "severity"]
    assert [e.text for e in sev] == [
        "Claude I1 (important) → suggestion S1: bounded leak, self-heals on exit (lead)",
        "Gemini C1 (critical) → suggestion S1: bounded leak, self-heals on exit (lead)",
    ]
    assert result.tallies["claude"].downgrades == ((IMP, SUG),)
    assert result.tallies["gemini"].downgrades == ((CRIT, SUG),)


def test_merge_split_title_and_classification() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    leak = _cluster_of(clusters, "claude:I1")
    serve = _cluster_of(clusters, "claude:S1")
    merged = apply_decisions(
        clusters,
        [
            Decision(serve, "merge", "same shutdown path", merge_into=leak),
            Decision(leak, "keep", "clearer", title="Shutdown leaks", classification="gap"),
        ],
    )
    titles = [f.title for f in merged.findings]
    assert "Shutdown leaks" in titles and len(merged.findings) == 2
    target = next(f for f in merged.findings if f.title == "Shutdown leaks")
    assert target.classification == "gap"
    texts = " | ".join(e.text for e in merged.reconciliation)
    assert "lead merged Claude S1: same shutdown path" in texts
    assert f"{target.id} reclassified regression → gap: clearer" in texts

    split = apply_decisions(
        clusters, [Decision(leak, "split", "different leaks", split_member_ids=("gemini:C1",))]
    )
    assert len(split.findings) == 4
    assert any(e.kind == "split" and "Gemini C1" in e.text for e in split.reconciliation)
    assert not any(e.kind == "merge" for e in split.reconciliation)


def test_added_findings_are_credited_to_the_lead() -> None:
    result = apply_decisions(
        cluster_findings(_seats()),
        added=[
            AddedFinding(
                IMP,
                "Missing `stopSwitch` in `handleRestart`",
                (Location("pkg/net/restart.go", 329, 341),),
                "gap",
                body="found while verifying",
                reason="every other shutdown path calls it",
            )
        ],
    )
    added = next(f for f in result.findings if f.reviewers == ("lead",))
    assert added.verification == "added-by-lead"
    assert result.reconciliation[-1].kind == "add"
    assert result.reconciliation[-1].text == (
        f"{added.id} added by the lead: every other shutdown path calls it"
    )


def test_decision_order_does_not_matter() -> None:
    clusters = cluster_findings(_seats())
    leak = _cluster_of(clusters, "claude:I1")
    serve = _cluster_of(clusters, "claude:S1")
    ctx = _cluster_of(clusters, "gemini:C2")
    ds = [
        Decision(ctx, "drop", "wrong", false_positive=True),
        Decision(serve, "merge", "same", merge_into=leak),
        Decision(leak, "severity", "lower", severity=SUG),
    ]
    assert apply_decisions(clusters, ds) == apply_decisions(clusters, list(reversed(ds)))


@pytest.mark.parametrize(
    "decision",
    [
        Decision("K99", "drop", "x"),
        Decision("K1", "merge", "x", merge_into="K99"),
        Decision("K1", "merge", "x", merge_into="K1"),
        Decision("K1", "split", "x", split_member_ids=("nobody:I1",)),
        Decision("K1", "severity", "x"),
    ],
)
def test_invalid_decisions_say_what_is_valid(decision: Decision) -> None:
    with pytest.raises(DecisionError, match="K1"):
        apply_decisions(cluster_findings(_seats()), [decision])


def test_split_of_every_member_is_refused() -> None:
    clusters = cluster_findings(_seats())
    leak = next(c for c in clusters if len(c.members) == 2)
    with pytest.raises(DecisionError, match="every member"):
        apply_decisions(
            clusters,
            [Decision(leak.id, "split", "x", split_member_ids=tuple(m.key for m in leak.members))],
        )


def test_merge_chains_resolve_whatever_the_order() -> None:
    clusters = cluster_findings(_seats())
    ids = [c.id for c in clusters]
    assert len(ids) == 3
    a, b, c = ids
    chain = [
        Decision(a, "merge", "one problem", merge_into=b),
        Decision(b, "merge", "one problem", merge_into=c),
    ]
    first = apply_decisions(clusters, chain)
    second = apply_decisions(clusters, list(reversed(chain)))
    assert len(first.findings) == len(second.findings) == 1
    assert first.findings == second.findings


def test_duplicate_actions_and_drops_of_merged_clusters_are_refused() -> None:
    clusters = cluster_findings(_seats())
    a, b = clusters[0].id, clusters[1].id
    with pytest.raises(DecisionError, match="two 'drop' decisions"):
        apply_decisions(clusters, [Decision(a, "drop", "x"), Decision(a, "drop", "y")])
    with pytest.raises(DecisionError, match="merged before a drop"):
        apply_decisions(
            clusters, [Decision(a, "merge", "x", merge_into=b), Decision(a, "drop", "y")]
        )


def test_a_merged_finding_counts_each_reviewer_once() -> None:
    seats = _seats()
    clusters = cluster_findings(seats)
    leak = _cluster_of(clusters, "claude:I1")  # Claude I1 important, Gemini C1 critical
    serve = _cluster_of(clusters, "claude:S1")  # Claude S1 suggestion
    result = apply_decisions(
        clusters,
        [Decision(serve, "merge", "same shutdown path", merge_into=leak)],
        reviewers=_reviewers(seats),
    )
    merged = next(f for f in result.findings if "Claude" in " ".join(f.reviewers))
    # Claude votes once, with its important I1: not important + suggestion against critical
    # (three votes, whose median is important), but an even split, which takes the critical
    assert merged.severity == CRIT
    sev = [e.text for e in result.reconciliation if e.kind == "severity"]
    assert sev == [
        f"Claude I1 (important) → critical {merged.id}: 1 of 2 reviewers rated it critical "
        f"(rule: {SEVERITY_RULE})"
    ]
    # its folded-in S1 is no upgrade of its own: one row, for the grade it voted with
    assert result.tallies["claude"].upgrades == ((IMP, CRIT),)


def test_a_merge_without_severity_never_lowers_the_finding_it_joins() -> None:
    hook = finding("S1", "Name the `onStop` hook in the log", "cmd/main.go:7", body="Say which.")
    seats = [*_seats(), seat("codex", hook)]
    clusters = cluster_findings(seats)
    serve = _cluster_of(clusters, "claude:S1")  # suggestion
    nit = _cluster_of(clusters, "codex:S1")  # suggestion
    ctx = _cluster_of(clusters, "gemini:C2")  # critical, Gemini alone
    result = apply_decisions(
        clusters,
        [
            Decision(serve, "merge", "the same shutdown", merge_into=ctx),
            Decision(nit, "merge", "the same shutdown", merge_into=ctx),
        ],
        reviewers=_reviewers(seats),
    )
    # critical + two suggestions: the median is a suggestion; the absorbing C2 was critical
    merged = next(f for f in result.findings if f.title.startswith("Reconcile"))
    assert merged.severity == CRIT
    sev = [e.text for e in result.reconciliation if e.finding_ids == (merged.id,)][1:]
    why = (
        f"{merged.id} was critical before the lead merged Claude S1 and Codex S1 into it; the "
        f"lead gave the merged finding no severity, so {merged.id} stays critical, although by "
        "the reviewers' votes alone (1 of 3 rated it critical) it would be a suggestion "
        "(rule: a lead's merge that gives no severity never lowers the finding merged into)"
    )
    assert sev == [
        f"{who} S1 (suggestion) → critical {merged.id}: {why}" for who in ("Claude", "Codex")
    ]
    assert (SUG, CRIT) in result.tallies["claude"].upgrades

    # the same merge with the lead's own severity: that severity stands
    lowered = apply_decisions(
        clusters,
        [Decision(serve, "merge", "minor after all", merge_into=ctx, severity=SUG)],
        reviewers=_reviewers(seats),
    )
    # the finding is still the one the lead merged into: Gemini's text, Claude's credited
    merged = next(f for f in lowered.findings if f.title.startswith("Reconcile"))
    assert merged.severity == SUG and "Claude Opus 4.6" in merged.reviewers


def test_the_lead_merge_reasons_join_without_their_full_stops() -> None:
    """tg63 #8: two lead merges into one finding read "… at switch.go:145.; lead merged …"."""
    seats = _seats()
    clusters = cluster_findings(seats)
    leak = _cluster_of(clusters, "claude:I1")
    serve = _cluster_of(clusters, "claude:S1")
    ctx = _cluster_of(clusters, "gemini:C2")
    merged = apply_decisions(
        clusters,
        [
            Decision(serve, "merge", "Same shutdown path at switch.go:145.", merge_into=leak),
            Decision(ctx, "merge", "The cancelled context is the leak's cause...", merge_into=leak),
        ],
    )
    [entry] = [e for e in merged.reconciliation if e.kind == "merge"]
    assert ".;" not in entry.text, entry.text
    assert "lead merged Claude S1: Same shutdown path at switch.go:145; lead merged Gemini C2:" in (
        entry.text
    )
    # an ellipsis is the reason's own words, kept
    assert entry.text.endswith("the leak's cause...")


def test_title_label_keeps_code_spans_and_cuts_between_words() -> None:
    assert title_label("`add` now subtracts when b is negative") == (
        "`add` now subtracts when b is negative"
    )
    # never cut inside a code span: a stray backtick would swallow the rest of a table cell
    assert title_label("**Bold** `git diff --check` reports whitespace errors in files") == (
        "Bold `git diff --check` reports…"
    )
    assert title_labels(
        [
            "No test for `sub` at all and nothing covering the negative path",
            "No test for `sub` at all and nothing covering the zero path",
        ]
    ) == (
        "No test for `sub` at all and nothing covering the negative…",
        "No test for `sub` at all and nothing covering the zero path",
    )
