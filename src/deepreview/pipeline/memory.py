"""The store's memory across rounds: declined findings (`decline`, `declines`, `undecline`)
and the repo's context file (`context show`, `context apply`).

Core only: each function returns typed results or raises `UsageError`; `cli/` prints.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deepreview.consolidate.fingerprint import distinct_fingerprints, fingerprint, first_sentence
from deepreview.consolidate.places import key_location
from deepreview.errors import DeepReviewError, UsageError
from deepreview.findings.ids import id_runs
from deepreview.model import Finding, Report
from deepreview.pipeline.context_file import read_context, write_context_text
from deepreview.pipeline.decline_lines import lines_at
from deepreview.prompts.review import CONTEXT_FILE
from deepreview.rounds.context import (
    ALREADY_IN_FILE,
    ContextEdit,
    apply_edits,
    one_line,
    parse_update,
    skip_reason,
    unified_diff,
)
from deepreview.rounds.matching import declined_matches
from deepreview.serialize import report_from_data
from deepreview.store import runlock
from deepreview.store.declines import (
    Decline,
    add_decline,
    declines_from,
    list_declines,
    remove_decline,
)
from deepreview.store.report_files import checked_report_path, no_report_yet
from deepreview.store.repository import Repository
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store
from deepreview.targets.git import Git
from deepreview.targets.repo_root import find_repo_root

_ROUND = re.compile(r"^\s*(\d+)")


def row_series(row: ReviewRow) -> str:
    """The series a stored review is a round of: "" for a range and for an `--uncommitted`
    review (its branch is kept for display only: it is round 1 on its own)."""
    if row.kind == "uncommitted":
        return ""
    return row.series or (f"branch:{row.branch}" if row.branch else "")


def stored_report(store: Store, review_id: str) -> tuple[ReviewRow, Report]:
    row = store.get(review_id)
    path = checked_report_path(store.root, review_id, row.status)
    try:
        return row, report_from_data(json.loads(path.read_text(encoding="utf-8")), str(path))
    except ValueError as exc:
        raise UsageError(f"cannot read {path}: {exc}; re-run the review") from exc


def decline(
    store: Store,
    review_id: str,
    finding_id: str,
    reason: str,
    *,
    series: str | None = None,
    repo: Path | None = None,
) -> tuple[Decline, Decline | None]:
    """Record that `finding_id` of `review_id` is declined on purpose, for its whole series
    (of its repository). `repo`: where the reviewed repository is, to keep the declined lines'
    text (`decline_lines`). Returns the decline and the earlier decline of the same finding
    it replaced, if any."""
    # One line wherever it shows (`declines`, a report's bullet, a PR reply): a reason typed
    # over several lines (`--reason "$(cat why.txt)"`) keeps its words, joined by spaces.
    reason = " ".join(reason.split())
    if not reason:
        raise UsageError('a decline needs a reason: --reason "by design: ..."')
    # Under the review's run lock, as every writer of a review: a relead (which renumbers the
    # findings) neither replaces the report this decline reads nor starts between a decline
    # and its own check for declines; a decline while one runs is refused, naming it.
    row = store.get(review_id)
    review_dir = store.review_dir(review_id)
    if not review_dir.is_dir():  # its folder deleted by hand: no process can work on it
        return _decline(store, review_id, finding_id, reason, series, repo)
    runlock.refuse_running(review_dir, review_id, then="decline it")
    if row.status != "complete" and not (store.root / f"{review_id}.json").is_file():
        # Told before the run lock is ours: under it, a review killed outright (its run.json
        # still saying running) would read as running, the lock's holder being this process.
        raise no_report_yet(review_id, row.status)
    with runlock.holding(review_dir, review_id, "decline", then="decline it"):
        return _decline(store, review_id, finding_id, reason, series, repo)


def _decline(
    store: Store,
    review_id: str,
    finding_id: str,
    reason: str,
    series: str | None,
    repo: Path | None,
) -> tuple[Decline, Decline | None]:
    row, report = stored_report(store, review_id)
    own = row_series(row)
    if not own:
        raise UsageError(
            f"review {review_id} reviewed no PR or branch, so it has no series to remember a "
            "decline in; review the branch or PR instead"
        )
    if series is not None and series != own:
        raise UsageError(
            f"finding {finding_id} of {review_id} belongs to series {own}, not {series}; "
            f"drop --series or decline a finding of a {series} review"
        )
    wanted = finding_id.strip().upper()
    at = next((i for i, f in enumerate(report.findings) if f.id.upper() == wanted), None)
    if at is None:
        ids = _id_list([f.id for f in report.findings])
        raise UsageError(f"review {review_id} has no finding {finding_id}; its findings: {ids}")
    finding = report.findings[at]
    # the key place (as the fingerprint's): where `declined_matches` measures a line from
    loc = key_location(finding)
    m = _ROUND.match(report.header.round or "1")
    text = first_sentence(finding.body)
    fp = distinct_fingerprints(report.findings)[at]
    # A decline of another finding of the series (an earlier round's) may hold this value: the
    # two are told apart rather than one replacing the other's reason.
    taken = next(
        (
            e
            for e in list_declines(store, own, row.repository)
            if e.fingerprint == fp and e.review_id != review_id and e.text != text
        ),
        None,
    )
    if taken is not None:
        fp = fingerprint(finding, f"declined:{review_id} {finding.id}")
    d = Decline(
        series=own,
        fingerprint=fp,
        text=text,
        review_id=review_id,
        finding_id=finding.id,
        title=finding.title,
        path=loc.path if loc else "",
        start_line=loc.start if loc else None,
        end_line=loc.end if loc else None,
        reviewed_sha=row.head_sha,
        round=int(m.group(1)) if m else 1,
        reason=reason.strip(),
        created_at=datetime.now().astimezone().isoformat(timespec="seconds"),
        repo_key=row.repo_key,
        repo=row.repo,
        lines=_lines(repo, row.head_sha, loc.path, loc.start, loc.end) if loc else None,
    )
    return d, add_decline(store, d)


def _id_list(ids: list[str], most: int = 30) -> str:
    """A review's IDs for a one-line error: runs as ranges (`S1–S400`), and past `most` items
    the first ones and how many more (a generated review listed 2000 IDs, 15 KB)."""
    runs = id_runs(ids)
    if not runs:
        return "none"
    shown = ", ".join(runs[:most])
    return shown if len(runs) <= most else f"{shown}, … ({len(ids)} findings in all)"


def _lines(
    repo: Path | None, sha: str, path: str, start: int | None, end: int | None
) -> str | None:
    """The declined lines' text at the review's SHA, when the repository is at hand."""
    if repo is None:
        return None
    try:
        git = Git(find_repo_root(repo))
    except DeepReviewError:
        return None  # declined from outside the repository: compared by SHA only
    return lines_at(git, sha, path, start, end)


def declines(
    store: Store, series: str | None = None, repo: Repository | None = None
) -> list[Decline]:
    """The store's declines, of one series and of one repository when given."""
    return list_declines(store, series, repo)


