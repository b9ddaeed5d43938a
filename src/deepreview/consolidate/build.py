"""Assemble the consolidated `Report` from the seats' reviews (pure: no I/O, no clock).

clusters (cluster.py) → decisions applied (decisions.py; none without a lead) → numbered findings
and Reconciliation (merge.py, reconciliation.py) → retro (retro.py) → verdict (verdict.py) → the
Report, with the sections merged across seats (sections.py) and each seat's review verbatim in
the appendix.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from deepreview.consolidate.cluster import Cluster, cluster_findings
from deepreview.consolidate.decisions import (
    AddedFinding,
    Consolidation,
    Decision,
    apply_decisions,
)
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.local_ids import findings_renamed, renamed, report_names
from deepreview.consolidate.notes import credit_notes
from deepreview.consolidate.retro import build_retro_seats, shown_rows
from deepreview.consolidate.scope import SUSPECT, mark_scope, renamed_paths
from deepreview.consolidate.scratch_links import report_with_local_links
from deepreview.consolidate.seat_sections import appendix_only_notes, open_questions
from deepreview.consolidate.sections import (
    merge_design_observations,
    merge_documentation,
    merge_limitations,
    merge_testing,
)
from deepreview.consolidate.shortfalls import SeatOutcomes, noted_run, seat_outcomes
from deepreview.consolidate.verdict import decide, qualify
from deepreview.model import (
    AppendixEntry,
    Assessment,
    DesignObservation,
    Finding,
    Header,
    LeadInfo,
    ProcessNotes,
    Report,
    Section,
    Severity,
    Verdict,
)
from deepreview.retromodel import ReconciliationEntry, Retro


def build_report(
    header: Header,
    seat_reviews: Sequence[SeatReview],
    *,
    changed_files: Sequence[str] = (),
    present_files: Collection[str] | None = None,
    removed_files: Mapping[str, str | None] | None = None,
    decisions: Iterable[Decision] = (),
    added: Iterable[AddedFinding] = (),
    lead: LeadInfo | None = None,
    notes: Sequence[str] = (),
    executive_summary: str | None = None,
    process_notes: ProcessNotes | None = None,
    extra_sections: Sequence[Section] = (),
    clusters: Sequence[Cluster] | None = None,
    verdict: Verdict | None = None,
    retro_narratives: Mapping[str, str] | None = None,
    design_observations: Sequence[DesignObservation] | None = None,
    testing: Assessment | None = None,
    documentation: Assessment | None = None,
    reconciliation_notes: Sequence[ReconciliationEntry] = (),
    unlisted_files: Collection[str] = (),
    lineless_files: Collection[str] = (),
    outcomes: SeatOutcomes | None = None,
) -> Report:
    """The consolidated report. `clusters` may be passed when they were computed already (the
    lead decided about exactly these); otherwise they are computed here.

    The lead's judgment, when there is one: `verdict` replaces the rule's verdict (unless no
    seat produced a review), `retro_narratives` (seat -> Markdown) replace those seats'
    computed narratives, `design_observations` / `testing` / `documentation` replace the
    sections merged from the seats, and `reconciliation_notes` follow the computed
    Reconciliation entries.

    `present_files` (the files at the review SHA, when known) and `changed_files` mark findings
    "outside this change", "file not found at review SHA" or "line past the end of its file" (see
    `scope.py`); without a lead the latter two are listed in the retro as suspected false
    positives. `removed_files` (`Target.removed_paths`) marks findings on the files the change
    deletes or renames away as such, not as "not found". `unlisted_files`: the changed files
    the seats' prompt only counted (`prompts.review.unlisted_files`): not named by a seat, they
    are no coverage miss of it; nor are `lineless_files` (`Target.lineless_paths`: deletions,
    binary files, submodules, renames with no edit), whatever a seat said of them. `outcomes`:
    `seat_outcomes(seat_reviews)`, when the caller computed it already (a later round's verdict
    is qualified by the same)."""
    reviewers = tuple(sr.reviewer for sr in seat_reviews)
    moved = renamed_paths(removed_files)
    if clusters is None:
        clusters = cluster_findings(
            seat_reviews, changed_files=changed_files, renamed=moved, present_files=present_files
        )
    result = apply_decisions(clusters, decisions, added, reviewers=reviewers)
    findings = credit_notes(
        result.findings, seat_reviews, changed_files=changed_files, present_files=present_files
    )
    result = result._replace(
        findings=mark_scope(
            findings,
            changed_files=changed_files,
            present_files=present_files,
            removed_files=removed_files,
        )
    )
    # the seats' own finding IDs in the findings' text and in the prose merged below, as the
    # report numbers them
    names = report_names(seat_reviews, result)
    result = findings_renamed(seat_reviews, result, names)
    prose = renamed(seat_reviews, names)
    ok = [sr for sr in seat_reviews if sr.review is not None]
    rule = decide(result.findings, all_seats_failed=not ok)
    verdict = rule if verdict is None or rule.label == "Failed" else verdict
    if outcomes is None:
        outcomes = seat_outcomes(seat_reviews)
    verdict = qualify(
        verdict, result.findings, outcomes, lead_read=lead is not None and lead.status == "ok"
    )
    # A failed seat reviewed nothing: it is shown as failed (notes, retro), not as a reviewer.
    ok_seats = {sr.seat for sr in ok}
    header = replace(
        header,
        verdict=verdict,
        reviewers=tuple(r for r in (header.reviewers or reviewers) if r.seat in ok_seats),
    )
    judged = lead is not None and lead.status == "ok"
    suspected = () if judged else tuple(f.id for f in result.findings if f.scope in SUSPECT)
    seats = build_retro_seats(
        seat_reviews,
        result,
        changed_files=changed_files,
        suspected=suspected,
        renamed=moved,
        unlisted=unlisted_files,
        lineless=lineless_files,
    )
    if retro_narratives:
        # A failed seat's entry says why it failed and that none of its findings are here;
        # the lead has no review of it to judge, and its words must not hide the failure.
        seats = tuple(
            replace(s, narrative=retro_narratives[s.seat])
            if s.seat in retro_narratives and s.seat in ok_seats
            else s
            for s in seats
        )
    rows, seats = shown_rows(seats)
    retro = Retro(
        seats=seats,
        rows=rows,
        reconciliation=result.reconciliation + tuple(reconciliation_notes),
    )
    summary = executive_summary
    if summary is None:
        summary = deterministic_summary(seat_reviews, result, verdict)
    report = Report(
        header=header,
        executive_summary=summary,
        findings=result.findings,
        design_observations=(
            tuple(design_observations)
            if design_observations is not None
            else merge_design_observations(prose)
        ),
        testing=testing if testing is not None else merge_testing(prose),
        documentation=(documentation if documentation is not None else merge_documentation(prose)),
        limitations=merge_limitations(prose),
        # a seat's open questions, credited; its other sections are named in the notes
        extra_sections=(*extra_sections, *open_questions(prose)),
        retro=retro,
        process_notes=process_notes or ProcessNotes(),
        appendix=tuple(
            AppendixEntry(sr.reviewer.name, sr.review.pass_no, sr.review.raw)
            if sr.review is not None
            else failed_output_entry(sr)
            for sr in seat_reviews
            if sr.review is not None or sr.output.strip()
        ),
        # each seat's run says what the verdict says of it ("review cut off")
        runs=tuple(noted_run(sr.run, outcomes.falls) for sr in seat_reviews if sr.run is not None),
        lead=lead,
        # (a report rebuilt from one, as the lead's is, passes its notes again: once each)
        notes=tuple(dict.fromkeys((*notes, *appendix_only_notes(seat_reviews)))),
    )
    # links into the seats' scratch worktrees, as the repository places they name
    return report_with_local_links(report)


def failed_output_entry(sr: SeatReview) -> AppendixEntry:
    """A failed seat's printed text as its appendix entry, said not to be read for findings
    (it may be no review at all, or a complete one from a CLI that then failed)."""
    if sr.run is not None and sr.run.status == "timeout":
        # stopped mid-review: what it had written so far, unfinished
        note = (
            f"*{sr.reviewer.name} {sr.run.outcome_text}; this is what it had written when it "
            "was stopped, cut short by the timeout: marked as failed and not read for findings, "
            "none of it is in this report's findings.*"
        )
    else:
        note = (
            f"*{sr.reviewer.name} failed ({sr.failure}); this is what it printed, marked as "
            "failed and not read for findings: none of it is in this report's findings.*"
        )
    return AppendixEntry(sr.reviewer.name, sr.output_pass, f"{note}\n\n{sr.output.strip()}")


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _noted_only(f: Finding) -> set[str]:
    """Reviewers credited on `f` for a note only, not for a finding of their own."""
    raised = {s.reviewer for s in f.sources if s.kind == "finding"}
    return {s.reviewer for s in f.sources if s.kind == "note"} - raised


def deterministic_summary(
    seat_reviews: Sequence[SeatReview], result: Consolidation, verdict: Verdict
) -> str:
    """Facts only: who reviewed, who failed, how many findings became how many, the verdict."""
    ok = [sr for sr in seat_reviews if sr.review is not None]
    failed = [sr for sr in seat_reviews if sr.review is None]
    sentences: list[str] = []
    if ok:
        sentences.append(f"{_join([sr.reviewer.credit for sr in ok])} reviewed this change.")
    for sr in failed:
        sentences.append(f"{sr.reviewer.credit} failed ({sr.failure}).")
    raised = sum(len(sr.review.findings) for sr in ok if sr.review is not None)
    findings = result.findings
    if ok:
        text = f"The reviews raised {_count(raised, 'finding')}{findings_clause(findings)}"
        # a reviewer credited only for a note (`notes.py`) did not raise it
        shared = sum(1 for f in findings if len(f.reviewers) - len(_noted_only(f)) > 1)
        if shared:
            text += f"; {_count(shared, 'finding')} came from more than one reviewer"
        sentences.append(text + ".")
        changes = sum(1 for e in result.reconciliation if e.kind == "severity")
        if changes:
            what = "severity" if changes == 1 else "severities"
            sentences.append(f"Reconciliation changed {changes} reviewer {what} (see the retro).")
    sentences.append(verdict_sentence(verdict))
    return " ".join(sentences)


def findings_clause(findings: Sequence[Finding]) -> str:
    """`, consolidated into 3 findings (0 critical issues, 2 important issues, 1 suggestion)`,
    or "" when there are none."""
    return f", consolidated into {findings_count(findings)}" if findings else ""


def findings_count(findings: Sequence[Finding]) -> str:
    """`3 findings (0 critical issues, 2 important issues, 1 suggestion)`."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    shape = ", ".join(
        _count(counts[s], w)
        for s, w in (
            (Severity.CRITICAL, "critical issue"),
            (Severity.IMPORTANT, "important issue"),
            (Severity.SUGGESTION, "suggestion"),
        )
    )
    return f"{_count(len(findings), 'finding')} ({shape})"


def verdict_sentence(verdict: Verdict) -> str:
    """The Executive Summary's last sentence: `Verdict.line`, with a full stop."""
    return f"{verdict.line}."
