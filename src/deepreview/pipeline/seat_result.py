"""The portable seat result: one seat's run, made on one machine, finished on another.

`review --seat-only NAME --out DIR` writes `DIR/seat-result.json` (this model) beside the seat's
own files, named as in a review folder (`runfiles.seat_files`); `finish --from DIR...` loads
several of them into one stored review. The folder travels as a CI artifact, so on loading it is
untrusted: the record is validated with pydantic (unknown keys refused), names are checked
before they become paths, and the seat's files are read only under their canonical names.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Final

from deepreview.errors import UsageError, first_problem
from deepreview.pipeline.runstate import SeatStatus
from deepreview.runfiles import SEAT_RESULT_JSON, THREADS_JSON, seat_files
from deepreview.runmodel import SeatRun
from deepreview.targets.target import Target
from deepreview.userpaths import path_problem

# 2: `previous_round`, the round the seat was asked about (a version 1 result pins none).
# 3: `checkout_changes`, what changed in the runner's checkout while the seat ran.
# 4: `file_sha256` also holds `threads.json` (a version 1-3 result's threads are not read: they
# cannot be checked).
# 5: `run.tool_calls` may be null (a `command` seat's, not measured): an older `finish` says
# which version wrote it instead of calling the result damaged.
SEAT_RESULT_VERSION: Final = 5
_READS: Final = (1, 2, 3, 4, SEAT_RESULT_VERSION)
_THREADS_HASHED_SINCE: Final = 4
SEAT_RESULT_KIND: Final = "deep-review seat result"
# A seat name becomes part of file names: no separators, no dot-dot, nothing odd.
SEAT_NAME: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_SHA: Final = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")
_SHA256: Final = re.compile(r"^[0-9a-f]{64}$")
# A record is a few KB; anything far bigger is not one (and is not read into memory whole).
_MAX_RECORD_BYTES: Final = 4 << 20


@dataclass(frozen=True)
class RecordedSeat:
    """What the seat runner's settings said about the seat: the report's reviewer line."""

    display_name: str
    kind: str | None = None  # the adapter of a custom-named seat ("command")
    model: str | None = None
    effort: str | None = None
    model_label: str | None = None


@dataclass(frozen=True)
class SeatResultRecord:
    seat: str
    seat_settings: RecordedSeat
    panel: tuple[str, ...]  # the seats the run was one of (`--agents`), in order
    created_at: str  # ISO 8601, when the seat run started
    status: SeatStatus
    reason: str | None
    run: SeatRun
    target: Target  # its diff is not stored: `finish` recomputes it and checks `diff_sha256`
    diff_sha256: str
    pr_number: int | None
    series: str  # `pr:<N>`, `branch:<name>` or ""
    deep_review_version: str
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name in the folder
    # file name -> SHA-256 of its bytes when the result was written, for every file `finish`
    # reads (`finish_reads`): an edited review or transcript would put words in the seat's
    # mouth, edited threads words in the PR reviewers'; `finish` refuses them
    file_sha256: dict[str, str] = field(default_factory=dict)
    # The previous round's review ID the seat's prompt named ("" for none; None when the runner
    # had no review store to look in): `finish` compares with that round (run.json's
    # `previous_round`), not with one that finished after the seat ran.
    previous_round: str | None = None
    # `git status` lines of the checkout the seat was run from that changed while it ran (a
    # seat that wrote outside its worktree): `finish` notes them as a review does.
    checkout_changes: tuple[str, ...] = ()
    kind: str = SEAT_RESULT_KIND
    schema_version: int = SEAT_RESULT_VERSION

    # Artifacts come from other machines: a key this version does not know is refused.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def to_data(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["target"]["repo_root"] = str(self.target.repo_root)
        data["target"].pop("diff")
        return data

    @property
    def shas(self) -> tuple[str, str, str]:
        return (self.target.base_sha, self.target.head_sha, self.diff_sha256)


SEAT_FILE_NAME = re.compile(r"^[\w.-]{1,200}$")


def diff_hash(diff: str) -> str:
    return hashlib.sha256(diff.encode("utf-8", errors="surrogateescape")).hexdigest()


@dataclass(frozen=True)
class LoadedSeatResult:
    folder: Path
    record: SeatResultRecord
    digest: str = ""  # SHA-256 of its seat-result.json bytes
    # The folder holds a threads.json its (pre-version 4) result recorded no SHA-256 for:
    # `finish` does not read it, and says so.
    unchecked_threads: bool = False

    @property
    def threads(self) -> Path | None:
        """The result's threads.json when it is one `finish` may read (its SHA-256 checked)."""
        return self.folder / THREADS_JSON if THREADS_JSON in self.record.file_sha256 else None


def finish_reads(seat: str) -> tuple[str, ...]:
    """The names of the files of a seat's result folder that `finish` reads (besides
    seat-result.json itself): each must have its SHA-256 recorded."""
    files = seat_files(Path(), seat)
    return (*files.names().values(), files.findings.name, THREADS_JSON)


