"""`deep-review finish --from DIR...`: one stored review from seat results made elsewhere.

Each DIR is the `--out` folder of a `review --seat-only` run, typically a CI artifact from its
own runner. All of them must be for the same change (base SHA, head SHA and diff hash); the
checkout `finish` runs in must hold both commits and compute the same diff. The review is then
created like a local one (review folder, run.json, index row) with the seats' files copied in,
and `finish.finish_review` consolidates, runs the lead and renders it, exactly as after local
seats. A seat of the expected panel without a result is shown as failed, with the reason;
without `--expect` every result must have recorded the same panel (`--agents`). When no seat
left a result at all, `--expect` still makes the review (every seat failed) in a GitHub Actions
run for a pull request: the run's event names the commits the seats were to review.

Whether the results go together is `seat_results_agree`; a rerun of a finish job whose review
is stored already is `finish_rerun`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deepreview.agents.base import ProgressEvent, SeatSettings
from deepreview.agents.registry import display_name
from deepreview.config import CliOverrides, Settings
from deepreview.errors import NotARepositoryError, StoreError, UsageError
from deepreview.pipeline import finish, index_step
from deepreview.pipeline.checkout_watch import checkout_note
from deepreview.pipeline.context import Prepared, ReviewOutcome, StateWriter, series_of
from deepreview.pipeline.prepare import (
    config_copy_note,
    explained_config_errors,
    load_settings_for,
    settings_record,
)
from deepreview.pipeline.reindex import ready
from deepreview.pipeline.review import store_failed
from deepreview.pipeline.runstate import RERUN_STATUSES, RunState, new_state
from deepreview.pipeline.seat_result import LoadedSeatResult, diff_hash, load_seat_result
from deepreview.pipeline.seat_results_agree import (
    check_one_result_per_seat,
    check_same_change,
    results_panel,
    same_previous_round,
)
from deepreview.pipeline.seats import (
    check_effort,
    check_model_seats,
    check_rerun_models,
    choose_lead,
)
from deepreview.prompts.inline import omission_note
from deepreview.prompts.review import diff_plan, read_steering_files
from deepreview.rounds.previous import series_rows
from deepreview.runfiles import THREADS_JSON, seat_files
from deepreview.runmodel import SeatRun
from deepreview.store import runlock
from deepreview.store.earlier_keys import target_with_earlier_keys
from deepreview.store.location import review_store_root
from deepreview.store.redact import Redactor
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from deepreview.targets.build import review_diff, shown_as_text
from deepreview.targets.git import Git
from deepreview.targets.repo_root import find_repo_root
from deepreview.targets.target import Target, review_id


@dataclass(frozen=True)
class FinishRequest:
    cwd: Path
    folders: tuple[Path, ...]
    expect: tuple[str, ...] | None = None  # the panel; default: the one the results recorded
    # `--as-first-round`: a previous round the seats were asked about that the store lacks is
    # dropped (the report is a first round, and says so) instead of refused.
    as_first_round: bool = False
    cli: CliOverrides = dataclasses.field(default_factory=CliOverrides)
    env: Mapping[str, str] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class FinishPlan:
    prepared: Prepared
    results: tuple[LoadedSeatResult, ...]
    panel: tuple[str, ...]
    threads: Path | None = None  # a PR's unresolved threads as a seat runner fetched them
    # The previous round the seats were asked about (run.json's `previous_round`; None: no
    # runner had a review store to look in, the report looks the round up by date).
    previous_round: str | None = None


def checkout_root(cwd: Path) -> Path:
    """The checkout `finish` stores the review from: it needs the reviewed commits."""
    try:
        return find_repo_root(cwd)
    except NotARepositoryError:
        raise NotARepositoryError(
            f"{cwd.resolve()} is not inside a git repository; run `finish` in a checkout of the "
            "reviewed repository (or pass --repo PATH)"
        ) from None


def prepare_finish(req: FinishRequest) -> FinishPlan:
    """Load and check every result, the checkout and the settings; nothing is written."""
    if not req.folders and not req.expect:
        raise UsageError(
            "finish needs seat results: --from DIR [DIR...] (with none, --expect SEATS records "
            "that every seat failed)"
        )
    results = tuple(load_seat_result(folder) for folder in req.folders)
    check_one_result_per_seat(results)
    check_same_change(results)
    previous_round = same_previous_round(results)
    panel = results_panel(req.expect, results)
    root = checkout_root(req.cwd)
    target = _local_target(root, results[0]) if results else _event_target(root, req.env)
    steering = read_steering_files(target)
    copy_note = config_copy_note(target, req.cli, steering)
    with explained_config_errors(copy_note):
        settings = load_settings_for(target, req.cli, req.env, steering)
        check_model_seats(settings, req.cli.models)
        settings = _with_recorded_seats(settings, results)
        lead = choose_lead(settings, req.env, req.cli.lead)
        what = f"`finish` runs only the lead, {lead}"
        check_rerun_models(settings, req.cli.models, {lead}, what)
        check_effort(settings, {lead}, what)
    store = Store(review_store_root(settings.store, target, req.env))
    existed = store.root.is_dir()  # a store that is not there is not made for a refusal
    if existed:
        store.ensure_writable()
        ready(store, writes=True)
        target = target_with_earlier_keys(store, target)  # as a review's (`pipeline.review`)
    notes = list(target.notes)
    if previous_round and not (existed and _holds_round(store, target, previous_round)):
        if not req.as_first_round:
            raise UsageError(
                f"the seats were asked about review {previous_round} as the previous round, "
                f"which the review store {store.root} does not hold; run finish with the store "
                "the seats were run against (restore it, or pass --store DIR), or pass "
                "--as-first-round to finish without that round"
            )
        notes.append(
            f"The seats were asked about review {previous_round} as the previous round, which "
            "this review store does not hold; finished as a first round (--as-first-round): "
            "their fix verdicts are not compared."
        )
        previous_round = ""  # no previous round: nothing else in the store is compared with
    if not existed:
        store.ensure_writable()
        ready(store, writes=True)
    # a seat that started after a push to the PR noted it (`targets.pr_head`): said once
    notes += dict.fromkeys(n for r in results[1:] for n in r.record.target.notes if n not in notes)
    if inline := omission_note(diff_plan(target, settings.diff_budget), settings.diff_budget):
        notes.append(inline)  # as a review says it (the runners split with the same budget)
    # What a seat's runner saw change in its checkout, as a review notes it for the user's.
    notes += [
        checkout_note(r.record.checkout_changes, r.record.seat)
        for r in results
        if r.record.checkout_changes
    ]
    threads = _threads_file(results)
    if threads is None and (old := [r.record.seat for r in results if r.unchecked_threads]):
        notes.append(
            "The PR's unresolved review threads are not shown: the seat results that carry "
            f"them ({', '.join(old)}) were written by an older deep-review, which recorded no "
            "SHA-256 for threads.json; run the seats with this one to show them."
        )
    prepared = Prepared(
        target,
        settings,
        store,
        [],  # no seat runs here
        lead,
        notes,
        req.env,
        steering,
        warnings=(copy_note,) if copy_note else (),
        settings_cli=req.cli,
    )
    return FinishPlan(prepared, results, panel, threads, previous_round)


def _threads_file(results: tuple[LoadedSeatResult, ...]) -> Path | None:
    """The first result's `threads.json` whose SHA-256 it recorded (checked on loading),
    validated (it came from another machine)."""
    from deepreview.serialize import threads_from_data

    for r in results:
        path = r.threads
        if path is None:
            continue
        try:
            threads_from_data(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise UsageError(
                f"{path} is not a valid list of PR threads ({type(exc).__name__}); rerun that seat"
            ) from exc
        return path
    return None


def _holds_round(store: Store, target: Target, review_id: str) -> bool:
    """The store holds `review_id` as a complete round of the target's series: the round a
    later round compares with (`rounds.previous.find_previous` looks it up the same way)."""
    rows = series_rows(store, series_of(target), target.branch or "", Repository.of_target(target))
    return any(r.id == review_id for r in rows)


def _local_target(root: Path, result: LoadedSeatResult) -> Target:
    """The results' target in this checkout, its diff recomputed and checked against theirs."""
    rec = result.record
    git = Git(root)
    for which, sha in (("base", rec.target.base_sha), ("head", rec.target.head_sha)):
        if git.rev(sha) is None:
            raise UsageError(
                f"the seats reviewed {which} commit {sha[:12]}, which is not in {root}; fetch "
                "it (e.g. actions/checkout with fetch-depth: 0) and run finish again"
            )
    text = shown_as_text(rec.target.changed_files)
    diff = review_diff(git, rec.target.base_sha, rec.target.head_sha, text)
    if diff_hash(diff) != rec.diff_sha256:
        raise UsageError(
            f"the diff {rec.target.base_sha[:12]}..{rec.target.head_sha[:12]} computed in "
            f"{root} is not the one the seats reviewed; run finish with the same git and "
            "deep-review versions as the seats"
        )
    return dataclasses.replace(rec.target, repo_root=root, diff=diff)


