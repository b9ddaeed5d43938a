"""`deep-review review`: validate everything, run seats, then finish the report; `resume`
(`pipeline.resume`) runs the seats and the report through the same steps.

All checks that can fail on bad input (repo, target, config, trust, seat names, store) happen in
`prepare` before anything is written or started, so bad input leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from deepreview.agents.base import ProgressEvent
from deepreview.config import (
    REPO_CONFIG_NAME,
    CliOverrides,
    Settings,
    settings_for_repo,
)
from deepreview.config_copy import work_tree_copy_note
from deepreview.config_trust import content_hash
from deepreview.errors import (
    ConfigError,
    GitError,
    StoreError,
    UnknownSeatError,
)
from deepreview.pipeline import index_step, pr_series, reindex, rounds_prompt_step
from deepreview.pipeline.checkout_watch import CheckoutWatch, checkout_note
from deepreview.pipeline.context import Prepared, ReviewOutcome, StateWriter, interrupted_outcome
from deepreview.pipeline.panel import auto_panel, check_panel_options
from deepreview.pipeline.passes_step import (
    SeatPassRecorder,
    interrupted_passes,
    seat_runs_after_interrupt,
)
from deepreview.pipeline.runstate import (
    RERUN_STATUSES,
    RunState,
    SettingsRecord,
    new_state,
)
from deepreview.pipeline.seats import (
    check_model_seats,
    choose_lead,
    choose_seats,
    idle_models,
)
from deepreview.prompts.inline import omission_note
from deepreview.prompts.review import (
    build_review_prompt,
    diff_plan,
    new_nonce,
    read_base_context,
    read_steering_files,
    untrusted_fences,
)
from deepreview.runfiles import RUN_JSON
from deepreview.runner import SeatPlan, run_seats
from deepreview.stop_signals import StopSignals
from deepreview.store import runlock
from deepreview.store.earlier_keys import target_with_earlier_keys
from deepreview.store.leftovers import sweep_killed
from deepreview.store.location import left_behind_note, review_store_root
from deepreview.store.repository import Repository
from deepreview.store.store import Store
from deepreview.targets.git import Git
from deepreview.targets.repo_root import find_repo_root
from deepreview.targets.resolve import resolve_target
from deepreview.targets.target import Target, review_id
from deepreview.workspace.lfs import require_lfs_content


@dataclass(frozen=True)
class ReviewRequest:
    cwd: Path
    target: str | None = None
    base: str | None = None
    uncommitted: bool = False
    exact_range: bool = False  # `A..B` as git's literal tree diff, even when A moved on
    cli: CliOverrides = dataclasses.field(default_factory=CliOverrides)
    env: Mapping[str, str] = dataclasses.field(default_factory=dict)
    panel: str | None = None  # "auto": choose the seats from the store's history
    budget_usd: float | None = None  # with panel="auto"


def load_settings_for(
    target: Target, cli: CliOverrides, env: Mapping[str, str], steering: Mapping[str, str]
) -> Settings:
    """Settings for reviewing `target`; `steering` is `read_steering_files(target)`."""
    return settings_for_repo(cli, env, target.repo_root, steering, _steering_base(target))


def _steering_base(target: Target) -> tuple[str, str | None]:
    """The commit the repository's config is read at, and the branch it is on: a branch's or a
    PR's base branch. A range's base is whatever the user typed (`HEAD~1`, a SHA), and its
    steering commit may be another one (`targets.steering`): named by its commit alone."""
    ranged = target.kind in ("range", "uncommitted") or target.steering_sha
    branch = None if ranged else target.base_ref
    return target.steering_rev, (branch if branch and branch != "HEAD" else None)


def config_copy_note(target: Target, cli: CliOverrides, steering: Mapping[str, str]) -> str | None:
    """When the work tree's repo config is not the one this review reads: what to do about it."""
    work_file = target.repo_root / REPO_CONFIG_NAME
    if cli.config_path is not None and cli.config_path.resolve() == work_file.resolve():
        return None  # the user passed it explicitly: it is read (and trusted) as given
    try:
        work_text: str | None = work_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        work_text = None
    base_text = steering.get(REPO_CONFIG_NAME)
    if work_text is None or work_text == base_text:
        return None
    # The copy committed at the reviewed head is the change's own; uncommitted edits are the
    # user's (an --uncommitted review's head is a synthetic commit of the work tree).
    head_text = None
    if target.kind != "uncommitted":
        head_text = Git(target.repo_root).show_file(target.head_sha, REPO_CONFIG_NAME)
    label = target.steering_rev[:7]
    base_branch = None if target.steering_sha else target.base_ref  # then read off the base
    if base_branch and base_branch != "HEAD":
        label = f"{label} on {base_branch}"
    return work_tree_copy_note(
        work_text, base_text, base_label=label, base_branch=base_branch, head_text=head_text
    )


