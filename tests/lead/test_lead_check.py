"""Checking the lead's claims against the clusters, and applying them to the report."""

from __future__ import annotations

from typing import Any

import pytest
from lead_kit import ANSWER, CHANGED, EXPECTED_CLUSTERS, answer, seat_reviews

from deepreview.consolidate import build_report, cluster_findings
from deepreview.consolidate.decisions import Decision
from deepreview.lead.answer import LeadAnswer
from deepreview.lead.apply import (
    choose_verdict,
    outside_code,
    report_from_answer,
    rests_on_nothing,
    substitute,
)
from deepreview.lead.check import Checked, check_answer
from deepreview.lead.check_decisions import check_decisions
from deepreview.model import Header, LeadInfo, Report, Severity, Verdict

SEATS = ["alpha", "bravo", "charlie"]


@pytest.fixture(scope="module")
def clusters():  # type: ignore[no-untyped-def]
    return cluster_findings(seat_reviews(), changed_files=CHANGED)


def _answer(**changes: Any) -> LeadAnswer:
    return LeadAnswer.model_validate(answer(**changes))


def _decisions(clusters, *decisions: dict[str, Any]):  # type: ignore[no-untyped-def]
    """(accepted, rejection notes with their raw cluster IDs, undecided)."""
    accepted, rejected, undecided = check_decisions(_answer(decisions=list(decisions)), clusters)
    return accepted, tuple(str(n) for n in rejected), undecided


def _report(clusters, lead_answer: LeadAnswer) -> Report:  # type: ignore[no-untyped-def]
    return _report_of(clusters, check_answer(lead_answer, clusters, seats=SEATS))


def _report_of(clusters, checked: Checked) -> Report:  # type: ignore[no-untyped-def]
    """The report of the scenario's seat reviews with the lead's `checked` answer applied."""
    return report_from_answer(
        Header("r1"),
        seat_reviews(),
        clusters,
        checked,
        lead=LeadInfo("claude", "ok"),
        changed_files=CHANGED,
    )


def test_fixture_clusters_are_what_the_scenario_assumes(clusters) -> None:  # type: ignore[no-untyped-def]
    assert {c.id: [m.key for m in c.members] for c in clusters} == EXPECTED_CLUSTERS


def test_the_scenario_answer_applies_cleanly(clusters) -> None:  # type: ignore[no-untyped-def]
    checked = check_answer(_answer(), clusters, seats=SEATS)
    assert checked.rejected == ()
    assert checked.undecided == ()
    actions = sorted((d.cluster_id, d.action) for d in checked.decisions)
    # the merge's title moved to the cluster that absorbs it, as a keep
    assert actions == [
        ("K1", "keep"),
        ("K2", "severity"),
        ("K3", "keep"),
        ("K4", "drop"),
        ("K5", "merge"),
    ]
    k3 = next(d for d in checked.decisions if d.cluster_id == "K3")
    assert k3.title == "New `sub` and `shout` ship without tests"


def test_unknown_cluster_is_rejected_not_invented(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K9", "action": "drop", "false_positive": True, "reason": "nope"},
        {"cluster": "K4", "action": "merge", "merge_into": "K42", "reason": "nope"},
        {"cluster": "k1", "action": "keep", "reason": "lower case is fine"},
    )
    assert [(d.cluster_id, d.action) for d in accepted] == [("K1", "keep")]
    assert len(rejected) == 2
    assert rejected == (
        "Lead decision `merge` about K4 rejected: it merges into 'K42', which names no finding "
        "of this review.",
        "Lead decision `drop` about 'K9' rejected: no finding of this review has that ID.",
    )


def test_merge_chain_ends_in_one_finding(clusters) -> None:  # type: ignore[no-untyped-def]
    report = _report(
        clusters,
        _answer(
            decisions=[
                {"cluster": "K5", "action": "merge", "merge_into": "K3", "reason": "same gap"},
                {"cluster": "K3", "action": "merge", "merge_into": "K2", "reason": "docs+tests"},
            ],
            added_findings=[],
        ),
    )
    merged = [f for f in report.findings if set(f.reviewers) == {"Alpha", "Bravo", "Charlie"}]
    assert len(merged) == 1
    assert len(report.findings) == 3  # K1, K2+K3+K5, K4


