"""The lead's choices about the design observations it was shown (`D1`, `D2`: its working
names; the report does not number them, so notes name an observation by its first words), and
the credits of the assessments it writes and of the findings it adds. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from deepreview.consolidate.sections import alike_observations
from deepreview.lead.answer import AssessmentIn, LeadAnswer
from deepreview.model import Assessment, DesignObservation
from deepreview.retromodel import Retro

_DESIGN_ID = re.compile(r"^\s*D\s*(\d+)\s*$", re.IGNORECASE)
LEAD_CREDIT = "lead"


def design_choices(
    answer: LeadAnswer, merged: Sequence[DesignObservation], reject: Callable[[str], None]
) -> tuple[tuple[DesignObservation, ...], tuple[str, ...], tuple[DesignObservation, ...]]:
    """The design observations after the lead's choices, the notes saying what it dropped or
    did not add, and the observations it dropped. Their `D2` IDs are the lead's working names
    (the report does not number them): notes name an observation by its first words."""
    choices: dict[int, tuple[str, str, str | None, str | None]] = {}
    for c in answer.design_observations:
        m = _DESIGN_ID.match(c.id)
        n = int(m.group(1)) if m else 0
        if not 1 <= n <= len(merged):
            reject(
                f"Lead choice about design observation {c.id!r} rejected: no design "
                "observation of this review has that ID.",
            )
            continue
        if n in choices:
            obs = merged[n - 1]
            reject(
                f"Lead choice about design {obs.kind} ({gist(obs.text)}) rejected: "
                "it was decided already.",
            )
            continue
        choices[n] = (c.action, c.reason, c.scope, c.text)
    kept: list[DesignObservation] = []
    notes: list[str] = []
    dropped: list[DesignObservation] = []
    for n, obs in enumerate(merged, start=1):
        choice = choices.get(n)
        if choice is None:
            kept.append(obs)
            continue
        action, reason, scope, text = choice
        if action == "drop":
            # "from Codex", not "[Codex]": `[Codex]:` would read as a link reference definition,
            # and the text made safe shows it as `[Codex]\:`
            who = f" from {', '.join(obs.reviewers)}" if obs.reviewers else ""
            notes.append(f"Dropped design {obs.kind} ({gist(obs.text)}){who}: {reason}")
            dropped.append(obs)
            continue
        kept.append(
            DesignObservation(
                kind=obs.kind,
                text=text or obs.text,
                scope=(scope or obs.scope) if obs.kind == "concern" else None,
                reviewers=obs.reviewers,
            )
        )
    for added in answer.added_design_observations:
        same = next(
            (o for o in kept if o.kind == added.kind and alike_observations(o.text, added.text)),
            None,
        )
        if same is not None:  # the lead restating an observation: said once, with its credit
            who = " and ".join(same.reviewers)
            whose = "another it added" if same.reviewers == (LEAD_CREDIT,) else f"{who}'s"
            notes.append(
                f"The lead's design {added.kind} ({gist(added.text)}) repeats {whose}; "
                "not added twice."
            )
            continue
        kept.append(
            DesignObservation(
                kind=added.kind,
                text=added.text,
                scope=added.scope if added.kind == "concern" else None,
                reviewers=(LEAD_CREDIT,),
            )
        )
    return tuple(kept), tuple(notes), tuple(dropped)


def retro_with_dropped_design(retro: Retro, dropped: Sequence[DesignObservation]) -> Retro:
    """`retro` with each seat's Design observations cell saying how many of its observations
    the lead dropped (`1 concern (1 dropped by the lead)`, as the seed's `1 concern (invalid)`):
    the cell counts what the seat said, the section shows only what the lead kept."""
    if not dropped:
        return retro
    seats = []
    for s in retro.seats:
        n = sum(1 for o in dropped if s.column in o.reviewers)
        row = "Design observations"
        if n and s.cell(row):
            cells = tuple(
                (r, f"{v} ({n} dropped by the lead)" if r == row else v) for r, v in s.cells
            )
            s = replace(s, cells=cells)
        seats.append(s)
    return replace(retro, seats=tuple(seats))


def gist(text: str, words: int = 8) -> str:
    """The first `words` words, bold marks off and code spans kept: a span the cut leaves open
    is closed (`div` stays code, not a bare div)."""
    plain = text.replace("*", "").split()
    cut = " ".join(plain[:words])
    open_run = ""
    for run in re.findall(r"`+", cut):
        if not open_run:
            open_run = run
        elif run == open_run:
            open_run = ""
    return cut + open_run + ("…" if len(plain) > words else "")


def credited_assessment(a: AssessmentIn | None, seats: Assessment | None) -> Assessment | None:
    """The lead's assessment, each statement credited to who made it: the seats, for one the
    lead kept word for word; else the lead, who wrote it. An empty one (no intro, no item: a
    model filling every key of the schema) says nothing, so the seats' assessment stands (None),
    never "No reviewer assessed testing" over what a seat did assess."""
    if a is None or not (a.intro.strip() or any(i.strip() for i in a.items)):
        return None
    said = {_words(t): who for t, who in seats.credited_items} if seats else {}
    items = tuple(i for i in a.items if i.strip())
    intro_said = seats.intro_reviewers if seats and _words(a.intro) == _words(seats.intro) else ()
    return Assessment(
        intro=a.intro,
        items=items,
        item_reviewers=tuple(said.get(_words(i)) or (LEAD_CREDIT,) for i in items),
        intro_reviewers=(intro_said or (LEAD_CREDIT,)) if a.intro.strip() else (),
    )


def unread_seat(
    named: str | None, title: str, unread: Sequence[str], reject: Callable[[str], None]
) -> str | None:
    """The seat an added finding is credited to: one whose findings text the tool could not
    read. Any other name is refused (the finding stays, as the lead's own): a lead must not
    put words in a seat whose findings the report shows."""
    if named is None or not named.strip():
        return None
    seat = next((s for s in unread if s.lower() == named.strip().lower()), None)
    if seat is None:
        which = ", ".join(unread) if unread else "none"
        reject(
            f"Lead's credit of the added finding “{title}” to seat {named!r} rejected: "
            f"only a seat whose findings text the tool could not read may be credited "
            f"({which}); it is shown as the lead's."
        )
    return seat


def _words(text: str) -> str:
    return " ".join(text.split())


__all__ = [
    "LEAD_CREDIT",
    "credited_assessment",
    "design_choices",
    "gist",
    "retro_with_dropped_design",
    "unread_seat",
]
