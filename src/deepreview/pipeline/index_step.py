"""The store's index while a review runs: its row (running, then its final status), the index
page, and the report step's imports done while the seats work.

Imported before the first seat, unlike `pipeline.finish` (the report step), which
`while_seats_run` imports while the seats work (benchmarks/README.md, "first seat spawned
after").
"""

from __future__ import annotations

import functools
import gc
import importlib
from typing import TYPE_CHECKING

from deepreview.errors import StoreError
from deepreview.formats import RENDERERS
from deepreview.late_imports import LATE_IMPORTS
from deepreview.pipeline.context import series_of
from deepreview.pipeline.runstate import RunState, SeatEntry
from deepreview.store.dates import shown_time
from deepreview.store.redact import Redactor, index_name
from deepreview.store.report_files import (
    FILES_MISSING,
    files_missing_reason,
    report_file_problems,
)
from deepreview.store.repository import repository_labels
from deepreview.store.root import INDEX_HTML
from deepreview.store.rows import ReviewRow, asked_reviewer
from deepreview.store.store import Store
from deepreview.targets.target import Target
from deepreview.untrusted_text import clean_text

if TYPE_CHECKING:
    from deepreview.model import Report


def index_row(
    rid: str, target: Target, state: RunState, status: str, report: Report | None
) -> ReviewRow:
    # By severity name: the report's `Severity` members are those names.
    counts = {s.value: n for s, n in report.counts().items()} if report else {}
    if report is not None:
        # (imported here: the report's modules are loaded by now, not before the first seat)
        from deepreview.consolidate.verdict import listed_verdict

        verdict = listed_verdict(report.header.verdict)
    else:
        verdict = "Failed" if status == "failed" else "Unknown"
    # Without a report (running, interrupted, failed), every seat asked for, and each that has
    # not reviewed says so: a seat cut off or never started is no reviewer of this change, but
    # the row must not read as a review that asked only the seats that finished.
    reviewers = (
        tuple(r.display for r in report.header.reviewers)
        if report
        else tuple(_asked(e) for e in state.seats.values())
    )
    return ReviewRow(
        id=rid,
        created_at=state.created_at,
        repo=target.repo_name,
        # What `list` and index.html show: without a token a branch's name may hold, as the
        # report and run.json say it; the series and branch below too, as the index keeps
        # them (`index_name`) to match later rounds by name.
        target=Redactor({}).text(target.label()),
        kind=target.kind,
        base_sha=target.base_sha,
        head_sha=target.head_sha,
        status=status,
        verdict=verdict,
        critical=counts.get("critical", 0),
        important=counts.get("important", 0),
        suggestions=counts.get("suggestion", 0),
        reviewers=reviewers,
        series=series_of(target),
        branch=index_name(target.branch or ""),
        repo_key=target.repo_key,
    )


def _asked(entry: SeatEntry) -> str:
    # (a review killed outright is read back as run.json names its seats: `follow_run_json`)
    reviewed = entry.run is not None and entry.run.status == "ok"
    return asked_reviewer(entry.display_name, entry.status, reviewed)


def register_running(store: Store, rid: str, target: Target, state: RunState) -> None:
    """The index row only: `while_seats_run` writes the index page."""
    with store.lock():
        store.upsert(index_row(rid, target, state, "running", None))


def while_seats_run(store: Store) -> None:
    """Once, while the seats work: the index page lists this review as running, and the report
    step's modules are imported. They cost ~0.3 s (pydantic, markdown-it, pygments): at the top
    of this module they would delay the first seat, on first use they would delay the report.
    """
    with store.lock():
        write_index(store)
    import_report_step()
    _freeze_loaded_objects()


def import_report_step() -> None:
    """The modules of the report step (`pipeline.finish` and the renderers)."""
    renderers = (r.target.partition(":")[0] for r in RENDERERS)
    with LATE_IMPORTS:
        for module in ("deepreview.pipeline.finish", *renderers):
            importlib.import_module(module)


@functools.cache
def _freeze_loaded_objects() -> None:
    """Once per process: what is loaded now (the modules of the review and of its report step,
    ~45,000 objects) stays loaded until the process ends, so the garbage collector stops
    passing over it (`gc.freeze`). Each of its full passes costs ~25 ms, and the interpreter's
    exit makes several: ~0.1 s after the report is written (benchmarks/README.md, "round 5").
    Nothing is skipped: objects are still freed when no longer referenced, and exit still runs
    its handlers and flushes its files."""
    gc.freeze()


def register_status(
    store: Store,
    rid: str,
    target: Target,
    state: RunState,
    status: str,
    report: Report | None = None,
) -> None:
    with store.lock():
        store.upsert(index_row(rid, target, state, status, report))
        if report is not None:
            from deepreview.store.history import record_facts

            record_facts(store, rid, report)
        write_index(store)


def repair_index(store: Store) -> bool:
    """Write back index rows that lag their run.json, and write index.html again when those
    changed or it still lists a review whose folder was deleted by hand; False if it cannot.
    Such a review's row stays in the index (see `Store.ghost_rows`)."""
    if not store.stale_rows() and not _page_is_stale(store):
        return True
    try:
        with store.lock():
            for row in store.stale_rows():
                store.upsert(row)
            write_index(store)
    except (StoreError, OSError):
        return False  # still full or read-only: `list` shows the right rows regardless
    return True


def _page_is_stale(store: Store) -> bool:
    """index.html still lists a review whose folder was deleted by hand, or tells wrongly
    which complete reviews have report files missing (deleted by hand, or put back since)."""
    from deepreview.render.index import marked_missing

    ghosts = store.ghost_ids()
    damaged = {
        r.id: files_missing_reason(store.root, r.id, problems)
        for r in store.rows()
        if r.status == "complete" and (problems := report_file_problems(store.root, r.id))
    }
    try:
        page = (store.root / INDEX_HTML).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return bool(ghosts or damaged)
    return any(g in page for g in ghosts) or marked_missing(page) != damaged


def write_index(store: Store) -> None:
    from deepreview.render.index import IndexEntry, render_index
    from deepreview.stats.aggregate import aggregate
    from deepreview.store.history import Scope, load_history

    entries = []
    rows = store.rows()
    repos = repository_labels(rows)  # as `list` names them: `app (/src/o1/app)` beside o2's
    for row in rows:
        # Report files of a review not complete are a killed final write's: not linked; nor
        # those of a complete one that are gone or empty (it shows as `files missing`).
        done = row.status == "complete"
        problems = report_file_problems(store.root, row.id) if done else {}
        missing = tuple(problems)
        html, md = (
            name if done and name not in missing and (store.root / name).exists() else None
            for name in (f"{row.id}.html", f"{row.id}.md")
        )
        verdict = row.verdict
        if row.status == "interrupted":
            verdict = "Unknown"
        entries.append(
            IndexEntry(
                review_id=row.id,
                date=shown_time(row.created_at),
                html_href=html,
                md_href=md,
                target=row.target,
                verdict=verdict,
                critical=row.critical,
                important=row.important,
                suggestions=row.suggestions,
                # as `list` shows them: a folder's name, a config's seat name, cleaned
                reviewers=tuple(map(clean_text, row.reviewers)),
                status=FILES_MISSING if missing else row.status,
                why=files_missing_reason(store.root, row.id, problems) if problems else "",
                repo=clean_text(repos[row.id]),
            )
        )
    reviewers = aggregate(load_history(store, Scope()).reviews)
    store.write_text(store.root / INDEX_HTML, render_index(entries, reviewers=reviewers))