def test_merge_cycle_is_rejected(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K2", "action": "merge", "merge_into": "K3", "reason": "a"},
        {"cluster": "K3", "action": "merge", "merge_into": "K5", "reason": "b"},
        {"cluster": "K5", "action": "merge", "merge_into": "K2", "reason": "c"},
    )
    assert [d.cluster_id for d in accepted] == ["K2", "K3"]
    assert rejected == (
        "Lead decision `merge` about K5 rejected: merging it into K2 would close a merge cycle.",
    )


def test_merge_into_self_is_rejected(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters, {"cluster": "K2", "action": "merge", "merge_into": "K2", "reason": "a"}
    )
    assert accepted == () and "it merges into itself" in rejected[0]


def test_a_drop_wins_over_a_merge_into_it(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K3", "action": "merge", "merge_into": "K4", "reason": "same"},
        {"cluster": "K4", "action": "drop", "false_positive": True, "reason": "wrong"},
    )
    assert [(d.cluster_id, d.action) for d in accepted] == [("K4", "drop")]
    assert rejected == (
        "Lead decision `merge` about K3 rejected: K4 is dropped; drop both if "
        "they make the same claim.",
    )


def test_a_cluster_both_dropped_and_regraded_is_kept(clusters) -> None:  # type: ignore[no-untyped-def]
    """The lead contradicted itself: the re-grade applies (and a merge into the cluster with
    it), the drop does not, and its note says which decision was applied."""
    accepted, rejected, undecided = _decisions(
        clusters,
        {"cluster": "K3", "action": "merge", "merge_into": "K4", "reason": "same"},
        {"cluster": "K4", "action": "drop", "false_positive": True, "reason": "wrong"},
        {"cluster": "K4", "action": "severity", "severity": "suggestion", "reason": "meh"},
    )
    assert [(d.cluster_id, d.action) for d in accepted] == [("K3", "merge"), ("K4", "severity")]
    assert rejected == (
        "The lead contradicted itself about K4: it both re-graded it to suggestion and dropped "
        "it (“wrong”); the re-grade was applied and the finding stays in the report (rule: a "
        "finding the lead both keeps and drops is kept).",
    )
    assert "K4" not in undecided


def test_severity_on_a_merged_cluster_is_rejected(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K5", "action": "severity", "severity": "important", "reason": "x"},
        {"cluster": "K5", "action": "merge", "merge_into": "K3", "reason": "same"},
    )
    assert [(d.cluster_id, d.action) for d in accepted] == [("K5", "merge")]
    assert "about K5 rejected: it is merged into K3" in rejected[0]


def test_duplicate_and_incomplete_decisions(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, undecided = _decisions(
        clusters,
        {"cluster": "K2", "action": "severity", "reason": "no severity given"},
        {"cluster": "K1", "action": "keep", "reason": "first"},
        {"cluster": "K1", "action": "keep", "reason": "second"},
    )
    assert [d.reason for d in accepted] == ["first"]
    assert "needs `severity`" in rejected[0]
    assert "was accepted already" in rejected[1]
    assert undecided == ("K2", "K3", "K4", "K5")


def test_split_checks_member_keys(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K1", "action": "split", "split_members": ["gemini:C3"], "reason": "x"},
    )
    assert accepted == ()
    assert rejected[0].endswith(
        "the members to split out must be among alpha:I1, bravo:I1; got 'gemini:C3'."
    )
    accepted, rejected, _ = _decisions(
        clusters,
        {
            "cluster": "K1",
            "action": "split",
            "split_members": ["alpha:I1", "Bravo:I1"],
            "reason": "x",
        },
    )
    assert accepted == () and "at least one member" in rejected[0]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K1", "action": "split", "split_members": ["BRAVO:i1"], "reason": "differ"},
    )
    assert accepted == (Decision("K1", "split", "differ", split_member_ids=("bravo:I1",)),)


def test_split_applies(clusters) -> None:  # type: ignore[no-untyped-def]
    report = _report(
        clusters,
        _answer(
            decisions=[
                {
                    "cluster": "K1",
                    "action": "split",
                    "split_members": ["bravo:I1"],
                    "reason": "different lines",
                },
            ],
            added_findings=[],
        ),
    )
    shout = [f for f in report.findings if "`shout`" in f.title and "None" in f.title]
    assert sorted(f.reviewers for f in shout) == [("Alpha",), ("Bravo",)]
    assert any(e.kind == "split" for e in report.retro.reconciliation)


