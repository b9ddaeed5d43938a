"""Whether a complete review's report files are all still there.

A review's index row and run.json say `complete` once its report files are written; nothing
keeps them that way. A file deleted by hand (`rm STORE/ID.md`), emptied, cut short, or left out
of a store copied half-way reads as a review with a report it does not have: `list` and
`index.html` show such a review as `files missing` (`list` says which file and why, and how to
mend it), and `show`/`open` refuse it with one line (`relead` writes the files again from the
seats' reviews).

A JSON file tells by itself whether it was cut (its end); a `.md` or `.html` does not, so the
review records each file it writes (`ReportFileRecord`, run.json's `report_files`): one whose
size or content is not what was written was cut short or edited. A run.json from before that
record was kept has none: its `.md` and `.html` are checked as before (there, and not empty).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Final

from deepreview.errors import StoreError, UsageError
from deepreview.formats import DEFAULT_FORMATS, READABLE, RENDERERS, STORED_ALWAYS, renderer
from deepreview.runfiles import RUN_JSON

# The status `list`, `list --json` and `index.html` give such a review (the index keeps
# `complete`: its rounds and statistics are still those of a complete review).
FILES_MISSING: Final = "files missing"


# Why a report file is not whole, as `list`, `show` and the other refusals name it.
MISSING: Final = "missing"
EMPTY: Final = "empty"
CUT_SHORT: Final = "cut short"
EDITED: Final = "edited"
# The formats written as `json.dumps(indent=2)` (and a newline): the only `}` that starts a line
# there is the document's last (every inner one is indented, and a string holds no raw line
# break), so a file that does not end with one was cut: its last 64 bytes say so.
_JSON_SUFFIXES: Final = tuple(renderer(n).suffix for n in ("json", "sarif"))
_TAIL: Final = 64


@dataclass(frozen=True)
class ReportFileRecord:
    """A report file as the review wrote it (run.json's `report_files`, by format): its size
    and SHA-256, and its modification time, so that a file left as written is told by a
    `stat` (its content is hashed only when the time differs: edited, or the store copied)."""

    bytes: int
    sha256: str
    mtime_ns: int


def file_record(path: Path) -> ReportFileRecord:
    """What `report_file_problems` compares `path` with later (call it right after writing)."""
    data = path.read_bytes()
    return ReportFileRecord(len(data), hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns)


def report_file_problems(root: Path, review_id: str) -> dict[str, str]:
    """The complete review's report files that are not whole, by name (sorted): each one's
    `MISSING`, `EMPTY`, `CUT_SHORT` (a JSON file that does not end as deep-review writes it
    and does not read as JSON; a `.md` or `.html` smaller than written) or `EDITED` (a `.md`
    or `.html` whose size or content differs from what was written). Which files: those its
    run.json lists (`report`), else (a run.json that cannot be read, or from before it listed
    them) the JSON record and one a person reads. Call it only for a review that is complete;
    an atomic write never leaves an empty or cut file, so such a one was damaged by hand (or
    by a copy cut short).

    `list` and every review's index page ask this of every stored review, so what most
    reviews wrote is checked by a `stat` each, the JSON record's last bytes and run.json's
    record of the files (`report_files`); a file is hashed only when its modification time
    is not the one recorded."""
    default = [renderer(n).file_name(review_id) for n in DEFAULT_FORMATS]
    extra = [r.file_name(review_id) for r in RENDERERS if r.name not in DEFAULT_FORMATS]
    data = _run_data(root / review_id / RUN_JSON)
    recorded = _recorded(data, review_id)
    names = _listed(data, review_id)
    if (
        not any(_problem(root / n) for n in default)
        and not any(n in (names or ()) for n in extra if _problem(root / n))
        and not any(_changed(root / n, r) for n, r in recorded.items())
    ):
        return {}
    if names is None:
        names = {renderer(n).file_name(review_id) for n in STORED_ALWAYS}
        readable = [renderer(n).file_name(review_id) for n in READABLE]
        if all(_problem(root / n) for n in readable):
            names.add(readable[0])
    found = ((n, _problem(root / n) or _changed(root / n, recorded.get(n))) for n in sorted(names))
    return {n: why for n, why in found if why is not None}


def files_missing_error(
    root: Path, review_id: str, problems: Mapping[str, str] | None = None
) -> StoreError:
    """The one line for a complete review whose report files are not whole (`problems`,
    default: what `report_file_problems` finds, else its JSON record missing): `resume` has
    nothing left to do there, `relead` writes them again."""
    problems = problems or report_file_problems(root, review_id) or {f"{review_id}.json": MISSING}
    return StoreError(files_missing_line(root, review_id, problems))


def checked_report_path(root: Path, review_id: str, status: str) -> Path:
    """The report JSON of stored review `review_id` (of run status `status`), there and whole:
    else the one line a reader of it gives — a complete review whose report files are not
    whole (`files_missing_error`), or one with no report yet (`no_report_yet`)."""
    path = root / renderer("json").file_name(review_id)
    if status == "complete":
        problems = report_file_problems(root, review_id)
        if path.name in problems:  # deleted or cut by hand: nothing for `resume` to do
            raise files_missing_error(root, review_id, problems)
    if not path.is_file():
        if status == "complete":
            raise files_missing_error(root, review_id)
        raise no_report_yet(review_id, status)
    return path


def no_report_yet(review_id: str, status: str) -> UsageError:
    """A stored review with no report to read: still running, or to be finished by `resume`."""
    then = (
        "wait for it to finish"
        if status == "running"
        else f"finish it with `deep-review resume {review_id}`"
    )
    return UsageError(f"review {review_id} has no report yet (status: {status}); {then}")


def files_missing_line(root: Path, review_id: str, problems: Mapping[str, str]) -> str:
    """What `files_missing_error` says (`list` prints it as a note): each file and why."""
    return (
        f"review {review_id} is complete but its report files in {root} are not whole: "
        f"{files_missing_reason(root, review_id, problems)}"
    )


def files_missing_reason(root: Path, review_id: str, problems: Mapping[str, str]) -> str:
    """The part of `files_missing_line` that `index.html` shows beside `files missing`."""
    shown = ", ".join(f"{name} ({why})" for name, why in problems.items())
    return (
        f"{shown}; {relead_mend(root, review_id)}, or `deep-review delete {review_id}` removes it"
    )


def relead_mend(root: Path, review_id: str, files: str = "them") -> str:
    """How `relead` writes a stored review's report `files` again. A bare `relead` of a review
    made without a lead runs the default one (a model's run and cost, a judgement the review
    never had): `--lead none` writes it again as it was."""
    try:
        run = json.loads((root / review_id / RUN_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        run = None
    lead = run.get("lead") if isinstance(run, dict) else None
    seat = lead.get("seat") if isinstance(lead, dict) else None
    if seat == "none":
        return (
            f"`deep-review relead {review_id} --lead none` writes {files} again from the "
            "seats' reviews"
        )
    ran = f" ({seat})" if isinstance(seat, str) and seat else ""
    return (
        f"`deep-review relead {review_id}` writes {files} again from the seats' reviews, its "
        f"lead{ran} run again"
    )


def _problem(path: Path) -> str | None:
    """Why the report file at `path` is not whole; None when it is."""
    try:
        st = path.stat()
    except OSError:
        return MISSING
    if not S_ISREG(st.st_mode):
        return MISSING
    if st.st_size == 0:
        return EMPTY
    if path.suffix in _JSON_SUFFIXES and not _whole_json(path, st.st_size):
        return CUT_SHORT
    return None


def _changed(path: Path, record: ReportFileRecord | None) -> str | None:
    """`CUT_SHORT` or `EDITED` when the `.md`/`.html` at `path` is not what `record` says was
    written; None when it is, or nothing was recorded (a JSON file tells by itself, and a
    script may rewrite it otherwise but whole: `_whole_json`)."""
    if record is None or path.suffix in _JSON_SUFFIXES:
        return None
    try:
        st = path.stat()
        if st.st_size < record.bytes:
            return CUT_SHORT
        if st.st_size != record.bytes:
            return EDITED
        if st.st_mtime_ns == record.mtime_ns:
            return None
        same = hashlib.sha256(path.read_bytes()).hexdigest() == record.sha256
    except OSError:
        return None  # gone: `_problem` says so
    return None if same else EDITED


def _whole_json(path: Path, size: int) -> bool:
    try:
        with path.open("rb") as fh:
            fh.seek(max(0, size - _TAIL))
            tail = fh.read()
        if tail.rstrip(b" \t\r\n").endswith(b"\n}"):
            return True
        # Not as deep-review writes it (compact, by a script): the rare file read whole.
        return isinstance(json.loads(path.read_bytes()), dict)
    except (OSError, ValueError, RecursionError):
        return False


def _run_data(run_json: Path) -> dict[str, object] | None:
    try:
        data = json.loads(run_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _recorded(data: Mapping[str, object] | None, review_id: str) -> dict[str, ReportFileRecord]:
    """run.json's `report_files` by file name in the store root (none in a run.json from
    before it was kept; an entry edited out of shape is no record)."""
    found = data.get("report_files") if data is not None else None
    if not isinstance(found, dict):
        return {}
    names = {r.name: r.file_name(review_id) for r in RENDERERS}
    records = {}
    for fmt, entry in found.items():
        if fmt not in names or not isinstance(entry, dict):
            continue
        size, sha, mtime = entry.get("bytes"), entry.get("sha256"), entry.get("mtime_ns")
        if isinstance(size, int) and isinstance(sha, str) and isinstance(mtime, int):
            records[names[fmt]] = ReportFileRecord(size, sha, mtime)
    return records


def _listed(data: Mapping[str, object] | None, review_id: str) -> set[str] | None:
    """The report files run.json says the review wrote, by name in the store root; only names
    a renderer gives the review (a path edited to point elsewhere is never looked at)."""
    report = data.get("report") if data is not None else None
    if not isinstance(report, dict) or not report:
        return None
    ours = {r.file_name(review_id) for r in RENDERERS}
    names = {Path(p).name for p in report.values() if isinstance(p, str)}
    return names & ours or None
