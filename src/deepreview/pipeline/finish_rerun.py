"""A rerun of a `finish --from` job: the stored review these very seat results were finished
into already (a CI finish job rerun after its posting failed, the cached store keeping the
review), and that review's outcome as `execute_finish` would have returned it.
"""

from __future__ import annotations

import json

from deepreview.errors import StoreError
from deepreview.formats import stored_formats
from deepreview.pipeline import finish
from deepreview.pipeline.context import ReviewOutcome, StateWriter
from deepreview.pipeline.finish_from import FinishPlan, seat_digests
from deepreview.pipeline.runstate import load_state


def finished_before(plan: FinishPlan) -> str | None:
    """The stored, complete review these very seat results (and panel) were already finished
    into, if any: a rerun of a CI finish job (its posting failed, the cached store kept the
    review) is that review again, not a round 2 of an unchanged SHA whose seats never saw
    round 1's findings."""
    p = plan.prepared
    if not p.store.root.is_dir():
        return None
    digests = seat_digests(plan)
    for row in reversed(p.store.rows()):
        if row.status != "complete" or row.head_sha != p.target.head_sha:
            continue
        try:
            state = load_state(p.store.review_dir(row.id))
        except StoreError:
            continue  # not one finish made: an unreadable run.json is no match
        if state.seat_results == digests and tuple(state.settings.agents) == plan.panel:
            return row.id
    return None


def earlier_outcome(plan: FinishPlan, rid: str) -> ReviewOutcome:
    """The stored review `rid` as `execute_finish` would have returned it. Only a report format
    this run asks for and the review has not stored yet is written (and run.json notes it)."""
    from deepreview.serialize import report_from_data

    p = plan.prepared
    state = load_state(p.store.review_dir(rid))
    path = p.store.root / f"{rid}.json"
    try:
        report = report_from_data(json.loads(path.read_text(encoding="utf-8")), str(path))
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {exc}; delete review {rid} to finish again") from exc
    paths = dict(state.report or {})
    missing = tuple(r for r in stored_formats(p.settings.formats) if r.name not in paths)
    if missing:
        # This run asked for a format the first did not store (`--format sarif` added)
        redactor = p.redactor()
        added = finish.write_report(p.store, rid, report, missing, redactor)
        paths |= added
        # only the files written now: one left as it was keeps what was recorded of it
        written = (state.report_files or {}) | finish.report_records(added)
        StateWriter(p.store, p.store.review_dir(rid), state, redactor).set(
            report=paths, report_files=written
        )
    return finish.complete_outcome(
        p,
        rid,
        p.store.review_dir(rid),
        report,
        paths,
        state.seat_runs(),
        lead_reason=state.lead.reason,
    )