def repository_labels(found: list[Decline]) -> dict[Decline, str]:
    """What `declines` calls each decline's repository: its name, with its key when two
    repositories of that name are listed (`o1/app` and `o2/app` are both `app` without a
    GitHub remote); a decline whose repository could not be told says so."""
    keys: dict[str, set[str]] = {}
    for d in found:
        keys.setdefault(d.repo, set()).add(d.repo_key)
    labels: dict[Decline, str] = {}
    for d in found:
        if not d.repo_key:
            labels[d] = f"{d.repo or '?'} (repository unknown: stored before keys were kept)"
        elif len(keys[d.repo]) > 1:
            labels[d] = f"{d.repo} ({d.repo_key})"
        else:
            labels[d] = d.repo or d.repo_key
    return labels


def current_ids(store: Store, found: list[Decline]) -> dict[Decline, str | None]:
    """Each decline's finding ID in its review's report as stored now (`finding_ids`)."""
    return finding_ids(current_findings(store, found))


def finding_ids(current: dict[Decline, Finding | None]) -> dict[Decline, str | None]:
    """Each decline's finding ID in its review's report as stored now (None: no finding of the
    report is it any more). A relead may renumber a review's findings after a decline was
    recorded: the ID the decline was recorded under may stand for another finding now. A review
    whose report cannot be read is left out. `current`: `current_findings`."""
    return {d: f.id if f else None for d, f in current.items()}