def test_a_member_key_may_only_be_dropped_and_not_from_a_cluster_dropped_whole(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, undecided = _decisions(
        clusters,
        {"cluster": "bravo:I1", "action": "drop", "false_positive": True, "reason": "wrong"},
        {"cluster": "alpha:I1", "action": "severity", "severity": "suggestion", "reason": "x"},
        {"cluster": "charlie:C1", "action": "drop", "reason": "x"},
        {"cluster": "K4", "action": "drop", "reason": "whole"},
        {"cluster": "Bravo:i1", "action": "drop", "reason": "again"},
    )
    assert accepted == (
        Decision("bravo:I1", "drop", "wrong", false_positive=True),
        Decision("K4", "drop", "whole"),
    )
    assert rejected == (
        "Lead decision `drop` about charlie:C1 rejected: it is in K4, which is dropped whole.",
        "Lead decision `drop` about bravo:I1 rejected: a `drop` decision about it was accepted "
        "already.",
        "Lead decision `severity` about alpha:I1 rejected: a member key can only be dropped; to "
        "regrade or retitle one member, split it out and decide about the part the split makes.",
    )
    assert "K1" in undecided  # dropping one member is no decision about the others


def test_dropping_every_member_drops_the_cluster(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K2", "action": "keep", "reason": "still"},
        {"cluster": "alpha:I2", "action": "drop", "reason": "gone"},
    )
    assert accepted == (Decision("alpha:I2", "drop", "gone"),)
    assert rejected == ("Lead decision `keep` about K2 rejected: it is dropped.",)


def test_a_split_part_is_a_cluster_of_the_same_answer(clusters) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K1.2", "action": "merge", "merge_into": "K4", "reason": "same"},
        {"cluster": "K1", "action": "split", "split_members": ["bravo:I1"], "reason": "two"},
        {"cluster": "K2.2", "action": "drop", "reason": "no such split"},
    )
    assert [(d.cluster_id, d.action) for d in accepted] == [("K1", "split"), ("K1.2", "merge")]
    assert rejected == (
        "Lead decision `drop` about 'K2.2' rejected: no finding of this review has that ID.",
    )
    report = _report(clusters, _answer(decisions=[
        {"cluster": "K1", "action": "split", "split_members": ["bravo:I1"], "reason": "two"},
        {"cluster": "K1.2", "action": "drop", "false_positive": True, "reason": "wrong"},
    ]))  # fmt: skip
    assert report.retro.rows is not None
    shout = [f for f in report.findings if "`shout`" in f.title and "None" in f.title]
    assert [f.reviewers for f in shout] == [("Alpha",)]
    bravo = next(s for s in report.retro.seats if s.seat == "bravo")
    assert bravo.cell("False positives").startswith("1 (Bravo I1 ")


