"""Check a schema-valid lead answer against what actually exists, and turn it into decisions.

The decisions are checked by `check_decisions` (what exists, what contradicts what, in the
order they apply); the rest of the answer here: the retro narratives (one per known seat), the
design observations (`check_design`), the added findings (not made up, not a restatement of a
cluster: `restated`), the assessments and process notes.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from deepreview.consolidate.cluster import Cluster
from deepreview.consolidate.decisions import AddedFinding, Decision
from deepreview.lead.answer import LeadAnswer
from deepreview.lead.check_decisions import check_decisions
from deepreview.lead.check_design import (
    LEAD_CREDIT,
    credited_assessment,
    design_choices,
    gist,
    unread_seat,
)
from deepreview.lead.check_notes import Note, Ref, cluster_ref
from deepreview.lead.restated import Restated, not_added
from deepreview.model import Assessment, DesignObservation, Location, ProcessNotes, Verdict


@dataclass(frozen=True)
class Checked:
    """A lead answer reduced to what can be applied, plus the notes on what could not."""

    decisions: tuple[Decision, ...]
    added: tuple[AddedFinding, ...]
    executive_summary: str
    verdict: Verdict
    narratives: dict[str, str] = field(default_factory=dict)  # seat -> retro narrative
    design_observations: tuple[DesignObservation, ...] = ()
    design_notes: tuple[str, ...] = ()  # "Dropped design concern (...): reason"
    design_dropped: tuple[DesignObservation, ...] = ()  # as they were before the lead
    # The lead's names for the design observations it was shown, as the report can say them:
    # `D2` -> `design concern (Helpers live in…)` (the report does not number them).
    design_names: dict[str, str] = field(default_factory=dict)
    testing: Assessment | None = None
    documentation: Assessment | None = None
    process_notes: ProcessNotes = field(default_factory=ProcessNotes)
    rejected: tuple[Note, ...] = ()  # one sentence per rejected claim
    undecided: tuple[str, ...] = ()  # clusters the lead said nothing about (kept)
    # the lead's number of each of `added` (`L2` -> 2): a restatement is not added, and the
    # prose names the rest by the lead's numbers; `restated`: `L1` -> what it restates
    added_numbers: tuple[int, ...] = ()
    restated: dict[str, Restated] = field(default_factory=dict)


def _bullet(text: str) -> str:
    return re.sub(r"^\s*[-*]\s+", "", text).strip()


def check_answer(
    answer: LeadAnswer,
    clusters: Sequence[Cluster],
    *,
    seats: Sequence[str],
    design_observations: Sequence[DesignObservation] = (),
    testing: Assessment | None = None,
    documentation: Assessment | None = None,
    unread_seats: Sequence[str] = (),
    misplaced: Callable[[AddedFinding], str | None] | None = None,
) -> Checked:
    """What of `answer` applies to this review (pure). `testing` / `documentation`: the seats'
    merged assessments the lead was shown, whose reviewers keep an item the lead kept as is.
    `unread_seats`: the seats whose findings text the tool could not read (an added finding
    may be credited to one). `misplaced`: why an added finding's place is not in the code
    (its file is not in the tree, its lines are past its end), or None."""
    decisions, rejected_decisions, undecided = check_decisions(answer, clusters)
    rejected = list(rejected_decisions)
    narratives: dict[str, str] = {}
    for r in answer.retro:
        seat = next((s for s in seats if s.lower() == r.seat.strip().lower()), None)
        if seat is None:
            rejected.append(
                Note(
                    (
                        f"Lead retro for seat {r.seat!r} rejected: no such seat "
                        f"(seats: {', '.join(seats)}).",
                    )
                )
            )
        elif seat in narratives:
            rejected.append(Note((f"Lead retro for seat {seat!r} rejected: given twice.",)))
        else:
            narratives[seat] = r.narrative
    design, design_notes, design_dropped = design_choices(
        answer, design_observations, lambda text: rejected.append(Note((text,)))
    )
    added_all = tuple(
        AddedFinding(
            severity=a.severity,
            title=a.title,
            locations=tuple(Location(x.path, x.start, x.end) for x in a.locations),
            classification=a.classification,
            body=a.body,
            fix=a.fix,
            reason=a.reason,
            seat=unread_seat(
                a.seat, a.title, unread_seats, lambda text: rejected.append(Note((text,)))
            ),
        )
        for a in answer.added_findings
    )
    made_up, again = not_added(added_all, clusters, decisions, misplaced)
    for n, why in made_up.items():
        at = ", ".join(f"`{loc}`" for loc in added_all[n].locations)
        said = f"The lead's added finding “{added_all[n].title}” at {at} rejected: {why}."
        rejected.append(Note((said,)))
    skipped = again.keys() | made_up.keys()
    added = tuple(a for n, a in enumerate(added_all) if n not in skipped)
    for n, what in again.items():
        said = f"The lead's added finding “{added_all[n].title}” restates "
        rejected.append(Note((said, cluster_ref(what.cluster), "; not added twice.")))
    return Checked(
        decisions=decisions,
        added=added,
        executive_summary=answer.executive_summary,
        verdict=Verdict(answer.verdict.label, answer.verdict.reason),
        narratives=narratives,
        design_observations=design,
        design_notes=design_notes,
        design_dropped=design_dropped,
        design_names={
            f"D{n}": f"design {o.kind} ({gist(o.text)})"
            for n, o in enumerate(design_observations, start=1)
        },
        testing=credited_assessment(answer.testing, testing),
        documentation=credited_assessment(answer.documentation, documentation),
        process_notes=ProcessNotes(
            skill_improvements=tuple(_bullet(x) for x in answer.skill_improvements if x.strip()),
            repo_context_updates=tuple(
                _bullet(x) for x in answer.repo_context_updates if x.strip()
            ),
        ),
        rejected=tuple(rejected),
        undecided=undecided,
        added_numbers=tuple(n + 1 for n in range(len(added_all)) if n not in skipped),
        restated={f"L{n + 1}": what for n, what in again.items()},
    )


__all__ = [
    "LEAD_CREDIT",
    "Checked",
    "Note",
    "Ref",
    "check_answer",
]