def _event_target(root: Path, env: Mapping[str, str]) -> Target:
    """With no seat result, the commits the seats were to review: those of the pull request
    the GitHub Actions run was started for, resolved as each seat resolved them (`review N`,
    pinned to the run's event)."""
    from deepreview.github.actions import pull_event
    from deepreview.targets.resolve import resolve_target

    event = pull_event(env)
    if event is None:
        raise UsageError(
            "no seat results to finish, and no GitHub Actions pull request event "
            "(GITHUB_EVENT_PATH) naming the commits the seats were to review; pass --from DIR"
        )
    return resolve_target(root, str(event.number), env=env)


def _with_recorded_seats(settings: Settings, results: tuple[LoadedSeatResult, ...]) -> Settings:
    """A seat this machine's config does not define takes what its runner recorded (adapter
    kind, model, effort, labels): the report's reviewer lines then say what actually ran."""
    seats = dict(settings.seats)
    for r in results:
        rec = r.record.seat_settings
        if r.record.seat in seats:
            continue
        seats[r.record.seat] = SeatSettings(
            kind=rec.kind,
            model=rec.model,
            effort=rec.effort,
            display_name=rec.display_name,
            model_label=rec.model_label,
        )
    return dataclasses.replace(settings, seats=seats)


def execute_finish(
    plan: FinishPlan, *, on_progress: Callable[[ProgressEvent], None] | None = None
) -> ReviewOutcome:
    p = plan.prepared
    now = datetime.now().astimezone()
    redactor = p.redactor()
    rid, review_dir = p.store.create_review_dir(review_id(p.target, now, redactor.name))
    writer: StateWriter | None = None
    with contextlib.ExitStack() as held:
        try:
            # As a review holds its own (`store.runlock`): a killed finish reads as one.
            held.enter_context(runlock.holding(review_dir, rid, "finish", then="resume it"))
            for result in plan.results:
                _copy_seat_files(p.store, result, review_dir, redactor)
            if plan.threads is not None:
                # `finish_review` adds the Unresolved Feedback section from the folder's copy.
                p.store.write_bytes(review_dir / THREADS_JSON, plan.threads.read_bytes())
                redactor.file(review_dir / THREADS_JSON)
            state = _initial_state(plan, rid, now, review_dir)
            writer = StateWriter(p.store, review_dir, state, redactor)
            writer.update()
            index_step.register_running(p.store, rid, p.target, state)
            return finish.finish_review(p, rid, review_dir, writer, redactor, on_progress)
        except StoreError as exc:
            raise store_failed(p, rid, review_dir, writer, exc) from exc