def test_retro_design_and_notes(clusters) -> None:  # type: ignore[no-untyped-def]
    lead_answer = _answer(
        retro=[
            {"seat": "ALPHA", "narrative": "Alpha did well (K1)."},
            {"seat": "zulu", "narrative": "Who?"},
        ],
        design_observations=[
            {"id": "D1", "action": "drop", "reason": "util/ is the project's convention."},
            {"id": "D7", "action": "drop", "reason": "no such"},
            {"id": "D2", "action": "keep", "reason": "true", "text": "Pure helpers (K1 aside)."},
            {"id": "d2", "action": "drop", "reason": "changed my mind"},
        ],
        added_design_observations=[
            {"kind": "concern", "text": "No type hints.", "scope": "future"}
        ],
        skill_improvements=["- Ask seats to run the code."],
    )
    design = build_report(Header("r0"), seat_reviews(), changed_files=CHANGED).design_observations
    checked = check_answer(lead_answer, clusters, seats=SEATS, design_observations=design)
    assert checked.narratives == {"alpha": "Alpha did well (K1)."}
    assert [str(r).split(":")[0] for r in checked.rejected] == [
        "Lead retro for seat 'zulu' rejected",
        "Lead choice about design observation 'D7' rejected",
        "Lead choice about design strength (Small, focused helpers with no side effects.) rejected",
    ]
    # the report does not number design observations: a note names one by its first words
    assert [str(r).split(": ", 1)[1] for r in checked.rejected[1:]] == [
        "no design observation of this review has that ID.",
        "it was decided already.",
    ]
    assert [(o.kind, o.text, o.reviewers) for o in checked.design_observations] == [
        ("strength", "Pure helpers (K1 aside).", ("Alpha",)),
        ("concern", "No type hints.", ("lead",)),
    ]
    # the lead's `D1` names nothing in the report: the observation's first words do
    assert checked.design_notes[0].startswith("Dropped design concern (Helpers live in")
    assert checked.process_notes.skill_improvements == ("Ask seats to run the code.",)

    report = _report_of(clusters, checked)
    alpha = next(s for s in report.retro.seats if s.seat == "alpha")
    assert alpha.narrative == "Alpha did well (I1)."  # K1 renumbered
    bravo = next(s for s in report.retro.seats if s.seat == "bravo")
    assert bravo.narrative.startswith("Bravo raised 2 findings")  # computed, no lead narrative
    assert [o.text for o in report.design_observations] == [
        "Pure helpers (I1 aside).",
        "No type hints.",
    ]
    notes = [e.text for e in report.retro.reconciliation if e.kind == "note"]
    assert notes[0].startswith("Dropped design concern (Helpers live in")
    assert "Lead retro for seat 'zulu' rejected" in notes[1]


def test_ids_in_prose_become_final_ids(clusters) -> None:  # type: ignore[no-untyped-def]
    report = _report(clusters, _answer())
    by_title = {f.title: f.id for f in report.findings}
    tests_id = by_title["New `sub` and `shout` ship without tests"]
    added_id = next(f.id for f in report.findings if f.reviewers == ("lead",))
    assert report.executive_summary == (
        f"The change adds `sub` and `shout`. I1 is a real crash on `None` and must be fixed; "
        f"{tests_id} and {added_id} are small follow-ups."
    )
    assert report.header.verdict == Verdict(
        "Merge with fixes", "I1 needs a guard for `None` first."
    )
    # a dropped cluster is named by the seats' own labels
    assert report.process_notes.repo_context_updates == (
        '[repo] Add: "Python ints do not overflow." Why: Charlie flagged `add` (Charlie C1).',
    )
    assert report.testing.items == ("No test calls `shout(None)` (I1).",)


def test_substitute_leaves_embedded_ids_alone_and_hides_unknown_clusters() -> None:
    ids = {"K1": "I1", "K12": "S3", "L1": "S4"}
    text = "K1, K12 and L1; not SK1, K1x, #L1, path/K1, file.K1 or an L2 cache."
    assert substitute(text, ids) == (
        "I1, S3 and S4; not SK1, K1x, #L1, path/K1, file.K1 or an L2 cache."
    )
    # a cluster ID that names nothing of this review never reaches the report
    assert substitute("Fix K9 first.", ids) == "Fix a finding not in this report first."


def test_substitute_names_members_and_design_observations_it_knows() -> None:
    names = {"gemini:c3": "Gemini C3", "D1": "design concern (No bound)"}
    text = (
        "D1: Gemini:C3 and gemini:c3 agree. See D1, not D2, a.go:C3, http://gemini:C3, "
        "x/gemini:C3 or gemini:C3:12."
    )
    assert substitute(text, {}, names) == (
        "The design concern (No bound): Gemini C3 and Gemini C3 agree. See the design concern "
        "(No bound), not D2, a.go:C3, http://gemini:C3, x/gemini:C3 or gemini:C3:12."
    )


def test_outside_code_changes_prose_only() -> None:
    text = "K1 and `K1` and ``a ` K1`` K1\n\n~~~\nK1\n~~~\nK1 ```K1``` K1\n```\nK1"
    assert outside_code(text, lambda t: t.replace("K1", "I1")) == (
        "I1 and `K1` and ``a ` K1`` I1\n\n~~~\nK1\n~~~\nI1 ```K1``` I1\n```\nK1"
    )


