"""The Agent Performance Retro, computed: every number comes from the reviews, the clusters, the
lead's decisions and the measured runs; the narrative states facts only.

Rows (per seat): Duration (`340s`, or `failed after 3.1 s (reason)`), Findings (the seat's own
review, `0C 2I 2S`), Tool calls (`23 (Read 10, Bash 8, Grep 5)`), Design observations (`1
concern, 4 strengths`), False positives (findings the lead dropped as wrong; without a lead,
suspected ones), Unique insights (consolidated findings only this seat raised, suspected false
positives not counted: `I1 (handleRestartNeeded)`), Files reviewed (changed files the seat's
Coverage Summary or findings cover, or its text names anywhere (`mentions`), not counting files
it only marked Trivial or said it did not analyse), Coverage misses (changed files it marked
Trivial, said it did not analyse — the static seat's `Not analyzed (binary)` — or never named;
both counted in `coverage`), Downgraded (its findings that ended less
severe, `1 (I→S)`), Dropped (findings the lead dropped for other reasons).

The narrative's "Found by others but not by X" lists the consolidated findings no finding of
the seat is part of and no note of it is credited on (those it lists as noted); for an
analyzer seat (the static seat: lint rules, whitespace, conflict markers, committed secrets) it
lists none, since the models' findings are not of the kinds it checks.

What a seat's measured run fills in and tells is `retro_run`; how the cells and sentences name
the report's findings is `retro_lists`. A later round of a series changes the retro it built:
`retro_rounds`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence

from deepreview.consolidate.coverage import SeatCoverage, changed_file_universe, seat_coverage
from deepreview.consolidate.decisions import Consolidation, Origin
from deepreview.consolidate.features import PathResolver
from deepreview.consolidate.inputs import SeatReview
from deepreview.consolidate.labels import member_label
from deepreview.consolidate.merge import votes
from deepreview.consolidate.notes import noted_by
from deepreview.consolidate.own_grades import grade_notes
from deepreview.consolidate.reconciliation import SeatTally
from deepreview.consolidate.retro_lists import (
    CELL_NAMES,
    count_list,
    finding_labels,
    listed,
    named_ids,
)
from deepreview.consolidate.retro_run import (
    NONE,
    cost_cell,
    duration_cell,
    failed_narrative,
    plural,
    run_facts,
    tokens_cell,
    tool_cell,
)
from deepreview.findings.finding_draft import one_line
from deepreview.findings.ids import id_runs
from deepreview.findings.own_verdict import verdict_contradiction
from deepreview.model import AgentReview, Finding, Severity, format_counts
from deepreview.retromodel import RETRO_ROWS, RetroNumbers, SeatRetro, no_peer_cell
from deepreview.transcripts.summary import highlights_from_counts

# What a seat's run cost, measured when its agent reports it (a `command` seat reports nothing):
# these rows are shown only when some seat has a figure (`shown_rows`), so a panel of programs
# keeps the seed report's table as it was.
USAGE_ROWS = ("Tokens", "Cost")
_AFTER_TOOLS = RETRO_ROWS.index("Tool calls") + 1
ROWS = (
    *RETRO_ROWS[:_AFTER_TOOLS],
    *USAGE_ROWS,
    *RETRO_ROWS[_AFTER_TOOLS:],
    "Downgraded",
    "Dropped",
)


def shown_rows(seats: Sequence[SeatRetro]) -> tuple[tuple[str, ...], tuple[SeatRetro, ...]]:
    """The Summary table's rows, and the seats with only those cells: a usage row nobody
    measured is left out."""
    rows = tuple(
        row
        for row in ROWS
        if row not in USAGE_ROWS or any(s.cell(row) not in ("", NONE) for s in seats)
    )
    kept = tuple(
        dataclasses.replace(s, cells=tuple(c for c in s.cells if c[0] in rows)) for s in seats
    )
    return rows, kept


_TEXT_NAMES = 40  # file names in a seat's narrative (`CELL_NAMES` in its table cell)


def design_cell(review: AgentReview) -> str:
    concerns = sum(1 for o in review.design_observations if o.kind == "concern")
    strengths = sum(1 for o in review.design_observations if o.kind == "strength")
    parts = []
    if concerns:
        parts.append(plural(concerns, "concern"))
    if strengths:
        parts.append(plural(strengths, "strength"))
    return ", ".join(parts) or "0"


def _severity_arrow(pair: tuple[Severity, Severity]) -> str:
    return f"{pair[0].letter}→{pair[1].letter}"


# The narrative's sentence of what the other seats found and this one did not; a later round
# takes a finding it leaves out (declined) from it again (`retro_rounds.without_left_out`).
FOUND_BY_OTHERS = "Found by others but not by"
# A seat whose output was over 1 MiB is read in the part the report keeps (`cap_review`): what it
# wrote in the cut middle cannot be compared, so its misses are said to be against that part.
KEPT_PART = (
    " in the part of its review the report kept (it printed over 1 MiB; its whole output is in "
    "its transcript)"
)


def _files_reviewed(coverage: SeatCoverage, total: int, sr: SeatReview) -> str:
    """`3/4`; a seat whose deadline came before all its checks of some files (the static
    seat's analyzer cut off) counts only the files it checked in full: `1/4 (timed out after
    30 min; 3 partly analyzed)`."""
    full = len(coverage.reviewed) - len(coverage.partly)
    if not coverage.partly:
        return f"{full}/{total}"
    why = sr.run.reason if sr.run is not None and sr.run.status == "timeout" else None
    said = f"{why}; " if why else ""
    return f"{full}/{total} ({said}{len(coverage.partly)} partly analyzed)"


def seat_retro(
    sr: SeatReview,
    consolidation: Consolidation,
    files: Sequence[str],
    resolver: PathResolver,
    names: dict[str, str],
    suspected: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
    compared: bool = True,
    unlisted: Collection[str] = (),
    lineless: Collection[str] = (),
) -> SeatRetro:
    """`suspected`: consolidated finding IDs nobody verified whose file is not at the review
    SHA or whose lines are past its end; the seat's share of them is listed as suspected false
    positives. `labels`: short titles of the report's findings (`finding_labels`). `compared`:
    another seat's review could have found what this one did (`_compared`); without one, no
    finding is said to be one only this seat found.

    IDs: the report's findings are named by their report ID (`I1`), a seat's own findings by
    the seat and its own ID (`Gemini C1`), as in Reconciliation: a seat's C1 is not the report's.
    """
    if labels is None:
        labels = finding_labels(consolidation.findings)
    reviewer = sr.reviewer
    tally = consolidation.tallies.get(sr.seat, SeatTally(sr.seat))
    review = sr.review
    cells = _run_cells(sr)
    highlights = _highlights(sr)
    if review is None:
        return SeatRetro(
            seat=sr.seat,
            name=reviewer.name,
            column=reviewer.credit,
            narrative=failed_narrative(sr),
            tool_call_highlights=highlights,
            cells=tuple((row, cells[row]) for row in ROWS),
        )
    share = _share(sr, consolidation, suspected, compared)
    coverage = seat_coverage(review, files, resolver, unlisted, lineless)
    counts = review.counts()
    numbers = RetroNumbers(
        critical=counts[Severity.CRITICAL],
        important=counts[Severity.IMPORTANT],
        suggestion=counts[Severity.SUGGESTION],
        unique_insights=len(share.unique),
        tool_calls=sr.run.tool_calls if sr.run is not None else None,
        reraised=0,  # known once the round is (`with_earlier_rounds`)
    )
    cells["Findings"] = format_counts(counts)
    cells["Design observations"] = design_cell(review)
    cells["False positives"] = count_list(tally.false_positives)
    if share.mine_suspected:
        cells["False positives"] += (
            f"; {len(share.mine_suspected)} suspected ({named_ids(share.mine_suspected, labels)})"
        )
    peer = "model" if sr.model_backed else "seat"
    cells["Unique insights"] = (
        named_ids(share.unique, labels) or "0" if compared else no_peer_cell(peer)
    )
    cells["Files reviewed"] = _files_reviewed(coverage, len(files), sr)
    count = coverage.miss_count
    misses = coverage.misses_text(files, CELL_NAMES)
    cells["Coverage misses"] = f"{count} ({misses})" if count else "0"
    cells["Downgraded"] = count_list([_severity_arrow(p) for p in tally.downgrades])
    cells["Dropped"] = count_list(tally.dropped)

    name = reviewer.name
    paras = [
        _first_paragraph(
            review, name, share, labels, compared=compared, peer=peer, observes=sr.model_backed
        )
    ]
    second = _against_the_others(sr, name, share, consolidation, names, labels, tally)
    if count:
        second.append(f"Coverage misses: {coverage.misses_text(files, _TEXT_NAMES)}.")
    second.extend(_own_text_notes(review, name))
    if second:
        paras.append(" ".join(second))
    usage = run_facts(sr.run)
    if usage:
        paras.append(usage)
    if review.seat_notes:
        # What the seat said about its own run (analyzers, configuration): it belongs here,
        # not in the change's Testing Assessment or Acknowledged Limitations.
        paras.append("\n".join(f"- {note}" for note in review.seat_notes))
    return SeatRetro(
        seat=sr.seat,
        name=reviewer.name,
        column=reviewer.credit,
        narrative="\n\n".join(paras),
        tool_call_highlights=highlights,
        cells=tuple((row, cells[row]) for row in ROWS),
        numbers=numbers,
        unique_ids=tuple(f.id for f in share.unique),
        sole_ids=() if compared else tuple(f.id for f in share.alone),
    )


def _run_cells(sr: SeatReview) -> dict[str, str]:
    """Every row empty but what the seat's run tells, which a failed seat has too."""
    cells: dict[str, str] = dict.fromkeys(ROWS, NONE)
    cells["Duration"] = duration_cell(sr)
    cells["Tool calls"] = tool_cell(sr.run)
    cells["Tokens"] = tokens_cell(sr.run)  # a failed seat spent them too
    cells["Cost"] = cost_cell(sr.run)
    return cells


def _highlights(sr: SeatReview) -> str:
    run = sr.run
    if run is not None and run.tool_calls is not None and (run.tool_calls or run.tool_counts):
        return highlights_from_counts(
            run.tool_calls, run.tool_counts, run.shell_breakdown, run.permission_denials
        )
    return ""


@dataclasses.dataclass(frozen=True)
class _Share:
    """The report's findings as they stand to one seat."""

    mine: list[Origin]  # the findings it is a member of
    alone: list[Finding]  # ... it alone raised, not suspected
    unique: list[Finding]  # ... of those, credited as insights (another review to compare)
    shared: list[Finding]  # ... raised with other seats
    missed: list[Origin]  # what the others raised and it neither raised nor noted
    noted: dict[str, dict[str, str]]  # `noted_by` of the report's findings
    by_me: dict[str, str]  # finding ID → where this seat noted it outside its findings
    mine_suspected: list[Finding]


def _share(
    sr: SeatReview, consolidation: Consolidation, suspected: Sequence[str], compared: bool
) -> _Share:
    by_id = {f.id: f for f in consolidation.findings}
    mine = [o for o in consolidation.origins if any(m.seat == sr.seat for m in o.members)]
    # A suspected false positive (its file or lines are not there) is no insight of the seat
    # that alone raised it, nor something the other seats missed: the retro lists it apart.
    alone = [
        by_id[o.finding_id]
        for o in mine
        if {m.seat for m in o.members} == {sr.seat} and o.finding_id not in suspected
    ]
    # Unique against nobody is no insight: with no other review to compare with (the other
    # seats failed, or there were none), no finding is credited as one (`stats`, `--panel auto`).
    unique = alone if compared else []
    shared = [by_id[o.finding_id] for o in mine if {m.seat for m in o.members} != {sr.seat}]
    # An analyzer (the static seat) is not said to have missed what its rules do not check:
    # the models' logic, design and test findings are none of its kinds, and whether one of its
    # rules would have fired on another seat's finding (a committed secret too short for
    # detect-secrets) cannot be told from that finding's words. So it misses nothing here.
    # A note credit (`notes.py`): the seat saw the problem without raising it as a finding,
    # so it missed nothing there, and the finder was not the only one to see it.
    noted = noted_by(consolidation.findings)
    credit = sr.reviewer.credit
    by_me = {i: where[credit] for i, where in noted.items() if credit in where}
    missed = [
        o
        for o in consolidation.origins
        if sr.model_backed
        and o.members
        and all(m.seat != sr.seat for m in o.members)
        and o.finding_id not in suspected
        and o.finding_id not in by_me
    ]
    mine_suspected = [by_id[o.finding_id] for o in mine if o.finding_id in suspected]
    return _Share(mine, alone, unique, shared, missed, noted, by_me, mine_suspected)


def _first_paragraph(
    review: AgentReview,
    name: str,
    share: _Share,
    labels: Mapping[str, str],
    *,
    compared: bool,
    peer: str,
    observes: bool,
) -> str:
    """What the seat raised, which of it only it found and which it shared. `observes`: whether
    the seat can make design observations at all; the static seat never does, and "and 0 design
    observations" about it was a count that cannot be other than 0."""
    unique, noted = share.unique, share.noted
    total = len(review.findings)
    first = f"{name} raised {plural(total, 'finding')} ({format_counts(review.counts())})"
    if observes or review.design_observations:
        first += f" and {plural(len(review.design_observations), 'design observation')}"
    first += "."
    if compared:
        seen = [f for f in unique if noted.get(f.id)]
        first += only_found(name, named_ids([f for f in unique if not noted.get(f.id)], labels))
        if seen:
            noters = {f.id: ", ".join(noted[f.id]) for f in seen}
            raised = listed(
                [f.id for f in seen], lambda i: f"{i} ({labels.get(i) or i}; noted by {noters[i]})"
            )
            first += f" Only {name} raised {raised} as a finding."
    elif share.alone:
        first += (
            f" No other {peer} produced a review to compare with, so none of its findings "
            "counts as a unique insight."
        )
    if share.shared:
        # Runs as ranges, as the unique insights: a panel sharing 2000 findings listed each.
        first += (
            f" Shared with other reviewers: {', '.join(id_runs([f.id for f in share.shared]))}."
        )
    return first


def _against_the_others(
    sr: SeatReview,
    name: str,
    share: _Share,
    consolidation: Consolidation,
    names: dict[str, str],
    labels: Mapping[str, str],
    tally: SeatTally,
) -> list[str]:
    """What the others found and it missed or only noted, and what the lead changed of its
    findings: regraded, dropped, suspected."""
    second: list[str] = []
    if share.missed:
        found_by = {
            o.finding_id: ", ".join(sorted({names.get(m.seat, m.seat) for m in o.members}))
            for o in share.missed
        }
        others = listed(list(found_by), lambda i: f"{i} ({found_by[i]})")
        cut = sr.run is not None and sr.run.output_truncated
        second.append(f"{FOUND_BY_OTHERS} {name}{KEPT_PART if cut else ''}: {others}.")
    by_me = share.by_me
    if by_me:
        outside = listed(list(by_me), lambda i: f"{i} ({by_me[i]})")
        second.append(f"Noted by {name} outside its findings: {outside}.")
    changes = _severity_changes(sr.seat, consolidation, names)
    if changes:
        second.append("Severity reconciled: " + "; ".join(changes) + ".")
    if tally.false_positives:
        second.append(f"Dropped as false positives: {', '.join(tally.false_positives)}.")
    mine_suspected = share.mine_suspected
    for why in dict.fromkeys(f.scope for f in mine_suspected):
        second.append(
            f"Suspected false positives ({why}, not verified by a lead): "
            f"{named_ids([f for f in mine_suspected if f.scope == why], labels)}."
        )
    if tally.dropped:
        second.append(f"Dropped: {', '.join(tally.dropped)}.")
    return second


def _own_text_notes(review: AgentReview, name: str) -> list[str]:
    """What is amiss in the seat's own text: its verdict against its findings, passages that
    are not findings as written, a review cut off, its own grades."""
    second: list[str] = []
    contradiction = verdict_contradiction(review, name)
    if contradiction:
        second.append(contradiction)
    if review.unread_findings:
        n = len(review.unread_findings)
        second.append(
            # (a findings section's text, or prose naming problems in a review without one)
            f"{plural(n, 'passage')} of {name}'s findings text {'is' if n == 1 else 'are'} "
            f"not findings as written (kept in its review below): "
            f"“{one_line(review.unread_findings[0], 100)}”."
        )
    if review.cut_off:
        # as its run's note and the verdict say it: what it did not get to is not here
        second.append(
            f"{name}'s review is cut off, so what it did not get to write is in no finding "
            f"({one_line(review.cut_off, 120)})."
        )
    second.extend(grade_notes(review, name))
    return second


def only_found(name: str, ids: str) -> str:
    """The narrative's sentence naming the findings only `name` raised ("" for none)."""
    return f" Only {name} found {ids}." if ids else ""


def _severity_changes(seat: str, consolidation: Consolidation, names: dict[str, str]) -> list[str]:
    """As Reconciliation writes them (`Gemini C1 (critical) → important I1`), for the member the
    seat votes with in each finding (its other findings merged there are not its grade)."""
    by_id = {f.id: f for f in consolidation.findings}
    out: list[str] = []
    for o in consolidation.origins:
        final = by_id[o.finding_id].severity
        for m in votes(o.members):
            if m.seat == seat and m.finding.severity != final:
                out.append(
                    f"{member_label(m, names)} ({m.finding.severity.value}) → {final.value} "
                    f"{o.finding_id}"
                )
    return out


def build_retro_seats(
    seat_reviews: Sequence[SeatReview],
    consolidation: Consolidation,
    *,
    changed_files: Sequence[str] = (),
    suspected: Sequence[str] = (),
    renamed: Mapping[str, str] | None = None,
    unlisted: Collection[str] = (),
    lineless: Collection[str] = (),
) -> tuple[SeatRetro, ...]:
    """`unlisted`: the changed files the seats' prompt did not list; `lineless`: those with no
    changed line to read (`seat_coverage`)."""
    files, resolver = changed_file_universe(seat_reviews, changed_files, renamed)
    names = {sr.seat: sr.reviewer.name for sr in seat_reviews}
    labels = finding_labels(consolidation.findings)
    return tuple(
        seat_retro(
            sr,
            consolidation,
            files,
            resolver,
            names,
            suspected,
            labels,
            compared=_compared(sr, seat_reviews),
            unlisted=unlisted,
            lineless=lineless,
        )
        for sr in seat_reviews
    )


def _compared(sr: SeatReview, seat_reviews: Sequence[SeatReview]) -> bool:
    """Another seat produced a review that could have raised `sr`'s findings: for a model, another
    model (an analyzer checks none of a model's kinds, as `missed` says); for an analyzer, any
    other seat. "Only Codex found I1–I999" of the one model in the panel compared it to nobody."""
    return any(
        o.seat != sr.seat and o.review is not None and (o.model_backed or not sr.model_backed)
        for o in seat_reviews
    )