@contextlib.contextmanager
def explained_config_errors(copy_note: str | None) -> Iterator[None]:
    """A config or seat error also says which config copy was read: the likely cause."""
    try:
        yield
    except (ConfigError, UnknownSeatError) as exc:
        if copy_note is None:
            raise
        raise type(exc)(f"{exc.message}; note: {copy_note}", exit_code=exc.exit_code) from exc


@dataclass(frozen=True)
class Resolved:
    """The target and its settings: what every way of starting a review resolves first."""

    root: Path
    target: Target
    steering: Mapping[str, str]
    settings: Settings
    copy_note: str | None


def resolve(req: ReviewRequest) -> Resolved:
    root = find_repo_root(req.cwd)
    target = resolve_target(
        root,
        req.target,
        base=req.base,
        uncommitted=req.uncommitted,
        env=req.env,
        exact_range=req.exact_range,
    )
    steering = read_steering_files(target)
    copy_note = config_copy_note(target, req.cli, steering)
    with explained_config_errors(copy_note):
        settings = load_settings_for(target, req.cli, req.env, steering)
        check_model_seats(settings, req.cli.models)
    return Resolved(root, target, steering, settings, copy_note)


def check_lfs_content(target: Target, settings: Settings, env: Mapping[str, str]) -> None:
    """The checks run the tests on the change's files, Git LFS ones included: without git-lfs
    that fails after the seats ran, so say it before they start."""
    checks = settings.checks
    if checks.wanted and checks.test and settings.allow_exec:
        require_lfs_content(target.repo_root, target.head_sha, env, checks.flags)


def prepare(req: ReviewRequest) -> Prepared:
    check_panel_options(req.panel, req.budget_usd)
    r = resolve(req)
    target, steering, settings, copy_note = r.target, r.steering, r.settings, r.copy_note
    check_lfs_content(target, settings, req.env)
    with explained_config_errors(copy_note):
        plans, notes = choose_seats(settings, req.env)
        lead = choose_lead(settings, req.env, req.cli.lead)
    store = Store(review_store_root(settings.store, target, req.env))
    store.ensure_writable()
    reindex.ready(store)
    # A checkout that lost its GitHub origin: its reviews from then are its series still.
    target = target_with_earlier_keys(store, target)
    notes = [*target.notes, *notes]
    if inline := omission_note(diff_plan(target, settings.diff_budget), settings.diff_budget):
        notes.append(inline)  # the report, run.json and stderr say what the prompts left out
    if unkeyed := rounds_prompt_step.first_round_note(store, target):
        notes.append(unkeyed)
    left = None if settings.store else left_behind_note(store.root, target.repo_root, req.env)
    warnings = (
        *((copy_note,) if copy_note else ()),
        *((left,) if left else ()),
        *idle_models(req.cli.models, plans, lead),
        *sweep_killed(
            store, seats_next=True
        ),  # what killed reviews' seats left: removed, said once
    )
    panel = None
    if req.panel == "auto":
        plans, settings, panel = auto_panel(
            plans, settings, store, Repository.of_target(target), req.budget_usd, lead
        )
    return Prepared(
        target,
        settings,
        store,
        plans,
        lead,
        notes,
        req.env,
        steering,
        warnings=warnings,
        settings_cli=req.cli,
        panel=panel,
    )


def settings_record(p: Prepared) -> SettingsRecord:
    """What run.json keeps of the settings a review started with (resume reuses them)."""
    return SettingsRecord(
        agents=tuple(plan.seat for plan in p.plans),
        timeout=p.settings.timeout,
        effort=p.settings.effort,
        diff_budget=p.settings.diff_budget,
        allow_exec=p.settings.allow_exec,
        formats=p.settings.formats,
        store=str(p.store.root),
        passes=p.settings.passes,
        checks=p.settings.checks if p.settings.checks.wanted else None,
    )


def execute(
    p: Prepared, *, on_progress: Callable[[ProgressEvent], None] | None = None
) -> ReviewOutcome:
    # From the first write on, Ctrl-C / SIGTERM only request a stop (see `StopSignals`) until
    # the seats are stopped and run.json says so: `resume` then always has a consistent record.
    with StopSignals() as stop:
        return _execute(p, stop, on_progress)


