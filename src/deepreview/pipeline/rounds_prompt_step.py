"""Rounds in the pipeline before the seats run: what the seats' prompt adds about the previous
round. Imported by every review before its first seat, so it stays light: the report changes
after the seats (consolidation, the stored report's model) are `rounds_step`."""

from __future__ import annotations

from collections.abc import Callable

from deepreview.pipeline.context import Prepared, series_of
from deepreview.rounds.previous import PreviousRound, find_previous, series_rows, unkeyed_note
from deepreview.rounds.prompt import DeclineNote, round_prompt
from deepreview.store.declines import Decline, list_declines
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from deepreview.targets.target import Target


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
    declines = series_declines(p)
    return round_prompt(
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
