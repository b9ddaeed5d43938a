"""`deep-review relead ID [--lead NAME]`: rerun only the lead on a stored review.

The seats' reviews are rebuilt from the stored `review-<seat>-pass-1.md` files and run.json's
measured runs; the deterministic report is rebuilt from them, the lead runs again (the one given
with `--lead`, else the review's own lead, else the default choice), and `<ID>.md/.json/.html`
and the store index are rewritten. The seats do not run again.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from deepreview.config import CliOverrides, Settings
from deepreview.consolidate import build_report, cluster_findings
from deepreview.errors import ExitCode, UsageError
from deepreview.pipeline import finish
from deepreview.pipeline.lead_step import run_lead
from deepreview.pipeline.review import (
    Prepared,
    ReviewOutcome,
    StateWriter,
    load_settings_for,
    locate_store,
)
from deepreview.pipeline.runstate import load_state, load_target
from deepreview.pipeline.seats import choose_lead
from deepreview.store.redact import Redactor
from deepreview.targets.git import Git


def _lead_for(
    state: dict[str, Any], settings: Settings, env: Mapping[str, str], requested: str | None
) -> str:
    """`--lead`, else the review's own lead, else the default choice (first usable)."""
    if requested:
        return choose_lead(settings, env, requested)
    stored = (state.get("lead") or {}).get("seat")
    if stored and stored != "none":
        return choose_lead(settings, env, stored)
    return choose_lead(settings, env, None)


def relead(
    review_id: str, *, cwd: Path, cli: CliOverrides, env: Mapping[str, str]
) -> ReviewOutcome:
    store = locate_store(review_id, cwd, cli, env)
    review_dir = store.review_dir(review_id)
    state = load_state(review_dir)
    if state.get("status") != "complete":
        raise UsageError(
            f"review {review_id} is {state.get('status', 'unfinished')}, not complete; "
            f"finish it with `deep-review resume {review_id}` first"
        )
    target = load_target(state)
    settings = load_settings_for(target, cli, env)
    lead = _lead_for(state, settings, env, cli.lead)
    p = Prepared(target, settings, store, [], lead, list(state.get("notes", [])), env)
    writer = StateWriter(store, review_dir / "run.json", state)
    redactor = Redactor(env)
    seat_reviews, reviewers, runs = finish.stored_seat_reviews(p, state, review_dir)
    notes = [*state.get("notes", []), *finish.seat_notes(runs)]
    round_no = store.round_for(
        finish.series_of(target), target.branch or "", state["created_at"], review_id
    )
    header = finish.header_for(review_id, p, state, reviewers, round_no)
    clusters = cluster_findings(seat_reviews, changed_files=target.changed_paths)
    present = Git(target.repo_root).tracked_files(target.head_sha)
    report = build_report(
        header,
        seat_reviews,
        changed_files=target.changed_paths,
        present_files=present,
        notes=tuple(notes),
        clusters=clusters,
    )
    report = run_lead(
        p,
        review_id,
        review_dir,
        report,
        seat_reviews,
        clusters,
        writer,
        redactor,
        present_files=present,
    )
    elapsed = writer.elapsed_before + (time.monotonic() - writer.t0)
    report = dataclasses.replace(
        report, header=dataclasses.replace(report.header, wall_clock_s=round(elapsed, 1))
    )
    paths = finish.write_report(store, review_id, report, settings.formats, redactor)
    writer.update(lambda s: s.update(status="complete", report=paths, releaded_at=time.time()))
    finish.register_status(store, review_id, target, state, "complete", report)
    ok = any(r.status == "ok" for r in runs)
    return ReviewOutcome(
        review_id=review_id,
        status="complete",
        report=report,
        store_root=store.root,
        review_dir=review_dir,
        paths=paths,
        seats=runs,
        exit_code=ExitCode.OK if ok else ExitCode.ALL_SEATS_FAILED,
    )


__all__ = ["relead"]