def _execute(
    p: Prepared, stop: StopSignals, on_progress: Callable[[ProgressEvent], None] | None
) -> ReviewOutcome:
    now = datetime.now().astimezone()
    p = pr_series.for_range(p)
    rid, review_dir = p.store.create_review_dir(review_id(p.target, now, p.redactor().name))
    writer: StateWriter | None = None
    with contextlib.ExitStack() as held:
        try:
            # Held until the review ends, however it ends (released after `store_failed`): a
            # run.json left saying running by a process killed outright is told from this one.
            held.enter_context(runlock.holding(review_dir, rid, "review", then="resume it"))
            writer, prompt = _start(p, rid, review_dir, now)
            return run_and_finish(p, rid, review_dir, prompt, writer, p.plans, on_progress, stop)
        except StoreError as exc:
            raise store_failed(p, rid, review_dir, writer, exc) from exc


def seat_prompt(
    p: Prepared,
    rid: str,
    created_at: str,
    threads_store: Store,
    threads_dir: Path,
    *,
    rounds: bool = True,
    pinned: str | None = None,
) -> SeatPrompt:
    """The seats' prompt (`review`, `resume`, `--seat-only`): the change and the base revision's
    context, the previous round's findings on a later round, and a PR's unresolved threads —
    fetched once into `threads_dir`, read from there afterwards. `pinned`: the previous round
    an earlier prompt of this review named (run.json's `previous_round`)."""
    base_ctx = read_base_context(p.target, p.steering)
    nonce = new_nonce()
    fences = untrusted_fences(nonce)
    prompt = build_review_prompt(p.target, base_ctx, budget=p.settings.diff_budget, nonce=nonce)
    prev = rounds_prompt_step.previous_round(p, rid, created_at, pinned) if rounds else None
    prompt += rounds_prompt_step.prompt_addition(p, prev, fences)
    if p.target.pr is not None:
        # Only a PR has threads. Lazy: feedback_step brings the GitHub client and consolidation,
        # which any other review would import before its first seat for nothing
        # (benchmarks/README.md, "first seat spawned after").
        from deepreview.pipeline import feedback_step

        fetched = feedback_step.threads_for(
            p.target, threads_store, threads_dir, p.env, p.redactor()
        )
        prompt += feedback_step.prompt_addition(fetched, fences)
    return SeatPrompt(prompt, prev.row.id if prev is not None else "")


@dataclasses.dataclass(frozen=True)
class SeatPrompt:
    text: str
    previous_round: str  # the previous round's review ID it names, "" for none (run.json)


def _start(p: Prepared, rid: str, review_dir: Path, now: datetime) -> tuple[StateWriter, str]:
    """Write the first run.json and index row; the writer, and the seats' prompt."""
    created_at = now.isoformat(timespec="seconds")
    sp = seat_prompt(p, rid, created_at, p.store, review_dir)
    state = new_state(
        review_id=rid,
        created_at=created_at,
        started_at=time.time(),
        target=p.target,
        seats={plan.seat: plan.display_name for plan in p.plans},
        lead=p.lead,
        lead_requested=p.settings.lead,
        notes=p.notes,
        settings=settings_record(p),
    )
    # `resume` after Ctrl-C needs the same --config seats: keep where it was and what it said.
    state = with_config(state, p.settings_cli)
    not_inlined = tuple(f.path for f in diff_plan(p.target, p.settings.diff_budget).omitted)
    state = dataclasses.replace(
        state, panel=p.panel, previous_round=sp.previous_round, not_inlined=not_inlined
    )
    writer = StateWriter(p.store, review_dir, state, p.redactor())
    writer.update()
    index_step.register_running(p.store, rid, p.target, state)
    return writer, sp.text


