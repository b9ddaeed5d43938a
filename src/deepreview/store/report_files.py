"""Whether a complete review's report files are all still there.

A review's index row and run.json say `complete` once its report files are written; nothing
keeps them that way. A file deleted by hand (`rm STORE/ID.md`), emptied, or left out of a store
copied half-way reads as a review with a report it does not have: `list` and `index.html` show
such a review as `files missing`, and `show`/`open` refuse it with one line (`relead` writes the
files again from the seats' reviews).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

from deepreview.errors import StoreError
from deepreview.formats import DEFAULT_FORMATS, READABLE, RENDERERS, STORED_ALWAYS, renderer
from deepreview.runfiles import RUN_JSON

# The status `list`, `list --json` and `index.html` give such a review (the index keeps
# `complete`: its rounds and statistics are still those of a complete review).
FILES_MISSING: Final = "files missing"


def missing_report_files(root: Path, review_id: str) -> tuple[str, ...]:
    """The names of the complete review's report files that are gone or empty, sorted: those
    its run.json lists (`report`), else (a run.json that cannot be read, or from before it
    listed them) the JSON record and one a person reads. Call it only for a review that is
    complete; an atomic write never leaves an empty file, so an empty one was cut by hand."""
    if all(_whole(root / renderer(n).file_name(review_id)) for n in DEFAULT_FORMATS):
        # What most reviews write, all there: run.json is not read (`list` and every review's
        # index page ask this of every stored review). A `.sarif` deleted beside them is left
        # untold: `show --format sarif` renders it from the JSON record as for any review.
        return ()
    names = _listed(root / review_id / RUN_JSON, review_id)
    if names is None:
        names = {renderer(n).file_name(review_id) for n in STORED_ALWAYS}
        readable = [renderer(n).file_name(review_id) for n in READABLE]
        if not any(_whole(root / n) for n in readable):
            names.add(readable[0])
    return tuple(sorted(n for n in names if not _whole(root / n)))


def files_missing_error(root: Path, review_id: str, names: tuple[str, ...] = ()) -> StoreError:
    """The one line for a complete review whose report files `names` (default: what
    `missing_report_files` finds, else its JSON record) are gone: `resume` has nothing left to
    do there, `relead` writes them again."""
    names = names or missing_report_files(root, review_id) or (f"{review_id}.json",)
    return StoreError(
        f"review {review_id} is complete but its report files {', '.join(names)} are missing "
        f"or empty in {root}; `deep-review relead {review_id}` writes them again from the "
        f"seats' reviews, or `deep-review delete {review_id}` removes it"
    )


def _whole(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def _listed(run_json: Path, review_id: str) -> set[str] | None:
    """The report files run.json says the review wrote, by name in the store root; only names
    a renderer gives the review (a path edited to point elsewhere is never looked at)."""
    try:
        report = json.loads(run_json.read_text(encoding="utf-8")).get("report")
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(report, dict) or not report:
        return None
    ours = {r.file_name(review_id) for r in RENDERERS}
    names = {Path(p).name for p in report.values() if isinstance(p, str)}
    return names & ours or None
