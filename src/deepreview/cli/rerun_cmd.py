"""`resume` and `relead`: a stored review run again, all of what did not finish or only its lead.
Their options are `review`'s (`review_cmd.run_options`) but those they could not honour: the
seats are the review's own (no `--agents`), and so is a resume's lead (no `--lead`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from deepreview.cli.hints import with_store
from deepreview.cli.posting import conclude, fail_on_option
from deepreview.cli.progress import Progress
from deepreview.cli.review_cmd import _overrides, _relead_failure, run_options
from deepreview.errors import Interrupted
from deepreview.pipeline.resume import resume as resume_review
from deepreview.pipeline.runstate import NO_LEAD, NO_LEAD_REQUESTED, NO_LEAD_UNUSABLE
from deepreview.pipeline.store_here import locate_store
from deepreview.store.leftovers import sweep_killed


@click.command()
@click.argument("review_id")
@fail_on_option
@run_options(seats=False, lead=False)
def resume(review_id: str, as_json: bool, repo: str, fail_on: str | None, **opts: Any) -> int:
    """Finish an interrupted review: rerun the seats that did not finish, then the report."""
    cli = _overrides(**opts)
    # What the review's own killed run (or another's) left: removed before it runs again.
    for note in sweep_killed(locate_store(Path(repo), cli, dict(os.environ)), seats_next=True):
        click.echo(with_store(f"note: {note}"), err=True)
    with Progress([]) as progress:
        outcome = resume_review(
            review_id, cwd=Path(repo), cli=cli, env=dict(os.environ), on_progress=progress
        )
    return conclude(outcome, as_json=as_json, threshold=fail_on or outcome.fail_on)


@click.command()
@click.argument("review_id")
@fail_on_option
@click.option(
    "--force",
    is_flag=True,
    help="Relead even though a later round names this review's findings by their IDs, or "
    "some of them are declined by ID.",
)
@run_options(seats=False)
def relead(
    review_id: str, as_json: bool, repo: str, fail_on: str | None, force: bool, **opts: Any
) -> int:
    """Rerun only the lead (and rendering) on a stored review."""
    # Here, not at the top: it imports the report step, which `review` loads only once its
    # seats have started (benchmarks/bench_overhead.py, first seat spawned).
    from deepreview.pipeline.relead import relead as run_relead

    cli = _overrides(**opts)
    try:
        # The lead's live line, as `resume` shows it: a relead may run for minutes.
        with Progress([]) as progress:
            outcome = run_relead(
                review_id,
                cwd=Path(repo),
                cli=cli,
                env=dict(os.environ),
                force=force,
                on_progress=progress,
            )
    except KeyboardInterrupt:
        # The relead put the stored review back (`pipeline.relead._put_back`): say so.
        raise Interrupted(
            f"relead interrupted: review {review_id} is as it was before it; "
            f"`deep-review relead {review_id}` runs its lead again"
        ) from None
    failed = outcome.failed_relead
    lead = failed.lead if failed else (outcome.report.lead if outcome.report else None)
    if lead is not None and lead.status == "none" and lead.note != NO_LEAD_REQUESTED:
        # Asked to rerun the lead, it wrote the report again without one: never silently.
        no_lead = lead.note.removeprefix(f"{NO_LEAD}: ").rstrip(".")
        named = "; `--lead NAME` names one" if lead.note == NO_LEAD_UNUSABLE else ""
        click.echo(f"note: no lead ran: {no_lead}{named}", err=True)
    # whether the earlier report stands or the no-lead consolidation replaced it
    why = (
        _relead_failure(outcome, lead)
        if lead is not None and lead.status in ("failed", "fallback")
        else None
    )
    return conclude(outcome, as_json=as_json, lead_failed=why, threshold=fail_on or outcome.fail_on)


__all__ = ["relead", "resume"]