def test_a_verdict_rests_on_nothing_only_when_no_finding_it_names_exists() -> None:
    ids = {"K1": "I1", "K2": "Charlie C1", "L1": "S4"}  # K2: dropped, named by the seat
    assert rests_on_nothing("K9 breaks every caller.", ids)
    assert rests_on_nothing("K9 and L3 need work.", ids)
    assert not rests_on_nothing("K9 and K1 need work.", ids)
    assert not rests_on_nothing("K2 was a false positive.", ids)
    assert not rests_on_nothing("L1 needs a test.", ids)
    assert not rests_on_nothing("The tests are missing.", ids)  # names nothing: taken as written


@pytest.mark.parametrize(
    ("lead", "rule", "expected", "note"),
    [
        ("Merge with fixes", "Merge with fixes", "Merge with fixes", None),
        ("Merge as-is", "Rework", "Rework", "milder than the remaining findings allow"),
        ("Rework", "Merge with fixes", "Rework", "Verdict raised by the lead"),
        ("Rework", "Failed", "Failed", None),
    ],
)
def test_choose_verdict(lead: str, rule: str, expected: str, note: str | None) -> None:
    verdict, entry = choose_verdict(Verdict(lead, "lead says"), Verdict(rule, "rule says"))
    assert verdict.label == expected
    assert (entry is None) == (note is None)
    if note is not None:
        assert entry is not None and note in entry.text


def test_a_milder_verdict_than_the_findings_allow_is_overruled(clusters) -> None:  # type: ignore[no-untyped-def]
    report = _report(clusters, _answer(verdict={"label": "Merge as-is", "reason": "all good"}))
    assert report.header.verdict.label == "Merge with fixes"  # I1 (important) remains
    assert any("milder" in e.text for e in report.retro.reconciliation)


def test_severity_decision_is_recorded_with_the_lead_reason(clusters) -> None:  # type: ignore[no-untyped-def]
    report = _report(clusters, _answer())
    readme = next(f for f in report.findings if f.title.startswith("README"))
    assert readme.severity is Severity.SUGGESTION
    sev = [e.text for e in report.retro.reconciliation if e.kind == "severity"]
    assert sev == [
        f"Alpha I2 (important) → suggestion {readme.id}: README.md:1-3 is prose only; not "
        "mentioning `sub` breaks nothing. (lead)"
    ]
    assert ANSWER["decisions"][1]["cluster"] == "K2"


def test_two_severities_for_one_cluster_reject_the_second(clusters) -> None:  # type: ignore[no-untyped-def]
    """A downgrade then a `keep` that says critical: the second contradicts the first and is
    rejected with a note, rather than silently undoing it."""
    accepted, rejected, _ = _decisions(
        clusters,
        {"cluster": "K1", "action": "severity", "severity": "suggestion", "reason": "minor"},
        {"cluster": "K1", "action": "keep", "severity": "critical", "reason": "serious"},
    )
    assert [(d.cluster_id, d.action, d.severity) for d in accepted] == [
        ("K1", "severity", Severity.SUGGESTION)
    ]
    (note,) = rejected
    assert "about K1 rejected: an earlier decision made it suggestion" in note


def test_thousands_of_rejected_decisions_are_summed_up(clusters) -> None:  # type: ignore[no-untyped-def]
    junk = [{"cluster": f"K{900 + n}", "action": "drop", "reason": "x"} for n in range(300)]
    report = _report(clusters, _answer(decisions=junk))
    notes = [e.text for e in report.retro.reconciliation if "rejected" in e.text]
    assert len(notes) == 21
    assert notes[-1].startswith("280 more lead decisions were rejected")


def test_the_lead_assessment_credits_who_said_each_statement(clusters) -> None:  # type: ignore[no-untyped-def]
    """An item the lead kept word for word stays the seats'; one it wrote is the lead's."""
    seats = build_report(Header("r0"), seat_reviews(), changed_files=CHANGED).testing
    (kept, who), *_ = seats.credited_items
    assert who == ("Alpha",)
    lead_answer = _answer(
        testing={"intro": "Thin tests.", "items": [f" {kept}", "No test calls `shout(None)` (K1)."]}
    )
    checked = check_answer(lead_answer, clusters, seats=SEATS, testing=seats)
    assert checked.testing is not None
    assert checked.testing.item_reviewers == (("Alpha",), ("lead",))
    assert checked.testing.intro_reviewers == ("lead",)
    report = _report_of(clusters, checked)
    assert report.testing.credited_items[1] == ("No test calls `shout(None)` (I1).", ("lead",))
