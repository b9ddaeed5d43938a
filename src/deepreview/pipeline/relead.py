"""`deep-review relead ID [--lead NAME]`: rerun only the lead on a stored review.

The seats' reviews are rebuilt from the stored `review-<seat>-pass-1.md` files and run.json's
measured runs; the deterministic report is rebuilt from them, the lead runs again (the one given
with `--lead`, else the review's own lead, else the default choice), and the report files (those
asked for and every one the review stored) and the store index are rewritten. The seats do not
run again.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from deepreview.agents.base import ProgressEvent
from deepreview.config import CliOverrides, Settings
from deepreview.errors import DeepReviewError, UsageError
from deepreview.formats import RENDERERS
from deepreview.lead.runner import clear_lead_files, restore_earlier_lead
from deepreview.pipeline import finish
from deepreview.pipeline.context import Prepared, ReviewOutcome, StateWriter
from deepreview.pipeline.index_step import write_index
from deepreview.pipeline.panel import recorded_efforts, with_efforts
from deepreview.pipeline.prepare import load_settings_for
from deepreview.pipeline.reindex import ready
from deepreview.pipeline.runstate import RunState, load_state, load_target, require_checkout
from deepreview.pipeline.seats import check_effort, check_rerun_models, choose_lead
from deepreview.pipeline.store_here import locate_store
from deepreview.prompts.review import read_steering_files
from deepreview.rounds.previous import later_rows
from deepreview.runfiles import RUN_JSON
from deepreview.store import runlock
from deepreview.store.declines import list_declines
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store
from deepreview.targets.git import Git
from deepreview.targets.target import Target


def _lead_for(
    state: RunState, settings: Settings, env: Mapping[str, str], requested: str | None
) -> str:
    """`--lead`, else the review's own lead, else the default choice (first usable)."""
    if requested:
        return choose_lead(settings, env, requested)
    if state.lead.seat != "none":
        return choose_lead(settings, env, state.lead.seat, check=False)
    return choose_lead(settings, env, None)


def _refuse_gone_commits(review_id: str, target: Target) -> None:
    """The lead is given the reviewed diff, read from git again: a rebase or force push (and a
    `gc` since) may have taken the reviewed commits away, and then there is no diff to read."""
    git = Git(target.repo_root)
    for what, sha in (("commit", target.head_sha), ("base commit", target.base_sha)):
        if sha and git.rev(sha) is None:
            raise UsageError(
                f"review {review_id} reviewed {what} {sha[:12]}, which is no longer in the "
                f"repository (rewritten by a rebase or force push); {_fetch_advice(git, sha)}"
            )


def _fetch_advice(git: Git, sha: str) -> str:
    """Name a remote the repository has (`origin` first): advice to fetch from an `origin`
    that is not there cannot be followed."""
    remotes = git.run(["remote"], check=False).stdout_text.split()
    if not remotes:
        return "there is no remote to fetch it from: review the branch again"
    remote = "origin" if "origin" in remotes else remotes[0]
    return f"fetch it back (`git fetch {remote} {sha}`) to relead, or review the branch again"


def relead(
    review_id: str,
    *,
    cwd: Path,
    cli: CliOverrides,
    env: Mapping[str, str],
    force: bool = False,
    on_progress: Callable[[ProgressEvent], None] | None = None,
) -> ReviewOutcome:
    store = locate_store(cwd, cli, env)
    # a --store naming no folder is a typo, said as `list` says it (not "no review ID in DIR")
    store.ensure_readable(named=cli.store is not None)
    ready(store, writes=True)
    review_dir = store.review_dir(review_id)
    # Not while another process works on the review (its own run, a resume, another relead):
    # both would write its report, run.json and lead files.
    runlock.refuse_running(review_dir, review_id, then="relead it")
    state = load_state(review_dir)
    if state.status != "complete":
        # Marked running, and no process runs it: the one that ran it was killed.
        status = "interrupted" if state.status == "running" else state.status
        raise UsageError(
            f"review {review_id} is {status}, not complete; "
            f"finish it with `deep-review resume {review_id}` first"
        )
    later = None if force else next(iter(later_rows(store, review_id)), None)
    if later is not None:
        raise UsageError(
            f"review {later.id} is a later round that names this review's findings by their "
            f"IDs, which a new lead may renumber; relead {later.id}, or pass --force"
        )
    if not force:
        _refuse_declined(store, review_id)
    require_checkout(review_id, state, "relead it")
    _refuse_gone_commits(review_id, state.target)
    target = load_target(state)
    steering = read_steering_files(target)
    settings = with_efforts(load_settings_for(target, cli, env, steering), recorded_efforts(state))
    settings = _with_stored_formats(settings, store, state)
    lead = _lead_for(state, settings, env, cli.lead)
    what = f"`relead` runs only the lead, {lead}"
    check_rerun_models(settings, cli.models, {lead}, what)
    check_effort(settings, {lead}, what)
    p = Prepared(target, settings, store, [], lead, list(state.notes), env, steering)
    read = state
    if state.before_lead_s is not None:
        state = dataclasses.replace(state, elapsed_s=state.before_lead_s)
    with runlock.holding(review_dir, review_id, "relead", then="relead it"):
        # Checked again under the lock, as `resume` does: another `relead` may have run between
        # the checks above and this lock, and this one would write back the run.json it read.
        if load_state(review_dir) != read:
            raise UsageError(
                f"review {review_id} changed while this relead started (another `relead` ran "
                f"it); run `deep-review relead {review_id}` again"
            )
        if not force:
            _refuse_declined(store, review_id)  # a `decline` may have run since, too
        return _run(p, review_id, review_dir, state, on_progress)


