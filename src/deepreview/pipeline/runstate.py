"""`run.json`: the durable record of one review run, rewritten after every state change.

It is what `resume` and `relead` read, so it holds everything needed to finish the run: the
target's SHAs, the seat plan, each finished seat's measured run, and the timing so far.

`RunState` is the one model of that file: frozen, versioned (`schema_version`), written whole
and atomically by `Store.write_json`, and validated on load (pydantic over the dataclasses, so a
hand-edited, old or foreign file gives one line saying what is wrong instead of a KeyError deep
in `resume`). Changes go through `dataclasses.replace`, never by mutating a dict in place.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

from deepreview.agents.registry import PREFERRED_LEADS
from deepreview.checkmodel import CheckResults
from deepreview.config import ChecksSettings
from deepreview.errors import StoreError, UsageError, first_problem
from deepreview.runfiles import PASSES_JSON_V2, RUN_JSON
from deepreview.runmodel import SeatRun
from deepreview.stats.panel import PanelChoice
from deepreview.store.report_files import ReportFileRecord
from deepreview.targets.build import review_diff, shown_as_text
from deepreview.targets.git import Git
from deepreview.targets.identity import recorded_identity
from deepreview.targets.target import Target

# 1: the untyped dict of the first releases (same keys; the run notes could hold the
#    "Consolidated without a lead" note, which now lives only in the lead entry).
# 2: the typed model.
# 3: each seat's passes (`--passes N`) live in `SeatEntry.passes`, no longer in `passes.json`.
# 4: a seat run's `tool_calls` may be null (a `command` seat's, not measured): a deep-review that
#    reads 3 then names the version instead of calling the record damaged.
RUN_STATE_VERSION: Final = 4
_MIGRATABLE: Final = (1, 2)
_V1_NO_LEAD_NOTE: Final = "Consolidated without a lead: no lead agent was requested or usable."

# Why a review has no lead, as its report's banner says: asked for (`--lead none`, or
# `lead = "none"` in a config file), or no lead agent could run here. Recorded when the run
# starts, so that a `resume` (whose command line may not repeat `--lead none`) says the same.
NO_LEAD: Final = "Consolidated without a lead"
NO_LEAD_REQUESTED: Final = f"{NO_LEAD}: none was requested."
# Only the default leads are tried when none is named: another usable seat that can lead
# (opencode, a configured kind) leads only when named, so "no lead agent is usable" could be
# false.
NO_LEAD_UNUSABLE: Final = (
    f"{NO_LEAD}: no lead was named, and none of the default leads "
    f"({', '.join(PREFERRED_LEADS)}) is usable here (see `deep-review doctor`)."
)


def no_lead_note(requested: str | None) -> str:
    """The banner of a review without a lead; `requested`: the lead the settings name."""
    return NO_LEAD_REQUESTED if requested == "none" else NO_LEAD_UNUSABLE


RunStatus = Literal["running", "interrupted", "complete", "failed"]
SeatStatus = Literal["pending", "running", "ok", "failed", "timeout", "interrupted", "skipped"]
LeadStatus = Literal["pending", "running", "ok", "failed", "fallback", "none"]

# Seat states that `resume` reruns: never started, cut short, or left mid-run by a crash.
RERUN_STATUSES: Final = ("pending", "running", "interrupted")


@dataclass(frozen=True)
class PassEntry:
    """One pass of a multi-pass seat (`--passes N`): what it found and how long it took.

    A pass that qualified for a next one records that next one as `running` at once, so a run
    stopped between two passes still knows the later pass is owed (`resume` runs it)."""

    pass_no: int
    status: SeatStatus = "pending"
    duration_s: float | None = None
    findings: str = ""  # severity counts, "0C 1I 0S"
    new: int = 0  # findings no earlier pass of the seat had
    worktree_changes: tuple[str, ...] = ()  # what this pass changed in the shared worktree
    reason: str | None = None  # why a pass that did not end ok ended ("timed out after 3.0 s")


@dataclass(frozen=True)
class SeatEntry:
    seat: str
    display_name: str
    status: SeatStatus = "pending"  # pass 1's
    reason: str | None = None
    # set once pass 1 finished; with later passes, what they all took and spent together
    run: SeatRun | None = None
    files: dict[str, str] = field(default_factory=dict)  # kind -> file name in the review dir
    passes: tuple[PassEntry, ...] = ()  # with `--passes N` > 1: every pass, pass 1 first

    def owed_pass(self) -> int | None:
        """The later pass `resume` must run: the first one not finished, if any."""
        if self.status in RERUN_STATUSES:
            return None  # the whole seat reruns
        return next((e.pass_no for e in self.passes if e.status in RERUN_STATUSES), None)


@dataclass(frozen=True)
class LeadEntry:
    seat: str  # the agent that leads, or "none"
    status: LeadStatus = "pending"
    note: str = ""
    reason: str | None = None
    passes: int = 0
    files: dict[str, str] = field(default_factory=dict)
    run: SeatRun | None = None


@dataclass(frozen=True)
class SettingsRecord:
    """The settings the run started with (for the record; `resume` re-reads the config)."""

    agents: tuple[str, ...]
    timeout: float
    effort: str | None
    diff_budget: int
    allow_exec: bool
    formats: tuple[str, ...]
    store: str
    passes: int = 1  # `--passes N` / `--thorough`: `resume` runs the passes the run asked for
    # `--check-fixes` / `--probe-tests` (with the test command): `resume` runs them as asked
    checks: ChecksSettings | None = None


@dataclass(frozen=True)
class ResumeRecord:
    """One `resume` of the run: when, which seats it ran again, and the `--config` it used
    when that is not the file (or content) the run had until then."""

    at: float  # epoch seconds
    seats: tuple[str, ...]
    config_path: str | None = None
    config_sha256: str | None = None
    earlier_config_path: str | None = None
    earlier_config_sha256: str | None = None


@dataclass(frozen=True)
class RunState:
    id: str
    created_at: str  # ISO 8601 with offset
    started_at: float  # epoch seconds
    target: Target  # its `diff` is not stored: see `load_target`
    seats: dict[str, SeatEntry]  # in plan order
    lead: LeadEntry
    settings: SettingsRecord
    status: RunStatus = "running"
    ended_at: float | None = None
    elapsed_s: float = 0.0  # across resumes
    notes: tuple[str, ...] = ()  # run notes for the report header (seat choice, ...)
    report: dict[str, str] | None = None  # format -> path, once complete
    # format -> each report file as written (`list` tells a `.md`/`.html` cut or edited since);
    # None in a run.json from before it was kept
    report_files: dict[str, ReportFileRecord] | None = None
    error: str | None = None  # why the run failed (store errors)
    releaded_at: float | None = None
    config_path: str | None = None  # --config FILE the run was started with
    config_sha256: str | None = None
    panel: PanelChoice | None = None  # `--panel auto`: the choice and its reasons
    checks: CheckResults | None = None  # measured by --check-fixes / --probe-tests
    # `finish`: seat -> SHA-256 of the seat-result.json it was made from; finishing the same
    # results again (a rerun CI job) finds this review instead of making a round 2
    seat_results: dict[str, str] | None = None
    # the wall clock when the lead step began: a `relead` restarts from there, so neither the
    # lead it replaces nor earlier releads count in the review's time
    before_lead_s: float | None = None
    # The review ID of the previous round the seats' prompt named ("" on a first round): the
    # report compares with that round, not with one that finished while the seats worked.
    # None: a run.json from before it was kept (the report looks the round up by date).
    previous_round: str | None = None
    resumes: tuple[ResumeRecord, ...] = ()  # each `resume`, oldest first
    # The changed files whose diff the seats' prompt did not inline (over `diff_budget`),
    # hand-written source first (`prompts.inline`); the report's verdict says so.
    not_inlined: tuple[str, ...] = ()
    schema_version: int = RUN_STATE_VERSION

    def seat_runs(self) -> list[SeatRun]:
        """Each seat's measured run in plan order; seats that have not finished are `pending`."""
        return [
            e.run if e.run is not None else SeatRun(e.seat, "pending") for e in self.seats.values()
        ]

    def with_seat(self, name: str, **changes: Any) -> RunState:
        seats = dict(self.seats)
        seats[name] = dataclasses.replace(seats[name], **changes)
        return dataclasses.replace(self, seats=seats)

    def to_data(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        target = data["target"]
        target["repo_root"] = str(self.target.repo_root)
        target.pop("diff")
        target["changed_file_count"] = len(self.target.changed_files)
        return data


def new_state(
    *,
    review_id: str,
    created_at: str,
    started_at: float,
    target: Target,
    seats: dict[str, str],
    lead: str,
    notes: list[str],
    settings: SettingsRecord,
    lead_requested: str | None = None,
) -> RunState:
    """A fresh run: `seats` maps each planned seat to its display name; `lead_requested`: the
    lead the settings name (for why there is none, when `lead` is "none")."""
    return RunState(
        id=review_id,
        created_at=created_at,
        started_at=started_at,
        target=dataclasses.replace(target, diff=""),
        seats={name: SeatEntry(seat=name, display_name=dn) for name, dn in seats.items()},
        lead=LeadEntry(seat=lead, note=no_lead_note(lead_requested) if lead == "none" else ""),
        settings=settings,
        notes=tuple(notes),
    )


def state_from_data(data: Any, origin: str, passes_json: Any = None, advice: str = "") -> RunState:
    """Validate `data` (parsed JSON) as a RunState; old versions are migrated (a version 1 or 2
    run's `passes.json`, parsed, is `passes_json`). `advice` ends the line for data that is no
    run record, as it ends one for a record cut short (`load_state`)."""
    # Only loading needs pydantic: a new review writes run.json before its first seat without it.
    from pydantic import TypeAdapter, ValidationError

    if not isinstance(data, dict) or "schema_version" not in data:
        raise StoreError(f"{origin} is not a Deep Review run record (no schema_version){advice}")
    version = data["schema_version"]
    if version == 1:
        data = _migrate_v1(data)
    elif version in (2, 3):
        data = {**data, "schema_version": RUN_STATE_VERSION}
    if version in _MIGRATABLE:
        data = _migrate_passes(data, passes_json)
    elif version not in (3, RUN_STATE_VERSION):  # 3 is the same record, its counts all numbers
        raise StoreError(
            f"{origin} has run record version {version!r}, this deep-review reads "
            f"{RUN_STATE_VERSION}; use the deep-review version that wrote it"
        )
    target = data.get("target")
    if isinstance(target, dict):
        data = {**data, "target": {**target, "diff": ""}}
    try:
        return TypeAdapter(RunState).validate_python(data)
    except ValidationError as exc:
        raise StoreError(f"{origin} is damaged: {first_problem(exc)}{advice}") from exc


def _migrate_v1(data: dict[str, Any]) -> dict[str, Any]:
    notes = [n for n in data.get("notes", []) if n != _V1_NO_LEAD_NOTE]
    return {**data, "notes": notes, "schema_version": RUN_STATE_VERSION}


def _migrate_passes(data: dict[str, Any], passes_json: Any) -> dict[str, Any]:
    """Version 2 kept each seat's passes in `passes.json`: `{seat: [{pass, status,
    duration_s, findings, new}, ...]}`. Entries that do not fit are left to validation."""
    seats = data.get("seats")
    if not isinstance(passes_json, dict) or not isinstance(seats, dict):
        return data
    merged = dict(seats)
    for seat, entries in passes_json.items():
        if (
            seat not in merged
            or not isinstance(merged[seat], dict)
            or not isinstance(entries, list)
        ):
            continue
        passes = [
            {
                "pass_no": e.get("pass"),
                "status": e.get("status"),
                "duration_s": e.get("duration_s"),
                "findings": e.get("findings", ""),
                "new": e.get("new", 0),
            }
            for e in entries
            if isinstance(e, dict)
        ]
        merged[seat] = {**merged[seat], "passes": passes}
    # Version 2 did not record `--passes N`: at least as many passes as any seat ran.
    most = max((len(v) for v in passes_json.values() if isinstance(v, list)), default=1)
    settings = data.get("settings")
    if isinstance(settings, dict) and most > 1:
        data = {**data, "settings": {**settings, "passes": most}}
    return {**data, "seats": merged}


def _without_record(review_dir: Path) -> str:
    """What a review whose run.json is gone or unreadable still allows (whatever the command
    was: `publish`, `relead` and `resume` all need the record)."""
    from deepreview.formats import RENDERERS

    rid = review_dir.name
    shown = any((review_dir.parent / r.file_name(rid)).is_file() for r in RENDERERS)
    show = f"; `deep-review show {rid}` still prints its report" if shown else ""
    return (
        f": review {rid} cannot be used without its record of the run{show}; "
        f"`deep-review delete {rid}` removes the review"
    )


def load_state(review_dir: Path) -> RunState:
    path = review_dir / RUN_JSON
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise StoreError(f"{path} is missing{_without_record(review_dir)}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        why = f"cut short or damaged ({exc})"
        raise StoreError(f"{path} is {why}{_without_record(review_dir)}") from exc
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}; fix its permissions") from exc
    passes_json = None
    if isinstance(data, dict) and data.get("schema_version") in _MIGRATABLE:
        old = review_dir / PASSES_JSON_V2
        try:
            passes_json = json.loads(old.read_text(encoding="utf-8")) if old.is_file() else None
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise StoreError(f"cannot read {old}: {exc}") from exc
    return state_from_data(data, str(path), passes_json, _without_record(review_dir))


def require_checkout(review_id: str, state: RunState, then: str) -> None:
    """`resume` and `relead` read the reviewed commits from the checkout the review was made
    in: one moved or deleted since is said as such, with where it was (else git fails there,
    read as a rebase that took the commits, or as git not being installed)."""
    root = state.target.repo_root
    if not Path(root).is_dir():
        raise UsageError(
            f"review {review_id} was made in the checkout {root}, which is gone (moved or "
            f"deleted); put the checkout back there to {then}, or review the branch again"
        )


def load_target(state: RunState) -> Target:
    """The stored target, its diff recomputed from the pinned SHAs (run.json keeps no diff)."""
    t = with_repo_key(state.target)
    diff = review_diff(Git(t.repo_root), t.base_sha, t.head_sha, shown_as_text(t.changed_files))
    return dataclasses.replace(t, diff=diff)


def with_repo_key(t: Target) -> Target:
    """`t` with its repository's key: a run.json from before keys were kept has none, and
    gets what its record tells (`recorded_identity`, as the index's upgrade gave its row)."""
    if t.repo_key:
        return t
    return dataclasses.replace(t, repo_key=recorded_identity(t.repo_url, t.repo_root, t.head_sha))
