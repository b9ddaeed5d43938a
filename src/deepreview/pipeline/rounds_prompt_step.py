"""Rounds in the pipeline before the seats run: what the seats' prompt adds about the previous
round. Imported by every review before its first seat, so it stays light: the report changes
after the seats (consolidation, the stored report's model) are `rounds_step`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from deepreview.pipeline.context import Prepared, series_of
from deepreview.rounds.previous import (
    PreviousRound,
    earlier_rounds,
    find_previous,
    series_rows,
    unkeyed_note,
)
from deepreview.rounds.prompt import ClosedNote, DeclineNote, round_prompt
from deepreview.rounds.renames import follow_declines
from deepreview.store.declines import Decline, list_declines
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from deepreview.targets.build import shown_as_text
from deepreview.targets.git import Git
from deepreview.targets.target import Target

if TYPE_CHECKING:
    from deepreview.model import Finding  # types only: not loaded before the first seat


def series_declines(p: Prepared) -> list[Decline]:
    """Declines of this series of this repository, including those recorded under another name
    of it (a branch review continuing a PR's series)."""
    repo = Repository.of_target(p.target)
    names = {series_of(p.target)}
    names |= {
        r.series for r in series_rows(p.store, series_of(p.target), p.target.branch or "", repo)
    }
    names.discard("")
    return [d for d in list_declines(p.store, repo=repo) if d.series in names]


def first_round_note(store: Store, target: Target) -> str:
    """On what will be a first round of `target`'s repository: the earlier reviews of its
    series that are not counted, and why (a later round says it in its round note)."""
    series, branch, repo = series_of(target), target.branch or "", Repository.of_target(target)
    if not (series or branch) or series_rows(store, series, branch, repo):
        return ""
    return unkeyed_note(store, series, branch, repo)


def previous_round(
    p: Prepared, rid: str, created_at: str, pinned: str | None = None
) -> PreviousRound | None:
    """`pinned`: run.json's `previous_round` (see `find_previous`)."""
    return find_previous(p.store, p.target, series_of(p.target), created_at, rid, pinned)


def prompt_addition(
    p: Prepared,
    prev: PreviousRound | None,
    fences: tuple[Callable[[str], str], Callable[[str], str]],
) -> str:
    if prev is None:
        return ""
    # At their files' paths now: a seat looks for a renamed file's decline where it is.
    declines = follow_declines(
        Git(p.target.repo_root), series_declines(p), p.target.head_sha, dict(prev.moves),
        shown_as_text(p.target.changed_files), p.target.changed_paths,
    )  # fmt: skip
    return round_prompt(
        closed=closed_notes(p, prev),
        previous_no=prev.number,
        previous_id=prev.row.id,
        previous_sha=prev.row.head_sha,
        interdiff=prev.interdiff,
        interdiff_note=prev.note,
        open_findings=prev.open_findings,
        declines=[DeclineNote(d.finding_id, d.title, d.location, d.reason) for d in declines],
        fence_open=fences[0],
        fence_close=fences[1],
    )


def closed_notes(p: Prepared, prev: PreviousRound) -> list[ClosedNote]:
    """What the rounds up to `prev` closed or their leads dropped, newest first, once each:
    the previous round's open findings list only what is still open, and a seat that does not
    know the rest raises it again as new. Left out: one raised again since and still open
    (its carried tag names it: it is one of the open findings)."""
    # Imported here, on a later round only: it reads the seats' reviews with the findings
    # parser, which a first round does not load before its first seat.
    from deepreview.rounds.earlier import series_earlier_findings

    rounds = earlier_rounds(p.store, p.target, series_of(p.target), prev)
    carried = [f.carry_forward or "" for f in prev.open_findings]
    seen = {_key(f) for f in prev.open_findings}
    notes: list[ClosedNote] = []
    for e in series_earlier_findings(rounds):
        if _key(e.finding) in seen or any(tag.startswith(f"{e.label},") for tag in carried):
            continue
        seen.add(_key(e.finding))
        where = ", ".join(str(loc) for loc in e.finding.locations)
        notes.append(ClosedNote(e.label, e.finding.title, where, e.what))
    return notes


def _key(f: Finding) -> tuple[str, str]:
    """Its title and file: a finding closed twice (fixed, raised again, fixed) is listed once."""
    # (imported here: a review loads the consolidation only while its seats run)
    from deepreview.consolidate.places import key_path

    return " ".join(f.title.lower().split()), key_path(f)