def with_config(state: RunState, cli: CliOverrides | None) -> RunState:
    """`state` recording the run's `--config FILE` (absolute path and SHA-256), if any."""
    path = cli.config_path if cli is not None else None
    if path is None:
        return state
    try:
        digest = content_hash(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read --config {path}: {exc}") from exc
    return dataclasses.replace(state, config_path=str(path.resolve()), config_sha256=digest)


def store_failed(
    p: Prepared, rid: str, review_dir: Path, writer: StateWriter | None, exc: StoreError
) -> StoreError:
    """Record, as far as the failing store allows, that this run stopped; the error to raise."""
    if writer is None or not (review_dir / RUN_JSON).is_file():
        # Nothing worth resuming was written: leave no empty review folder behind.
        shutil.rmtree(review_dir, ignore_errors=True)
        return exc
    with contextlib.suppress(StoreError):
        writer.set(status="failed", error=exc.message)
    with contextlib.suppress(StoreError):
        index_step.register_status(p.store, rid, p.target, writer.state, "failed")
    return StoreError(f"{exc.message}; once fixed, `deep-review resume {rid}` finishes this review")


def run_and_finish(
    p: Prepared,
    rid: str,
    review_dir: Path,
    prompt: str,
    writer: StateWriter,
    plans: list[SeatPlan],
    on_progress: Callable[[ProgressEvent], None] | None,
    stop: StopSignals,
    starts: Mapping[str, int] | None = None,
) -> ReviewOutcome:
    """Run the seats (with `stop` active), then finish the report (with it released).
    `starts`: seats that start with a later pass (resume), seat -> pass number."""
    redactor = writer.redactor  # the one run.json is written with: it learns what seats flag
    cancel = threading.Event()
    # Records each seat's passes in run.json as they end (in the seat threads); a seat goes on
    # to its next pass in its own worktree without waiting for the others.
    recorder = SeatPassRecorder(
        writer,
        review_dir,
        passes=p.settings.passes,
        prompt=prompt,
        starts=starts,
        once={plan.seat for plan in plans if plan.agent.deterministic},
    )

    lookup: list[pr_series.PrLookup | None] = [None]

    def idle() -> None:
        # Every seat has started its agent: run.json says so (`pending` is "not started", what
        # `resume` owes). Then ask GitHub (if it can) for the branch's open PR, whose series the
        # report joins.
        writer.update(lambda s: _mark_running(s, [plan.seat for plan in plans]))
        lookup[0] = pr_series.start(p.target, p.env)
        index_step.while_seats_run(p.store)

    checkout = CheckoutWatch.start(p.target.repo_root)
    # A stop requested while we were still preparing starts no seat at all.
    interrupted = stop.requested
    if not interrupted:
        _, interrupted = run_seats(
            plans,
            on_result=lambda result: None,  # the recorder wrote it
            cancel=cancel,
            stop=stop,
            target=p.target,
            prompt=prompt,
            store=p.store,
            review_dir=review_dir,
            env=p.env,
            redactor=redactor,
            allow_exec=p.settings.allow_exec,
            on_progress=on_progress,
            idle=idle,
            passes=recorder,
            ledger=p.store.ledger(rid),
        )
    gone = not interrupted and checkout.gone()
    if not gone:
        _note_checkout_changes(writer, checkout.changes(p.store.root))
    if interrupted and lookup[0] is not None:
        lookup[0].cancel()  # keep what it found, do not wait for it
    p = pr_series.joined(p, lookup[0], writer)
    if interrupted:
        _mark_interrupted(p, rid, writer)
        stop.release()
        return interrupted_outcome(p, rid, review_dir, seat_runs_after_interrupt(writer.state))
    # Rendering may take a while on a big change: Ctrl-C is a plain KeyboardInterrupt again
    # (run.json still says running; `resume` finishes the report).
    stop.release()
    if gone:
        raise _repository_gone(p, rid, review_dir, writer)
    # The report step: imported while the seats ran (`index_step.while_seats_run`), not before.
    from deepreview.pipeline import finish

    return finish.finish_review(p, rid, review_dir, writer, redactor, on_progress)


def _repository_gone(p: Prepared, rid: str, review_dir: Path, writer: StateWriter) -> GitError:
    """The checkout was deleted while the seats ran: the lead and the report would read a
    repository that is not there. The seats' reviews stay in the store; the review is marked
    failed, which `resume` finishes once the checkout is back."""
    message = (
        f"the repository {p.target.repo_root} is gone (deleted or moved while the seats ran); "
        f"the seats' reviews are kept in {review_dir}: put the checkout back and run "
        f"`deep-review resume {rid}` there"
    )
    writer.set(status="failed", error=message)
    index_step.register_status(p.store, rid, p.target, writer.state, "failed")
    return GitError(message)


def _note_checkout_changes(writer: StateWriter, changes: tuple[str, ...]) -> None:
    if changes:
        note = checkout_note(changes)
        writer.update(lambda s: dataclasses.replace(s, notes=(*s.notes, note)))


def _mark_running(s: RunState, seats: list[str]) -> RunState:
    # A seat that already ended (its recorder wrote ok/failed) keeps its status.
    for name in seats:
        entry = s.seats.get(name)
        if entry is not None and entry.status == "pending":
            s = s.with_seat(name, status="running")
    return s


def _mark_interrupted(p: Prepared, rid: str, writer: StateWriter) -> None:
    # Seats cut short by Ctrl-C are pending again: `resume` reruns exactly those.
    def mark(s: RunState) -> RunState:
        for name, entry in s.seats.items():
            if entry.status in RERUN_STATUSES:
                s = s.with_seat(name, status="pending")
        return dataclasses.replace(interrupted_passes(s), status="interrupted")

    writer.update(mark)
    index_step.register_status(p.store, rid, p.target, writer.state, "interrupted")
