"""`deep-review resume ID`: finish a review that was interrupted (Ctrl-C, SIGTERM, a failing
store, or a process killed outright), as it was started: the seats that did not finish run
again, then the report. The review's own process, if it still runs, is never raced: resume
refuses it (`store.runlock`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path

from deepreview.agents.base import ProgressEvent
from deepreview.config import CliOverrides, Settings, content_hash
from deepreview.errors import ConfigError, StoreError, UsageError
from deepreview.pipeline import pr_series, reindex
from deepreview.pipeline.context import Prepared, ReviewOutcome, StateWriter
from deepreview.pipeline.panel import recorded_efforts, with_efforts
from deepreview.pipeline.review import (
    load_settings_for,
    locate_store,
    run_and_finish,
    seat_prompt,
    store_failed,
    with_config,
)
from deepreview.pipeline.runstate import (
    RERUN_STATUSES,
    RunState,
    SettingsRecord,
    load_state,
    load_target,
)
from deepreview.pipeline.seats import plan_seat
from deepreview.prompts.review import read_steering_files
from deepreview.runner import SeatPlan, StopSignals
from deepreview.store import runlock


def resume(
    review_id_: str,
    *,
    cwd: Path,
    cli: CliOverrides,
    env: Mapping[str, str],
    on_progress: Callable[[ProgressEvent], None] | None = None,
) -> ReviewOutcome:
    store = locate_store(cwd, cli, env)
    reindex.ready(store)
    review_dir = store.review_dir(review_id_)
    # A review its own process still runs is refused (two runs would write one run.json); one
    # whose process was killed outright (run.json says running, no process holds it) resumes.
    runlock.refuse_running(review_dir, review_id_, then="resume it")
    state = load_state(review_dir)
    if state.status == "complete":
        raise UsageError(
            f"review {review_id_} is already complete; see `deep-review show {review_id_}`"
        )
    cli = _config_for_resume(review_id_, state, cli)
    target = load_target(state)
    steering = read_steering_files(target)
    settings = with_efforts(load_settings_for(target, cli, env, steering), recorded_efforts(state))
    # The passes the run was started with (`--passes N` is not in any config file).
    settings = dataclasses.replace(settings, passes=state.settings.passes)
    settings = _as_started(settings, state.settings, cli)
    plans = [plan_seat(name, settings) for name in state.seats]
    # Seats that never finished rerun whole; a seat cut short in a later pass reruns that pass.
    starts = {
        name: k for name, entry in state.seats.items() if (k := entry.owed_pass()) is not None
    }
    missing = [
        pl for pl in plans if state.seats[pl.seat].status in RERUN_STATUSES or pl.seat in starts
    ]
    prepared = Prepared(
        target,
        settings,
        store,
        plans,
        state.lead.seat,
        list(state.notes),
        env,
        steering,
        settings_cli=cli,
    )
    prepared = pr_series.for_range(prepared)
    # From the first write on (the prompt may fetch a PR's threads into the folder).
    with runlock.holding(review_dir, review_id_, "resume", then="resume it"):
        return _run(prepared, review_id_, review_dir, state, cli, missing, starts, on_progress)


def _run(
    prepared: Prepared,
    review_id_: str,
    review_dir: Path,
    state: RunState,
    cli: CliOverrides,
    missing: list[SeatPlan],
    starts: dict[str, int],
    on_progress: Callable[[ProgressEvent], None] | None,
) -> ReviewOutcome:
    store = prepared.store
    sp = seat_prompt(
        prepared, review_id_, state.created_at, store, review_dir, pinned=state.previous_round
    )
    prompt = sp.text
    state = with_config(state, cli)  # a later resume checks against the file this one used
    # A run.json from before `previous_round` was kept: from now on, the round this prompt named.
    state = dataclasses.replace(
        state,
        target=dataclasses.replace(state.target, series_pr=prepared.target.series_pr),
        previous_round=sp.previous_round,
    )
    writer = StateWriter(store, review_dir, state, prepared.redactor())
    with StopSignals() as stop:
        try:
            writer.set(status="running")
            return run_and_finish(
                prepared,
                review_id_,
                review_dir,
                prompt,
                writer,
                missing,
                on_progress,
                stop,
                starts=starts,
            )
        except StoreError as exc:
            raise store_failed(prepared, review_id_, review_dir, writer, exc) from exc


def _config_for_resume(review_id_: str, state: RunState, cli: CliOverrides) -> CliOverrides:
    """The review's own `--config FILE`, when the user gave none now and it is unchanged."""
    stored = state.config_path
    if cli.config_path is not None or not stored:
        return cli
    path = Path(stored)
    try:
        digest = content_hash(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(
            f"review {review_id_} ran with --config {stored}, which no longer exists; restore it, "
            "or pass `--config FILE` defining the same seats"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {stored} (the review's --config): {exc}") from exc
    if digest != state.config_sha256:
        raise ConfigError(
            f"review {review_id_} ran with --config {stored}, which changed since the review "
            f"started; pass `--config {stored}` to resume with it as it is now"
        )
    return dataclasses.replace(cli, config_path=path)


def _as_started(settings: Settings, record: SettingsRecord, cli: CliOverrides) -> Settings:
    """`resume` finishes the review as it was started: its `--allow-exec` (unless this command
    line says `--no-allow-exec`) and its `--check-fixes` / `--probe-tests`, which are in no
    config file either."""
    if cli.allow_exec is None:
        settings = dataclasses.replace(
            settings, allow_exec=settings.allow_exec or record.allow_exec
        )
    if record.checks is not None and not settings.checks.wanted:
        settings = dataclasses.replace(settings, checks=record.checks)
    return settings
