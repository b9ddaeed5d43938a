"""`deep-review resume ID`: finish a review that was interrupted (Ctrl-C, SIGTERM, a failing
store, or a process killed outright), as it was started: the seats that did not finish run
again, then the report. The review's own process, if it still runs, is never raced: resume
refuses it (`store.runlock`)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from deepreview.agents.base import ProgressEvent
from deepreview.config import CliOverrides, Settings
from deepreview.config_trust import content_hash
from deepreview.errors import ConfigError, StoreError, UnknownSeatError, UsageError
from deepreview.pipeline import pr_series, reindex
from deepreview.pipeline.context import Prepared, ReviewOutcome, StateWriter
from deepreview.pipeline.panel import recorded_efforts, with_efforts
from deepreview.pipeline.prepare import check_lfs_content, load_settings_for
from deepreview.pipeline.review import (
    run_and_finish,
    seat_prompt,
    store_failed,
    with_config,
)
from deepreview.pipeline.runstate import (
    RERUN_STATUSES,
    ResumeRecord,
    RunState,
    SettingsRecord,
    load_state,
    load_target,
    require_checkout,
)
from deepreview.pipeline.seats import check_effort, check_rerun_models, plan_seat, valid_seats
from deepreview.pipeline.store_here import locate_store
from deepreview.prompts.review import read_steering_files
from deepreview.runner import SeatPlan
from deepreview.stop_signals import StopSignals
from deepreview.store import runlock
from deepreview.store.redact import Redactor


def resume(
    review_id_: str,
    *,
    cwd: Path,
    cli: CliOverrides,
    env: Mapping[str, str],
    on_progress: Callable[[ProgressEvent], None] | None = None,
) -> ReviewOutcome:
    store = locate_store(cwd, cli, env)
    # a --store naming no folder is a typo, said as `list` says it (not "no review ID in DIR")
    store.ensure_readable(named=cli.store is not None)
    reindex.ready(store, writes=True)
    review_dir = store.review_dir(review_id_)
    # A review its own process still runs is refused (two runs would write one run.json); one
    # whose process was killed outright (run.json says running, no process holds it) resumes.
    runlock.refuse_running(review_dir, review_id_, then="resume it")
    state = load_state(review_dir)
    _refuse_complete(review_id_, state)
    require_checkout(review_id_, state, "resume it")
    cli = _config_for_resume(review_id_, state, cli)
    target = load_target(state)
    steering = read_steering_files(target)
    settings = with_efforts(load_settings_for(target, cli, env, steering), recorded_efforts(state))
    # The passes the run was started with (`--passes N` is not in any config file).
    settings = dataclasses.replace(settings, passes=state.settings.passes)
    settings = _as_started(settings, state.settings, cli)
    check_lfs_content(target, settings, env)
    # Seats that never finished rerun whole; a seat cut short in a later pass reruns that pass.
    starts = {
        name: k for name, entry in state.seats.items() if (k := entry.owed_pass()) is not None
    }
    owed = {n for n, entry in state.seats.items() if entry.status in RERUN_STATUSES or n in starts}
    plans = _plans(review_id_, state, settings, owed)
    missing = [pl for pl in plans if pl.seat in owed]
    rerun = [pl.seat for pl in missing]
    what = f"`resume` runs {', '.join(rerun) or 'no seat'} again, then the lead, {state.lead.seat}"
    check_rerun_models(settings, cli.models, {*rerun, state.lead.seat}, what)
    check_effort(settings, {*rerun, state.lead.seat}, what)
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
        # Checked again under the lock: another `resume` (or a `relead`) may have run the
        # review to its end between the checks above and this lock, and its report stands.
        now = load_state(review_dir)
        _refuse_complete(review_id_, now)
        if now != state:
            raise UsageError(
                f"review {review_id_} changed while this resume started (another `resume` ran "
                f"it); run `deep-review resume {review_id_}` again"
            )
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
    redactor = prepared.redactor()
    earlier = state
    state = with_config(state, cli)  # a later resume checks against the file this one used
    record = _resume_record(earlier, state, [pl.seat for pl in missing])
    attempt, kept = _keep_attempts(review_dir, missing, starts, redactor)
    # A seat ran before when it left files or finished an earlier pass; one the interruption
    # caught before it started (no file) runs for the first time, not "again".
    ran_before = kept | set(starts)
    state = dataclasses.replace(
        state,
        resumes=(*state.resumes, record),
        notes=(*state.notes, _resume_note(record, attempt, ran_before)),
    )
    # A run.json from before `previous_round` was kept: from now on, the round this prompt named.
    state = dataclasses.replace(
        state,
        target=dataclasses.replace(state.target, series_pr=prepared.target.series_pr),
        previous_round=sp.previous_round,
    )
    writer = StateWriter(store, review_dir, state, redactor)
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


def _plans(review_id_: str, state: RunState, settings: Settings, owed: set[str]) -> list[SeatPlan]:
    """The review's seats as planned now. Only the seats in `owed` run again and need their
    definition; a finished seat that is no longer defined (a command seat dropped from the
    config since) is left out: its review is kept as it ran, credited by its recorded name."""
    plans: list[SeatPlan] = []
    for name in state.seats:
        try:
            plans.append(plan_seat(name, settings))
        except UnknownSeatError as exc:
            if name not in owed:
                continue
            started = (
                f"--config {state.config_path}"
                if state.config_path
                else "your user config as it was then"
            )
            raise UnknownSeatError(
                f"review {review_id_} cannot resume: seat {name!r} did not finish and is not "
                f"defined now; the review was started with {started}: define [seats.{name}] "
                f"again (or pass `--config FILE` that defines it); valid seats: "
                f"{valid_seats(settings)}"
            ) from exc
    return plans


def _refuse_complete(review_id_: str, state: RunState) -> None:
    if state.status == "complete":
        raise UsageError(
            f"review {review_id_} is already complete; see `deep-review show {review_id_}`"
        )


def _resume_record(earlier: RunState, now: RunState, seats: list[str]) -> ResumeRecord:
    """This resume, with its `--config` when it is not what the run used until now."""
    changed = (now.config_path, now.config_sha256) != (earlier.config_path, earlier.config_sha256)
    return ResumeRecord(
        at=time.time(),
        seats=tuple(seats),
        config_path=now.config_path if changed else None,
        config_sha256=now.config_sha256 if changed else None,
        earlier_config_path=earlier.config_path if changed else None,
        earlier_config_sha256=earlier.config_sha256 if changed else None,
    )


def _keep_attempts(
    review_dir: Path, missing: list[SeatPlan], starts: dict[str, int], redactor: Redactor
) -> tuple[int, set[str]]:
    """Move the interrupted attempt's transcript and stderr of every pass that runs again to
    `<name>.attemptN` (the rerun would overwrite them: they are the only record of what the
    cut-short run did and spent). Redacted again: a run killed outright never got there.
    The highest N used (0: nothing was kept), and the seats whose files were kept."""
    used = 0
    kept_for: set[str] = set()
    for plan in missing:
        first = starts.get(plan.seat, 1)
        for pattern in (f"transcript-{plan.seat}-pass-*.jsonl", f"stderr-{plan.seat}-pass-*.log"):
            for path in review_dir.glob(pattern):
                number = path.name.rsplit("-", 1)[-1].split(".", 1)[0]
                if not number.isdigit() or int(number) < first:
                    continue
                n = 1
                while path.with_name(f"{path.name}.attempt{n}").exists():
                    n += 1
                kept = path.replace(path.with_name(f"{path.name}.attempt{n}"))
                redactor.file(kept)
                used = max(used, n)
                kept_for.add(plan.seat)
    return used, kept_for


def _resume_note(record: ResumeRecord, attempt: int, ran_before: set[str]) -> str:
    """The report's word that the run was interrupted, what ran again (or ran for the first
    time: the interruption came before it started) and with which config."""
    text = "Resumed after an interruption"
    again = [seat for seat in record.seats if seat in ran_before]
    first = [seat for seat in record.seats if seat not in ran_before]
    said = []
    if again:
        said.append(f"{', '.join(again)} ran again")
    if first:
        said.append(f"{', '.join(first)} ran (not started before the interruption)")
    if said:
        text += ": " + "; ".join(said)
    if attempt:
        text += f" (the interrupted attempt's transcript and stderr are kept as *.attempt{attempt})"
    if record.config_path is not None:
        name = Path(record.config_path).name
        if record.earlier_config_path == record.config_path:
            how = ", changed since the review started"
        elif record.earlier_config_path:
            how = f" in place of {Path(record.earlier_config_path).name}"
        else:
            how = ", which the review did not start with"
        text += f"; with --config {name}{how}"
    return text + "."


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
    line says `--no-allow-exec`), its `--check-fixes` / `--probe-tests`, which are in no
    config file either, and its report formats (`--format sarif` for a code-scanning upload),
    with any this command line adds."""
    more = tuple(f for f in record.formats if f not in settings.formats)
    if more:
        settings = dataclasses.replace(settings, formats=(*settings.formats, *more))
    if cli.allow_exec is None:
        settings = dataclasses.replace(
            settings, allow_exec=settings.allow_exec or record.allow_exec
        )
    if record.checks is not None and not settings.checks.wanted:
        settings = dataclasses.replace(settings, checks=record.checks)
    return settings
