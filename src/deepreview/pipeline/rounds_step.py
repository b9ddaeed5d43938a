"""Rounds in the pipeline after the seats ran: the report changes (`rounds/`). The prompt
addition before the seats is `rounds_prompt_step`; both look the previous round up the same
way (`previous_round`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from deepreview.consolidate import SeatReview
from deepreview.consolidate.shortfalls import SeatOutcomes
from deepreview.model import Finding, Report, RoundInfo
from deepreview.pipeline.context import Prepared, series_of
from deepreview.pipeline.decline_lines import unchanged_at
from deepreview.pipeline.rounds_prompt_step import series_declines
from deepreview.rounds.apply import apply_round
from deepreview.rounds.earlier import (
    carried_from,
    series_earlier_findings,
    undeclined_findings,
)
from deepreview.rounds.gone_files import follow_gone_files
from deepreview.rounds.previous import FAILED, PreviousRound, earlier_rounds, series_rows
from deepreview.rounds.renames import changed_paths, follow_declines, origins
from deepreview.rounds.reopened import kept_open
from deepreview.store.declines import Decline
from deepreview.store.repository import Repository
from deepreview.store.rows import ReviewRow, holds_round
from deepreview.targets.attributes import blind_run
from deepreview.targets.build import shown_as_text
from deepreview.targets.git import Git
from deepreview.targets.nul_text import text_attributes
from deepreview.targets.target import Target

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? ", re.MULTILINE)


def code_changed(target: Target, d: Decline, declined: Decline | None = None) -> bool | None:
    """Whether the lines the declined finding names changed since it was declined (since its
    review's SHA, whatever rounds came between). A change elsewhere in the file, even on the
    line next to them, is no reason to reconsider the decline; trailing whitespace is none.
    `declined`: `d` as recorded, when it moved since (`follow_declines`: a rename to `d.path`,
    lines added above it): its path and lines in its review's commit are what is compared.
    When that SHA is gone (rewritten away), the lines' text kept at decline time is looked
    for at HEAD (in the file `d.path` names, followed through the renames since the previous
    round: `follow_declines`); None when none was kept or that file is not there: nothing can
    be told, and the decline stands."""
    git = Git(target.repo_root)
    before = declined or d
    old_path = before.path if before.path != d.path else ""
    if not d.reviewed_sha or git.rev(d.reviewed_sha) is None:
        return None if (same := unchanged_at(git, target.head_sha, d)) is None else not same
    if d.reviewed_sha == target.head_sha or not d.path:
        return False
    # Blind to `.gitattributes`: under a `-diff` in the user's checkout the lines read as
    # "Binary files … differ", no hunk, and a change to them went unseen.
    argv = [
        "diff", "--no-color", "--no-ext-diff", "-U0", "--ignore-space-at-eol", "-M",
        d.reviewed_sha, target.head_sha, "--",
        # Both names of a renamed file: the hunks' old side is the declined file's.
        *dict.fromkeys(filter(None, (old_path, d.path))),
    ]  # fmt: skip
    # A file the review's diff shows as text for its NUL bytes (`targets.nul_text`) is compared
    # as text too: as binary its changed lines gave no hunk, and the decline stood.
    with text_attributes(shown_as_text(target.changed_files)) as as_text:
        diff = blind_run(git, [*as_text, *argv]).decode("utf-8", errors="replace")
    if not diff.strip():
        return False
    if before.start_line is None:
        return True
    lo, hi = before.start_line, max(before.end_line or before.start_line, before.start_line)
    # Each hunk's old side: `-start,count` replaced lines start..start+count-1 of the declined
    # review's file; `-start,0` added lines after line `start`, inside the range only when
    # between two of its lines.
    for m in _HUNK.finditer(diff):
        start, count = int(m.group(1)), int(m.group(2) or "1")
        if count == 0:
            if lo <= start < hi:
                return True
        elif start <= hi and start + count - 1 >= lo:
            return True
    return False


def apply(
    p: Prepared,
    rid: str,
    report: Report,
    seat_reviews: Sequence[SeatReview],
    round_no: int,
    prev: PreviousRound | None,
    outcomes: SeatOutcomes,
) -> Report:
    """`round_no`: this review's number, as its header has it (`Store.round_for`): one after
    the previous round's unless another review of the series finished in between.
    `prev`: the previous round as `previous_round` found it for this report (the one the
    seats were asked about, run.json's `previous_round`), looked up once by the caller.
    `outcomes`: what the seats came to, as the report's verdict was qualified by."""
    if prev is None:
        note = outrun(p, rid, round_no)
        return dataclasses.replace(report, notes=(*report.notes, note)) if note else report
    info = RoundInfo(
        number=round_no,
        series=series_of(p.target),
        previous_review_id=prev.row.id,
        previous_sha=prev.row.head_sha,
        previous_number=prev.number,
        interdiff_note=" ".join(filter(None, (finished_between(p, prev, round_no), prev.note))),
    )
    # Each decline at its file's path and lines now (`rounds.renames`), and as declined.
    earlier = declined_before(series_declines(p), rid, round_no)
    declines = follow_declines(
        Git(p.target.repo_root), earlier, p.target.head_sha, dict(prev.moves),
        shown_as_text(p.target.changed_files), p.target.changed_paths,
    )  # fmt: skip
    origin = origins(earlier, declines)
    rounds = earlier_rounds(p.store, p.target, series_of(p.target), prev)
    prior = prev.open_findings
    # Closed or dropped in any earlier round of the series, not only the previous one: a
    # finding fixed in round 2 and raised again in round 4 is round 2's, not new.
    # And one a decline kept out of an earlier round's report, undeclined since: that
    # round's, not new.
    earlier_found = (
        *series_earlier_findings(rounds),
        *undeclined_findings(rounds, {(d.round, d.finding_id) for d in earlier}),
    )
    if not prev.compared and prev.row.head_sha != p.target.head_sha:
        # The previous SHA is gone: a file renamed in the rewrite is found by what is raised,
        # for a finding still open and for one an earlier round closed (a bug fixed in round
        # 2, reintroduced at the renamed file in the rewrite, is round 1's, not new).
        git = Git(p.target.repo_root)

        def follow(findings: Sequence[Finding]) -> tuple[Finding, ...]:
            return follow_gone_files(
                findings,
                report.findings,
                lambda path: git.show_file(p.target.head_sha, path) is None,
                p.target.changed_paths,
            )

        prior = follow(prior)
        moved = follow([e.finding for e in earlier_found])
        earlier_found = tuple(
            dataclasses.replace(e, finding=f) for e, f in zip(earlier_found, moved, strict=True)
        )
    return apply_round(
        report,
        info=info,
        prior=prior,
        seat_reviews=seat_reviews,
        outcomes=outcomes,
        declines=declines,
        kept_open=kept_open(prev.report, declines),
        chains=carried_from(rounds),
        code_changed=lambda d: code_changed(p.target, d, origin.get(d)),
        touched=lambda f: touched(prev.interdiff, f),
        untouched=lambda f: untouched(p.target, prev, f),
        earlier_found=earlier_found,
    )


def declined_before(declines: Sequence[Decline], rid: str, round_no: int) -> list[Decline]:
    """The declines recorded on earlier rounds: a decline applies to the rounds after the one
    it was recorded on, so a relead of that round (or of an earlier one) keeps its own finding
    in its report, as it was when the author declined it. One recorded on another review of
    this round's number is one on a review deleted since (a series never numbers two reviews
    alike), whose number this review took again: it belongs to the series and applies."""
    return [d for d in declines if d.review_id != rid and d.round <= round_no]


def _series_rows(p: Prepared) -> list[ReviewRow]:
    return series_rows(
        p.store, series_of(p.target), p.target.branch or "", Repository.of_target(p.target)
    )


def _rounds_said(
    failed: list[ReviewRow], others: list[ReviewRow], compares: str, others_why: str
) -> str:
    """The sentences about earlier rounds in which every seat failed (they reviewed nothing)
    and about rounds that finished while this one ran (`others_why` says what that means)."""
    said = []
    if failed:
        names = ", ".join(f"{r.id} (round {r.round_no})" for r in failed)
        said.append(
            f"Every seat of review {names} failed: it reviewed nothing, so this round compares "
            f"with {compares}."
        )
    if others:
        names = ", ".join(f"{r.id} (round {r.round_no})" for r in others)
        said.append(f"Review {names} of this series finished while this one ran; {others_why}")
    return " ".join(said)


def finished_between(p: Prepared, prev: PreviousRound, round_no: int) -> str:
    """Rounds of the series numbered between the previous round and this one: they finished
    while this review ran, after its seats were asked about `prev` (so this round compares
    with `prev`, not with them)."""
    between = [r for r in _series_rows(p) if holds_round(r) and prev.number < r.round_no < round_no]
    compares = f"round {prev.number} ({prev.row.id})"
    return _rounds_said(
        [r for r in between if r.verdict == FAILED],
        [r for r in between if r.verdict != FAILED],
        compares,
        f"this round compares with {compares}, the round its reviewers were asked about.",
    )


def outrun(p: Prepared, rid: str, round_no: int) -> str:
    """Why a review with no previous round is not round 1: the earlier rounds of the series
    are ones in which every seat failed (they reviewed nothing, whenever they finished), or
    ones that took the earlier numbers while it ran (none was complete when it started, so
    its reviewers were asked about no earlier round, and it compares with none)."""
    if round_no <= 1:
        return ""
    before = sorted(
        (r for r in _series_rows(p) if r.id != rid and holds_round(r) and r.round_no < round_no),
        key=lambda r: r.round_no,
    )
    return _rounds_said(
        [r for r in before if r.verdict == FAILED],
        [r for r in before if r.verdict != FAILED],
        "no earlier round",
        "no earlier round was complete when this one started, so it compares with no earlier "
        "round.",
    )


def touched(interdiff: str, f: Finding) -> bool:
    """Whether the interdiff since the previous round changed one of `f`'s files (for a
    finding without a location: whether anything changed). No interdiff (nothing changed, or
    the previous SHA is gone and nothing can be told) touches nothing: silence then closes
    nothing."""
    changed = changed_paths(interdiff)  # a rename that changed no line touches nothing
    if not f.locations:
        return bool(changed)
    return any(loc.path in changed for loc in f.locations)


def untouched(target: Target, prev: PreviousRound, f: Finding) -> bool:
    """Whether the commits since the previous round are known and changed none of `f`'s files
    (nothing at all, for a finding without a location). A previous SHA that is gone tells
    nothing: then no claim is doubted."""
    known = prev.compared or prev.row.head_sha == target.head_sha
    return known and not touched(prev.interdiff, f)
