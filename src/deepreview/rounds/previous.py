"""The round before this one: which stored review it is, its report, and the interdiff.

A series is one PR (`pr:<N>`) or one branch; a branch review whose branch has a PR review in the
store continues that series (the store matches rows on the branch as well, see `Store.round_for`).
An `--uncommitted` review is in no series: it is round 1 on its own, and the branch's rounds
skip it (its work tree is not a state of the branch the next round could diff against).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from deepreview.errors import StoreError
from deepreview.rounds.interdiff import branch_interdiff
from deepreview.rounds.line_map import Hunk, follow_lines, line_hunks
from deepreview.rounds.renames import follow_finding, moved_note, renamed_paths, renamed_since
from deepreview.store.dates import utc_time
from deepreview.store.declines import list_declines
from deepreview.store.redact import index_name
from deepreview.store.report_files import relead_mend
from deepreview.store.repository import Repository
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store
from deepreview.targets.build import shown_as_text
from deepreview.targets.git import Git
from deepreview.targets.target import Target
from deepreview.untrusted_text import clean_strings

# The verdict label of a review in which every seat failed (`consolidate.verdict.decide`).
FAILED = "Failed"

if TYPE_CHECKING:
    # Types only: every review looks for a previous round before its first seat; the report's
    # model is loaded (by `report_from_data`) only when there is one.
    from deepreview.model import Finding, Report


@dataclass(frozen=True)
class PreviousRound:
    row: ReviewRow
    report: Report
    number: int  # the previous round's own number (as its header names it)
    interdiff: str  # "" when there is none (or it could not be computed: see `note`)
    note: str = ""
    # The interdiff was computed (the previous SHA exists): "" then means nothing changed.
    compared: bool = False
    # Files renamed since the previous round's SHA, old path -> new (`rounds.renames`).
    moves: tuple[tuple[str, str], ...] = ()
    # Each file's line hunks since the previous round's SHA, by its path now (`rounds.line_map`).
    hunks: tuple[tuple[str, tuple[Hunk, ...]], ...] = ()

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        """Its findings, each at its file's path now (renamed since: `rounds.renames`) and at
        the lines its code moved to (`rounds.line_map`)."""
        moves, hunks = dict(self.moves), dict(self.hunks)
        return tuple(follow_lines(follow_finding(f, moves), hunks) for f in self.report.findings)

    @property
    def declined_ids(self) -> tuple[str, ...]:
        info = self.report.round_info
        return tuple(d.prior_id for d in info.declined) if info else ()


def series_rows(
    store: Store,
    series: str,
    branch: str,
    repo: Repository,
    rows: list[ReviewRow] | None = None,
) -> list[ReviewRow]:
    """Complete reviews of the series in `repo`, oldest first (never an `--uncommitted`
    review), among `rows` (default: the store's). A shared store holds other repositories'
    `branch:main` too. `branch` is matched as the index keeps it (`index_name`)."""
    series, branch = index_name(series), index_name(branch)
    rows = [
        r
        for r in (store.rows() if rows is None else rows)
        if r.status == "complete"
        and r.kind != "uncommitted"
        and ((series and r.series == series) or (branch and r.branch == branch))
        and repo.holds(r.repo_key, r.repo)
    ]
    return sorted(rows, key=_order)


def _utc(created_at: str) -> str:
    """`created_at` comparable with another review's: the store writes the local offset, which
    changes with daylight saving time (02:10+01:00 is after 02:30+02:00)."""
    return utc_time(created_at) or created_at


def _order(row: ReviewRow) -> tuple[int, str, str]:
    """Rounds in the order they were numbered, which is the order their reports were made: a
    review stopped and resumed keeps its start time but takes its number (and completes) after
    a round that ran meanwhile. Reviews stored before numbers were kept (0) come first, by
    date."""
    return row.round_no, _utc(row.created_at), row.id


def unkeyed_note(store: Store, series: str, branch: str, repo: Repository) -> str:
    """What a round of `repo` leaves out of its series, and why: reviews and declines of the
    series stored before repositories were told apart whose repository could not be told
    since (m009: their checkout is gone), under `repo`'s name. Once they were counted by that
    name, which another repository may bear too. "" when there are none."""
    series, branch = index_name(series), index_name(branch)
    rows = [
        r
        for r in store.rows()
        if r.status == "complete"
        and r.kind != "uncommitted"
        and ((series and r.series == series) or (branch and r.branch == branch))
        and repo.would_have_held(r.repo_key, r.repo)
    ]
    names = ({series} | {r.series for r in rows}) - {""}
    declined = [
        d
        for d in list_declines(store)
        if d.series in names and repo.would_have_held(d.repo_key, d.repo)
    ]
    if not rows and not declined:
        return ""
    what = []
    if rows:
        what.append(f"review {', '.join(r.id for r in rows)}")
    if declined:
        what.append(f"{len(declined)} decline{'s' if len(declined) > 1 else ''}")
    return (
        f"{' and '.join(what).capitalize()} of this series under the name {repo.name} "
        "were stored before deep-review told repositories apart, and their repository can no "
        "longer be told (its checkout is gone): not counted in this round "
        "(`deep-review declines --repo-wide` lists them)."
    )


def later_rows(store: Store, review_id: str) -> list[ReviewRow]:
    """Complete reviews of `review_id`'s series stored after it, oldest first: the rounds that
    build on its findings. None for a review in no series (an unknown ID, an `--uncommitted`
    one) and for one that is no complete round (interrupted, killed, every seat failed): a
    later round compares with the round before it, never with that one."""
    rows = store.rows()
    this = next((r for r in rows if r.id == review_id), None)
    if this is None or this.status != "complete" or this.verdict == FAILED:
        return []
    if this.kind == "uncommitted":
        return []
    if not (this.series or this.branch):
        return []
    return [
        r
        for r in series_rows(store, this.series, this.branch, this.repository)
        if _order(r) > _order(this)
    ]


def find_previous(
    store: Store,
    target: Target,
    series: str,
    created_at: str,
    review_id: str,
    pinned: str | None = None,
) -> PreviousRound | None:
    """The latest complete review of the series before this one, with its report; None on a
    first round (or when its stored JSON report is gone).

    `pinned`: the previous round the seats' prompt was built on (run.json's `previous_round`;
    "" for none): a review of the series that finished while this one ran is no round these
    seats were asked about, so their verdicts must not be read against its findings. None (a
    run.json from before it was kept, or a pinned review since deleted) looks it up by date."""
    if target.kind == "uncommitted" or (not series and not target.branch):
        return None
    if pinned == "":
        return None
    repo = Repository.of_target(target)
    rows = series_rows(store, series, target.branch or "", repo)
    earlier = [r for r in rows if r.id != review_id and _utc(r.created_at) <= _utc(created_at)]
    if pinned is not None and any(r.id == pinned for r in rows):
        earlier = rows[: next(i for i, r in enumerate(rows) if r.id == pinned) + 1]
    # A review in which every seat failed reviewed nothing: it holds no findings, and what it
    # names as still open is the round before it's. That round is the previous one.
    earlier = [r for r in earlier if r.verdict != FAILED]
    if not earlier:
        return None
    row = earlier[-1]
    number = _number(row, rows)
    report = _read_report(store, row, number)
    interdiff, note, moves = _interdiff(target, row)
    gone = [
        g.id
        for g in series_rows(store, series, target.branch or "", repo, store.ghost_rows())
        if _order(row) < _order(g) and _utc(g.created_at) <= _utc(created_at)
    ]
    if gone:
        # Deleted by hand (its folder is gone): the round before it is the previous round.
        skipped = (
            f"Review {', '.join(gone)} of this series was deleted from the store; "
            f"this round follows round {number} ({row.id})."
        )
        note = f"{skipped} {note}".strip()
    note = f"{note} {unkeyed_note(store, series, target.branch or '', repo)}".strip()
    moved = moved_note(moves or {}, (loc.path for f in report.findings for loc in f.locations))
    note = f"{note} {moved}".strip()
    return PreviousRound(
        row=row,
        report=report,
        number=number,
        interdiff=interdiff,
        note=note,
        compared=moves is not None,
        moves=tuple((moves or {}).items()),
        hunks=tuple(_hunks(target, row, moves).items()),
    )


def earlier_rounds(
    store: Store, target: Target, series: str, prev: PreviousRound
) -> tuple[tuple[int, Report, dict[str, str], dict[str, tuple[Hunk, ...]] | None], ...]:
    """(number, report, the files renamed since its SHA, their line hunks since it or None
    when it is gone) of `prev` and each round of the series before it, newest first: what
    they closed or dropped, a seat may raise again however many rounds later
    (`rounds.earlier`), at the path and lines its code has now. Read for a later round's
    prompt (which lists them) and again after its seats ran; a first round reads none."""
    rows = series_rows(store, series, target.branch or "", Repository.of_target(target))
    # The previous SHA gone (nothing compared): no line of it can be placed now.
    rounds = [
        (prev.number, prev.report, dict(prev.moves), dict(prev.hunks) if prev.compared else None)
    ]
    if prev.row not in rows:
        return tuple(rounds)
    git = Git(target.repo_root)
    text = shown_as_text(target.changed_files)
    for row in reversed(rows[: rows.index(prev.row)]):
        if row.verdict == FAILED:
            continue  # reviewed nothing: it closed and dropped nothing
        number = _number(row, rows)
        try:
            report = _read_report(store, row, number)
        except StoreError:
            # An old round's report only helps name a finding raised again; one that cannot be
            # read fails no later round (the previous round's must be read, and is).
            continue
        # Its SHA gone: the renames since the previous round's are the ones that can be seen.
        moves = renamed_since(git, row.head_sha, target.head_sha, text)
        if moves is None:
            rounds.append((number, report, dict(prev.moves), None))
        else:
            hunks = line_hunks(git, row.head_sha, target.head_sha, text)
            rounds.append((number, report, moves, hunks))
    return tuple(rounds)


def _number(row: ReviewRow, rows: list[ReviewRow]) -> int:
    """Its number as handed out (`Store.round_for`); a review stored before numbers were kept
    was numbered by counting."""
    return row.round_no or rows.index(row) + 1


def _read_report(store: Store, row: ReviewRow, number: int) -> Report:
    path = store.root / f"{row.id}.json"
    # Imported here: serialize brings pydantic (~0.07 s), and every review looks for a previous
    # round before its first seat; only a later round reads one.
    from deepreview.serialize import report_from_data

    try:
        # a report stored before seat text was cleaned (`SeatReview`) carries its NULs and
        # escapes into this round's findings: cleaned as it is read
        text = path.read_text(encoding="utf-8")
        return clean_strings(report_from_data(json.loads(text), str(path)))
    except (OSError, ValueError) as exc:
        raise StoreError(
            f"cannot read round {number}'s report {path}: {exc}; "
            f"{relead_mend(path.parent, row.id, 'it')}, "
            f"or `deep-review delete {row.id}` removes that review"
        ) from exc


def _hunks(
    target: Target, row: ReviewRow, moves: dict[str, str] | None
) -> dict[str, tuple[Hunk, ...]]:
    """The line hunks from the previous round's SHA to HEAD (none when it is gone)."""
    if moves is None:
        return {}
    return line_hunks(
        Git(target.repo_root), row.head_sha, target.head_sha, shown_as_text(target.changed_files)
    )


def _interdiff(target: Target, row: ReviewRow) -> tuple[str, str, dict[str, str] | None]:
    """(the interdiff, its note, the renames since) from the previous round's SHA; renames are
    None when that SHA is gone (nothing could be compared)."""
    git = Git(target.repo_root)
    previous_sha = row.head_sha
    if not previous_sha or git.rev(previous_sha) is None:
        return (
            "",
            f"The previous round's reviewed SHA {previous_sha[:12] or '(none)'} no longer exists "
            "in this repository (rewritten history?); this round reviews the whole diff.",
            None,
        )
    if previous_sha == target.head_sha:
        return "", "Nothing changed since the previous round's reviewed SHA.", {}
    # Blind to `.gitattributes`, as the review's own diff (`targets.attributes`): the branch's
    # `calc.py -diff` in the user's checkout must not turn what changed into "Binary files".
    # Only the branch's own changes: a rebase onto a moved base leaves the base's out.
    # A file the review's diff shows as text for all its NUL bytes is text here too.
    text = shown_as_text(target.changed_files)
    found = branch_interdiff(
        git, row.base_sha, previous_sha, target.base_sha, target.head_sha, text
    )
    return found.text, found.note, renamed_paths(git, previous_sha, target.head_sha, text)