def shown_locations(
    found: list[Decline], current: dict[Decline, Finding | None]
) -> dict[Decline, str]:
    """Where each decline's finding is, as its report shows it: its first place in its
    reviewer's order. The decline itself keeps the key place (the one that sorts first, as its
    fingerprint does) to match later rounds by; a decline whose finding cannot be read in its
    report is shown at that key place. `current`: `current_findings`."""
    shown = {d: d.location for d in found}
    for d, f in current.items():
        if f is not None and f.locations:
            shown[d] = str(f.locations[0])
    return shown


def current_findings(store: Store, found: list[Decline]) -> dict[Decline, Finding | None]:
    """Each decline's finding in its review's report as stored now (None: none is it any more;
    a review whose report cannot be read is left out). Each report is read once."""
    reports: dict[str, tuple[dict[str, Finding], Report] | None] = {}
    out: dict[Decline, Finding | None] = {}
    for d in found:
        if d.review_id not in reports:
            reports[d.review_id] = _by_fingerprint(store, d.review_id)
        stored = reports[d.review_id]
        if stored is None:
            continue
        by_fp, report = stored
        if d.fingerprint in by_fp:
            out[d] = by_fp[d.fingerprint]
        else:
            # stored with another fingerprint (version 1, or told apart from an earlier
            # decline): the finding it matches, when one does
            matched = declined_matches(d, report.findings)
            out[d] = matched[0] if len(matched) == 1 else None
    return out


def _by_fingerprint(store: Store, review_id: str) -> tuple[dict[str, Finding], Report] | None:
    try:
        _, report = stored_report(store, review_id)
    except UsageError:  # deleted, unfinished or unreadable: nothing to compare with
        return None
    fps = distinct_fingerprints(report.findings)
    return dict(zip(fps, report.findings, strict=True)), report


def undecline(store: Store, review_id: str, finding_id: str) -> Decline:
    """Remove the decline of `finding_id` of `review_id` and return it. When a relead
    renumbered the findings, two declines may have been recorded under that ID: the one of
    the finding the report names so now is removed; when neither is, the command is refused
    with the candidates (each may be named by its fingerprint instead of the ID)."""
    wanted = finding_id.strip()
    mine = declines_from(store, review_id)
    if not mine:
        # An unknown ID is said as such; a deleted review's declines stay (they belong to the
        # series), and the ID `declines` lists is the one to remove them by.
        store.get(review_id)
    if wanted.lower().startswith("v") and ":" in wanted:
        recorded = [d for d in mine if d.fingerprint == wanted.lower()]
    else:
        recorded = [d for d in mine if d.finding_id.upper() == wanted.upper()]
    if not recorded:
        raise UsageError(
            f"no decline of {finding_id} from review {review_id}; see `deep-review declines`"
        )
    if len(recorded) > 1:
        now = current_ids(store, recorded)
        recorded = [d for d in recorded if now.get(d) == d.finding_id] or recorded
    if len(recorded) > 1:
        candidates = "; ".join(f"{d.fingerprint}: {d.title} ({d.location})" for d in recorded)
        raise UsageError(
            f"{len(recorded)} declines of review {review_id} were recorded as {wanted.upper()} "
            f"(a relead renumbered its findings): {candidates}; name one by its fingerprint: "
            f"`deep-review undecline {review_id} {recorded[0].fingerprint}`"
        )
    remove_decline(store, recorded[0])
    return recorded[0]


# -- repo context memory ----------------------------------------------------------------------


