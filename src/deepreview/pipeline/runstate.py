"""`run.json`: the durable record of one review run, rewritten after every state change.

It is what `resume` reads after Ctrl-C, so it holds everything needed to finish the run: the
target's SHAs, the seat plan, each finished seat's measured run, and the timing so far.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from deepreview.errors import StoreError
from deepreview.model import SCHEMA_VERSION, Commit, SeatRun
from deepreview.targets.git import Git
from deepreview.targets.target import ChangedFile, PullRequest, Target


def target_to_data(target: Target) -> dict[str, Any]:
    data = asdict(target)
    data["repo_root"] = str(target.repo_root)
    data.pop("diff")
    data["changed_file_count"] = len(target.changed_files)
    return data


def target_from_data(data: dict[str, Any], diff: str) -> Target:
    pr = data.get("pr")
    return Target(
        kind=data["kind"],
        repo_root=Path(data["repo_root"]),
        base_sha=data["base_sha"],
        head_sha=data["head_sha"],
        commits=tuple(Commit(**c) for c in data["commits"]),
        changed_files=tuple(ChangedFile(**f) for f in data["changed_files"]),
        diff=diff,
        spec=data["spec"],
        branch=data.get("branch"),
        title=data.get("title", ""),
        pr=PullRequest(**pr) if pr else None,
        author=data.get("author"),
        repo_name=data.get("repo_name", ""),
        repo_url=data.get("repo_url"),
        base_ref=data.get("base_ref"),
        notes=tuple(data.get("notes", ())),
    )


def load_target(state: dict[str, Any]) -> Target:
    """The stored target, its diff recomputed from the pinned SHAs (run.json keeps no diff)."""
    tdata = state["target"]
    git = Git(Path(tdata["repo_root"]))
    argv = ["diff", "--no-color", "--no-ext-diff", "-M", "--submodule=short"]
    diff = git.run([*argv, tdata["base_sha"], tdata["head_sha"]]).stdout
    return target_from_data(tdata, diff.decode("utf-8", errors="replace"))


def seat_run_to_data(run: SeatRun) -> dict[str, Any]:
    return asdict(run)


def seat_run_from_data(data: dict[str, Any]) -> SeatRun:
    fields = dict(data)
    for key in ("tool_counts", "shell_breakdown"):
        fields[key] = tuple(tuple(x) for x in fields.get(key, ()))
    fields["worktree_changes"] = tuple(fields.get("worktree_changes", ()))
    return SeatRun(**fields)


def seat_runs(state: dict[str, Any]) -> list[SeatRun]:
    """Each seat's measured run in plan order; seats that have not finished are `pending`."""
    return [
        seat_run_from_data(entry["run"]) if "run" in entry else SeatRun(seat, "pending")
        for seat, entry in state["seats"].items()
    ]


def new_state(
    *,
    review_id: str,
    created_at: str,
    started_at: float,
    target: Target,
    seats: list[dict[str, Any]],
    lead: str,
    notes: list[str],
    settings: dict[str, Any],
) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": review_id,
        "status": "running",
        "created_at": created_at,
        "started_at": started_at,
        "ended_at": None,
        "elapsed_s": 0.0,
        "target": target_to_data(target),
        "seats": {s["seat"]: s for s in seats},
        "lead": {"seat": lead, "status": "pending"},
        "notes": notes,
        "settings": settings,
    }


def load_state(review_dir: Path) -> dict[str, Any]:
    path = review_dir / "run.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise StoreError(f"{path} is missing; this review cannot be resumed") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc
    return data