def read_seat_name(folder: Path) -> str | None:
    """The seat a folder's existing result is for (None when it holds none or is unreadable):
    `--out` refuses to overwrite another seat's result."""
    try:
        data = json.loads((folder / SEAT_RESULT_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    seat = data.get("seat") if isinstance(data, dict) else None
    return seat if isinstance(seat, str) else None


def _results_inside(folder: Path) -> list[Path]:
    """The seat result folders directly inside `folder`: where a CI job downloads its seats'
    artifacts, one folder each."""
    try:
        found = [p for p in folder.iterdir() if (p / SEAT_RESULT_JSON).is_file()]
    except OSError:
        return []
    return sorted(found)


def load_seat_result(folder: Path) -> LoadedSeatResult:
    """The validated record in `folder`; a UsageError naming the folder when it is not one."""
    path = folder / SEAT_RESULT_JSON
    if (why := path_problem(folder)) is not None:
        raise UsageError(f"--from {folder}: {why}; pass the --out DIR of a seat run")
    if not folder.is_dir():
        raise UsageError(f"--from {folder}: no such folder; pass the --out DIR of a seat run")
    if path.is_symlink() or not path.is_file():
        inside = _results_inside(folder)
        if inside:
            given = " ".join(shlex.quote(str(p)) for p in inside)
            raise UsageError(
                f"--from {folder}: no {SEAT_RESULT_JSON} in it, but its folders hold seat "
                f"results; pass them: `--from {given}`"
            )
        raise UsageError(
            f"--from {folder}: no {SEAT_RESULT_JSON} in it; pass the --out DIR of "
            "`deep-review review --seat-only NAME --out DIR`"
        )
    try:
        with path.open("rb") as fh:
            raw = fh.read(_MAX_RECORD_BYTES + 1)
        if len(raw) > _MAX_RECORD_BYTES:
            raise ValueError(f"over {_MAX_RECORD_BYTES} bytes")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"{path} is not a valid seat result ({exc}); rerun that seat with --seat-only"
        ) from exc
    record = record_from_data(data, str(path))
    # Before version 4 threads.json was not hashed: present, it is left unread (not refused).
    old = data["schema_version"] < _THREADS_HASHED_SINCE and THREADS_JSON not in record.file_sha256
    unchecked = old and _present(folder / THREADS_JSON)
    problems = _unchecked_files(folder, record, skip=(THREADS_JSON,) if old else ())
    if problems:
        raise UsageError(f"--from {folder}: {problems}; rerun that seat")
    return LoadedSeatResult(folder, record, hashlib.sha256(raw).hexdigest(), unchecked)


def _unchecked_files(folder: Path, record: SeatResultRecord, skip: tuple[str, ...]) -> str:
    """What is wrong with the files `finish` would read: changed or missing since their SHA-256
    was recorded, or there with none recorded (added after the seat ran). "" when nothing."""
    changed: list[str] = []
    missing: list[str] = []
    for name, sha in sorted(record.file_sha256.items()):
        got = file_hash(folder / name)
        if got != sha:
            (missing if got is None and not _present(folder / name) else changed).append(name)
    added = [
        name
        for name in finish_reads(record.seat)
        if name not in record.file_sha256 and name not in skip and _present(folder / name)
    ]
    problems = []
    if changed:
        problems.append(
            f"{', '.join(changed)} changed after the seat ran (its SHA-256 does not match "
            f"{SEAT_RESULT_JSON})"
        )
    if missing:
        problems.append(f"{', '.join(missing)} is missing ({SEAT_RESULT_JSON} records its SHA-256)")
    if added:
        problems.append(
            f"{', '.join(added)} was added after the seat ran ({SEAT_RESULT_JSON} records no "
            "SHA-256 for it)"
        )
    return "; ".join(problems)


def _present(path: Path) -> bool:
    return path.is_symlink() or path.exists()


def file_hash(path: Path) -> str | None:
    """SHA-256 of a regular file's bytes; None when it is missing or not a plain file."""
    if path.is_symlink() or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_from_data(data: Any, origin: str) -> SeatResultRecord:
    from pydantic import TypeAdapter, ValidationError

    if not isinstance(data, dict) or data.get("kind") != SEAT_RESULT_KIND:
        raise UsageError(f"{origin} is not a Deep Review seat result; rerun that seat")
    version = data.get("schema_version")
    if type(version) is not int or version not in _READS:
        raise UsageError(
            f"{origin} has seat result version {version!r}, this deep-review reads "
            f"{', '.join(map(str, _READS[:-1]))} and {_READS[-1]}; run the seats and `finish` "
            "with the same deep-review"
        )
    # Version 1 pinned no round, versions 1 and 2 checked no checkout: their defaults.
    data = {**data, "schema_version": SEAT_RESULT_VERSION}
    target = data.get("target")
    if isinstance(target, dict):
        data = {**data, "target": {**target, "diff": ""}}
    try:
        record = TypeAdapter(SeatResultRecord).validate_python(data)
    except ValidationError as exc:
        raise UsageError(
            f"{origin} is not a valid seat result: {first_problem(exc)}; rerun that seat"
        ) from exc
    problem = _inconsistency(record)
    if problem:
        raise UsageError(f"{origin} is not a valid seat result: {problem}; rerun that seat")
    return record


def _inconsistency(r: SeatResultRecord) -> str | None:
    if not SEAT_NAME.match(r.seat):
        return f"seat name {r.seat!r} is not a plain name"
    odd = [s for s in r.panel if not SEAT_NAME.match(s)]
    if odd:
        return f"panel seat name {odd[0]!r} is not a plain name"
    if r.seat not in r.panel:
        return f"seat {r.seat!r} is not in its own panel"
    if r.run.seat != r.seat or r.run.status != r.status:
        return "its run record does not match its seat and status"
    for name, sha in (("base", r.target.base_sha), ("head", r.target.head_sha)):
        if not _SHA.match(sha):
            return f"the {name} SHA {sha[:50]!r} is not a full commit SHA"
    if not _SHA256.match(r.diff_sha256):
        return "diff_sha256 is not a SHA-256"
    if r.file_sha256 and set(r.files.values()) - set(r.file_sha256):
        return "a file it lists has no SHA-256"
    if any(not SEAT_FILE_NAME.match(n) for n in r.file_sha256):
        return "a hashed file name is not a plain file name"
    return None