def _with_stored_formats(settings: Settings, store: Store, state: RunState) -> Settings:
    """`settings` asking also for every format the review stored: a file the relead did not
    write again (the `.sarif` of `review --format sarif`, the `.html` beside `--format md`)
    would keep the earlier lead's report, and `show` and `open` serve it as this one. Those
    run.json records count too: one deleted by hand is written again, as `list` says."""
    suffixes = {p.name.removeprefix(state.id) for p in store.report_files(state.id)}
    recorded = {*state.settings.formats, *(state.report_files or {})}
    more = tuple(
        r.name
        for r in RENDERERS
        if (r.suffix in suffixes or r.name in recorded) and r.name not in settings.formats
    )
    return dataclasses.replace(settings, formats=(*settings.formats, *more)) if more else settings


def _refuse_declined(store: Store, review_id: str) -> None:
    declined = [d for d in list_declines(store) if d.review_id == review_id]
    if declined:
        ids = sorted({d.finding_id for d in declined})
        how = (
            f"`deep-review undecline {review_id} {ids[0]}`"
            if len(ids) == 1
            else f"`deep-review undecline {review_id} ID` for each"
        )
        raise UsageError(
            f"review {review_id} has declined findings ({', '.join(ids)}), named by IDs a new "
            f"lead may renumber; undecline them first ({how}), or pass --force"
        )


def _run(
    p: Prepared,
    review_id: str,
    review_dir: Path,
    state: RunState,
    on_progress: Callable[[ProgressEvent], None] | None,
) -> ReviewOutcome:
    store = p.store
    writer = StateWriter(store, review_dir, state, p.redactor())
    # Set aside here, not when the lead starts, so that whatever stops the relead (Ctrl-C
    # before or during its lead, an error, a lead that does not judge where the earlier one
    # did) knows what to put back: the stored report stands, with its run.json, lead files and
    # index row. A store that fails mid-write (disk full) loses no file of the stored review.
    earlier = _Earlier(
        reports={path: path.read_bytes() for path in store.report_files(review_id)},
        run_json=(review_dir / RUN_JSON).read_bytes(),
        row=next((r for r in store.rows() if r.id == review_id), None),
        lead_files=clear_lead_files(review_dir),
    )
    try:
        outcome = finish.finish_review(
            p,
            review_id,
            review_dir,
            writer,
            writer.redactor,
            on_progress,
            relead=True,
            earlier=state.lead,
        )
    except BaseException:
        _put_back(store, review_dir, earlier)
        raise
    if outcome.failed_relead is not None:
        kept_in = _put_back(store, review_dir, earlier)
        failed = dataclasses.replace(outcome.failed_relead, kept_in=kept_in)
        outcome = dataclasses.replace(outcome, failed_relead=failed)
    return outcome


@dataclass(frozen=True)
class _Earlier:
    """The stored review as it was before the relead."""

    reports: dict[Path, bytes]  # the report files' bytes
    run_json: bytes
    row: ReviewRow | None  # its index row
    lead_files: Path | None  # where its lead's files were set aside (`clear_lead_files`)


def _put_back(store: Store, review_dir: Path, earlier: _Earlier) -> Path | None:
    """The earlier lead's files, run.json, the report files and their index row as they were;
    returns where this run's lead files went."""
    kept_in = restore_earlier_lead(review_dir, earlier.lead_files)
    with contextlib.suppress(DeepReviewError):
        _write_back(store, review_dir / RUN_JSON, earlier.run_json)
    rewritten = False
    for path, data in earlier.reports.items():
        with contextlib.suppress(DeepReviewError):
            rewritten = _write_back(store, path, data) or rewritten
    if rewritten and earlier.row is not None:
        # The relead got as far as writing its report: the index row may say what that report
        # said (its counts, verdict, reviewers), and its cached facts too.
        _index_back(store, earlier.row)
    return kept_in


def _write_back(store: Store, path: Path, data: bytes) -> bool:
    """`path` holding `data` again; whether it had to be written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    store.write_bytes(path, data)
    return True


def _index_back(store: Store, row: ReviewRow) -> None:
    """The review's index row as it was, its cached facts dropped (`stats` computes them again
    from the report files put back) and the index page written again: as far as the failing
    store lets it, each step kept once done."""
    from deepreview.store.history import forget_facts

    with contextlib.suppress(DeepReviewError), store.lock():
        store.upsert(row)
        forget_facts(store, row.id)
        write_index(store)


__all__ = ["relead"]