@dataclass(frozen=True)
class ContextPlan:
    path: Path
    old: str
    new: str
    diff: str  # unified diff, "" when nothing would change
    skipped: tuple[str, ...]  # each proposal not written, with why (one line each)
    written: int = 0  # proposals the new text carries
    # of `written`, the series' "by design" declines: no lead proposed them, and a report
    # saying no context update is warranted does not mean none will be written
    from_declines: int = 0
    already: int = 0  # of `skipped`, proposals the file has already

    @property
    def summary(self) -> str:
        of = f' ({self.from_declines} from "by design" declines)' if self.from_declines else ""
        return f"{self.written} written{of}, {len(self.skipped)} skipped"


def context_path(repo_root: Path) -> Path:
    return repo_root / CONTEXT_FILE


def context_plan(
    store: Store, repo_root: Path, here: Repository, review_id: str, *, force: bool
) -> ContextPlan:
    """The edits review `review_id` proposes to the working tree's context file: the lead's
    repo context updates plus the series' "by design" declines. `here` is the repository of
    `repo_root`: a review of another one is refused (its proposals are for that one's file)."""
    row, report = stored_report(store, review_id)
    _ensure_same_repository(row, here, review_id)
    path = context_path(repo_root)
    # Read first: a link, a folder or a file that is not UTF-8 is refused for what it is, not
    # as "uncommitted", whose advice (commit it) would only lead to this refusal.
    existing = read_context(path)
    dirty = Git(repo_root).out("status", "--porcelain", "--", CONTEXT_FILE)
    if dirty and not force:
        raise UsageError(
            f"{CONTEXT_FILE} has uncommitted changes; commit them (or stash them: "
            "`git stash -u` for a new file), or pass --force"
        )
    # Every proposal is written or listed with why not: none is dropped without a word.
    edits: list[ContextEdit] = []
    skipped: list[str] = []
    for update in report.process_notes.repo_context_updates:
        reason = skip_reason(update, CONTEXT_FILE)
        edit = None if reason else parse_update(update)
        if edit is None:
            skipped.append(f"{one_line(update)} ({reason})")
        else:
            edits.append(edit)
    # the branch's declines apply to its work in progress too (an `--uncommitted` review)
    series = row.series or (f"branch:{row.branch}" if row.branch else "")
    by_design: list[ContextEdit] = []
    for d in list_declines(store, series, row.repository) if series else []:
        if d.reason.lower().startswith("by design"):
            where = f"`{d.path}`: " if d.path else ""
            by_design.append(ContextEdit(add=f"{where}{d.title} — {d.reason}"))
    old = existing or ""
    # in two steps (the same order as one) to count what the declines themselves add
    mid, lead_not_applied = apply_edits(old, edits)
    new, decline_not_applied = apply_edits(mid, by_design)
    skipped += lead_not_applied + decline_not_applied
    return ContextPlan(
        path,
        old,
        new,
        unified_diff(old, new, CONTEXT_FILE, new_file=existing is None),
        tuple(skipped),
        written=len(edits) - len(lead_not_applied) + len(by_design) - len(decline_not_applied),
        from_declines=len(by_design) - len(decline_not_applied),
        already=sum(s.endswith(ALREADY_IN_FILE) for s in skipped),
    )


def _ensure_same_repository(row: ReviewRow, here: Repository, review_id: str) -> None:
    # A row stored before keys were kept (and not told by m009) has only its name to go by.
    same = here.holds(row.repo_key, row.repo) or (not row.repo_key and row.repo == here.name)
    if same:
        return
    where = f" ({row.repo_key})" if row.repo_key and row.repo_key != row.repo else ""
    raise UsageError(
        f"review {review_id} is of repository {row.repo}{where}, not of this one "
        f"({here.name}); cd into a checkout of {row.repo} and run `deep-review context apply "
        f"{review_id}` there"
    )


def write_context(plan: ContextPlan) -> None:
    """Write the planned file (never commits)."""
    write_context_text(plan.path, plan.new)