def seat_digests(plan: FinishPlan) -> dict[str, str]:
    """Seat -> the digest of its result: what a finish of them records (`finish_rerun`)."""
    return {r.record.seat: r.digest for r in plan.results}


def _copy_seat_files(
    store: Store, result: LoadedSeatResult, review_dir: Path, redactor: Redactor
) -> None:
    """The seat's files under their canonical names only (a record cannot point elsewhere),
    redacted again with this machine's secrets."""
    seat = result.record.seat
    src, dest = seat_files(result.folder, seat), seat_files(review_dir, seat)
    for kind in ("prompt", "review", "transcript", "stderr", "findings"):
        source: Path = getattr(src, kind)
        # Only a file whose SHA-256 the result recorded (and loading checked) is read.
        if source.name not in result.record.file_sha256 or not source.is_file():
            continue
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from exc
        target: Path = getattr(dest, kind)
        store.write_bytes(target, data)
        redactor.file(target)


def _initial_state(plan: FinishPlan, rid: str, now: datetime, review_dir: Path) -> RunState:
    p = plan.prepared
    by_seat = {r.record.seat: r.record for r in plan.results}
    names = {
        seat: by_seat[seat].seat_settings.display_name if seat in by_seat else display_name(seat)
        for seat in plan.panel
    }
    state = new_state(
        review_id=rid,
        created_at=now.isoformat(timespec="seconds"),
        started_at=time.time(),
        target=p.target,
        seats=names,
        lead=p.lead,
        lead_requested=p.settings.lead,
        notes=p.notes,
        # --seat-only runs one pass of each seat: nothing more is owed to a later `resume`.
        settings=dataclasses.replace(settings_record(p), agents=plan.panel, passes=1),
    )
    # The round the seats were asked about, whatever finished since (`finish_review`).
    omitted = diff_plan(p.target, p.settings.diff_budget).omitted
    state = dataclasses.replace(
        state,
        seat_results=seat_digests(plan),
        previous_round=plan.previous_round,
        not_inlined=tuple(f.path for f in omitted),
    )
    for seat in plan.panel:
        rec = by_seat.get(seat)
        if rec is None:
            reason = "no seat result: its runner left none in the --from folders"
            run = SeatRun(seat, "failed", reason)
        else:
            run = rec.run
            if run.status in RERUN_STATUSES:
                # Nothing here can rerun a seat of another machine: it simply did not finish.
                run = dataclasses.replace(run, status="failed", reason="interrupted on its runner")
        files = {k: v for k, v in seat_files(review_dir, seat).names().items()}
        files = {k: v for k, v in files.items() if (review_dir / v).is_file()}
        state = state.with_seat(seat, status=run.status, reason=run.reason, run=run, files=files)
    # The seats ran side by side on their runners: the review took the longest of them so far.
    longest = max((r.run.duration_s or 0.0 for r in by_seat.values()), default=0.0)
    return dataclasses.replace(state, elapsed_s=round(longest, 3))
