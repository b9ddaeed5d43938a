"""Whether a complete review's report files are all still there.

A review's index row and run.json say `complete` once its report files are written; nothing
keeps them that way. A file deleted by hand (`rm STORE/ID.md`), emptied, cut short, or left out
of a store copied half-way reads as a review with a report it does not have: `list` and
`index.html` show such a review as `files missing` (`list` says which file and why, and how to
mend it), and `show`/`open` refuse it with one line (`relead` writes the files again from the
seats' reviews).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from stat import S_ISREG
from typing import Final

from deepreview.errors import StoreError
from deepreview.formats import DEFAULT_FORMATS, READABLE, RENDERERS, STORED_ALWAYS, renderer
from deepreview.runfiles import RUN_JSON

# The status `list`, `list --json` and `index.html` give such a review (the index keeps
# `complete`: its rounds and statistics are still those of a complete review).
FILES_MISSING: Final = "files missing"


# Why a report file is not whole, as `list`, `show` and the other refusals name it.
MISSING: Final = "missing"
EMPTY: Final = "empty"
CUT_SHORT: Final = "cut short"
# The formats written as `json.dumps(indent=2)` (and a newline): the only `}` that starts a line
# there is the document's last (every inner one is indented, and a string holds no raw line
# break), so a file that does not end with one was cut: its last 64 bytes say so.
_JSON_SUFFIXES: Final = tuple(renderer(n).suffix for n in ("json", "sarif"))
_TAIL: Final = 64


def report_file_problems(root: Path, review_id: str) -> dict[str, str]:
    """The complete review's report files that are not whole, by name (sorted): each one's
    `MISSING`, `EMPTY` or `CUT_SHORT` (a JSON file that does not end as deep-review writes it
    and does not read as JSON). Which files: those its run.json lists (`report`), else (a
    run.json that cannot be read, or from before it listed them) the JSON record and one a
    person reads. Call it only for a review that is complete; an atomic write never leaves
    an empty or cut file, so such a one was damaged by hand (or by a copy cut short).

    `list` and every review's index page ask this of every stored review, so what most
    reviews wrote is checked by a `stat` each and the JSON record's last bytes; run.json is
    read only when a file is not whole, or a format beyond the default ones (`--format sarif`)
    is absent — and then first searched for that file's name, not parsed."""
    default = [renderer(n).file_name(review_id) for n in DEFAULT_FORMATS]
    extra = [r.file_name(review_id) for r in RENDERERS if r.name not in DEFAULT_FORMATS]
    run_json = root / review_id / RUN_JSON
    if not any(_problem(root / n) for n in default) and not _names_any(
        run_json, [n for n in extra if _problem(root / n)]
    ):
        return {}
    names = _listed(run_json, review_id)
    if names is None:
        names = {renderer(n).file_name(review_id) for n in STORED_ALWAYS}
        readable = [renderer(n).file_name(review_id) for n in READABLE]
        if all(_problem(root / n) for n in readable):
            names.add(readable[0])
    found = ((n, _problem(root / n)) for n in sorted(names))
    return {n: why for n, why in found if why is not None}


def missing_report_files(root: Path, review_id: str) -> tuple[str, ...]:
    """The names of `report_file_problems` (the files a `files missing` review lacks whole)."""
    return tuple(report_file_problems(root, review_id))


def files_missing_error(
    root: Path, review_id: str, problems: Mapping[str, str] | None = None
) -> StoreError:
    """The one line for a complete review whose report files are not whole (`problems`,
    default: what `report_file_problems` finds, else its JSON record missing): `resume` has
    nothing left to do there, `relead` writes them again."""
    problems = problems or report_file_problems(root, review_id) or {f"{review_id}.json": MISSING}
    return StoreError(files_missing_line(root, review_id, problems))


def files_missing_line(root: Path, review_id: str, problems: Mapping[str, str]) -> str:
    """What `files_missing_error` says (`list` prints it as a note): each file and why."""
    shown = ", ".join(f"{name} ({why})" for name, why in problems.items())
    return (
        f"review {review_id} is complete but its report files in {root} are not whole: "
        f"{shown}; `deep-review relead {review_id}` writes them again from the seats' reviews, "
        f"or `deep-review delete {review_id}` removes it"
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


def _names_any(run_json: Path, names: list[str]) -> bool:
    """Whether run.json's text holds one of the file names `names` (as its `report` would:
    `"<path>/<ID>.sarif"`), read but not parsed; a match elsewhere only costs `_listed`."""
    if not names:
        return False
    try:
        text = run_json.read_bytes()
    except OSError:
        return False
    return any(f'{n}"'.encode() in text for n in names)


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
