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
from deepreview.consolidate import SeatReview, build_report
from deepreview.errors import ExitCode, StoreError, UsageError
from deepreview.findings.parse import parse_review
from deepreview.model import Reviewer, SeatRun
from deepreview.pipeline import finish
from deepreview.pipeline.lead_step import run_lead
from deepreview.pipeline.review import (
    Prepared,
    ReviewOutcome,
    _locate_store,
    _StateWriter,
    load_settings_for,
)
from deepreview.pipeline.runstate import load_state, seat_run_from_data, target_from_data
from deepreview.pipeline.seats import choose_lead
from deepreview.store.redact import Redactor
from deepreview.targets.git import Git
from deepreview.targets.target import Target


def _target(state: dict[str, Any]) -> Target:
    tdata = state["target"]
    git = Git(Path(tdata["repo_root"]))
    diff = git.run(
        [
            "diff",
            "--no-color",
            "--no-ext-diff",
            "-M",
            "--submodule=short",
            tdata["base_sha"],
            tdata["head_sha"],
        ]
    ).stdout.decode("utf-8", errors="replace")
    return target_from_data(tdata, diff)


def seat_notes(runs: list[SeatRun]) -> list[str]:
    """The per-seat notes `finish_review` puts under the header (failures, truncation, edits)."""
    notes: list[str] = []
    for run in runs:
        if run.status != "ok":
            notes.append(f"Seat {run.seat} {run.status}: {run.reason or 'no reason given'}.")
        if run.output_truncated:
            notes.append(
                f"Seat {run.seat}'s output was truncated: it printed more than a review can "
                "hold, so only its beginning is in this report (see its stored transcript)."
            )
        if run.worktree_changes:
            notes.append(
                f"Seat {run.seat} modified its worktree ({len(run.worktree_changes)} paths: "
                + ", ".join(c.strip() for c in run.worktree_changes[:5])
                + "); the user's checkout was not touched."
            )
    return notes


def stored_seat_reviews(
    p: Prepared, state: dict[str, Any], review_dir: Path
) -> tuple[list[SeatReview], list[Reviewer], list[SeatRun]]:
    """The seats' reviews as `finish_review` built them, from the stored files and run.json."""
    seat_reviews: list[SeatReview] = []
    reviewers: list[Reviewer] = []
    runs: list[SeatRun] = []
    for seat, entry in state["seats"].items():
        run = seat_run_from_data(entry["run"]) if "run" in entry else SeatRun(seat, "pending")
        runs.append(run)
        reviewer = finish._reviewer(seat, entry, run, p)
        reviewers.append(reviewer)
        review = None
        if run.status == "ok":
            path = review_dir / f"review-{seat}-pass-1.md"
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise StoreError(
                    f"cannot read {path}: {exc.strerror or exc}; the stored review is incomplete"
                ) from exc
            review = parse_review(text, seat=seat, pass_no=1, worktree_prefixes=())
        seat_reviews.append(SeatReview(reviewer=reviewer, review=review, run=run))
    return seat_reviews, reviewers, runs


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
    store = _locate_store(review_id, cwd, cli, env)
    review_dir = store.review_dir(review_id)
    state = load_state(review_dir)
    if state.get("status") != "complete":
        raise UsageError(
            f"review {review_id} is {state.get('status', 'unfinished')}, not complete; "
            f"finish it with `deep-review resume {review_id}` first"
        )
    target = _target(state)
    settings = load_settings_for(target, cli, env)
    lead = _lead_for(state, settings, env, cli.lead)
    p = Prepared(target, settings, store, [], lead, list(state.get("notes", [])), env)
    writer = _StateWriter(store, review_dir / "run.json", state)
    redactor = Redactor(env)
    seat_reviews, reviewers, runs = stored_seat_reviews(p, state, review_dir)
    notes = [*state.get("notes", []), *seat_notes(runs)]
    round_no = store.round_for(finish.series_of(target), review_id)
    header = finish._header(review_id, p, state, reviewers, round_no)
    report = build_report(
        header, seat_reviews, changed_files=target.changed_paths, notes=tuple(notes)
    )
    report = run_lead(p, review_id, review_dir, report, seat_reviews, writer, redactor)
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


__all__ = ["relead", "seat_notes", "stored_seat_reviews"]
