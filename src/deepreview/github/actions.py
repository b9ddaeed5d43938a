"""What a GitHub Actions run says about itself: its repository and server (`GITHUB_REPOSITORY`,
`GITHUB_SERVER_URL`) and the pull request event it was started for (`GITHUB_EVENT_PATH`).

Every job of a run (and every re-run of one) sees the same event, while the PR itself moves on
with each push: the event's head is the commit the run was started for, the one its seats must
all review. Read only when `GITHUB_ACTIONS=true`: a stale variable in a shell is no run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from deepreview.github.remote import DEFAULT_HOST, RemoteRepo, url_host

_SHA: Final = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
_NAME: Final = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
# The event file is the runner's own, but a few MB is no event: nothing here reads more.
_MAX_EVENT_BYTES: Final = 8 * 1024 * 1024


@dataclass(frozen=True)
class PullEvent:
    """The pull request an Actions run was started for, as its event recorded it."""

    repo: str  # owner/name of the PR's (base) repository
    number: int
    head_sha: str  # the PR's head when the run was started
    base_sha: str | None  # the base branch's tip GitHub recorded (it may be older than that)
    run_sha: str | None  # GITHUB_SHA: the run's commit (for `pull_request`, the test merge)


def in_actions(env: Mapping[str, str]) -> bool:
    return env.get("GITHUB_ACTIONS") == "true"


def actions_repo(env: Mapping[str, str]) -> RemoteRepo | None:
    """The repository the Actions run belongs to, on its server (github.com or Enterprise)."""
    name = env.get("GITHUB_REPOSITORY", "").strip()
    if not in_actions(env) or not _NAME.match(name):
        return None
    return RemoteRepo(url_host(env.get("GITHUB_SERVER_URL")) or DEFAULT_HOST, name)


def pull_event(env: Mapping[str, str]) -> PullEvent | None:
    """The pull request of the run's event (`pull_request`, `pull_request_target`, a review
    event...), None outside Actions or for an event without one (push, schedule)."""
    if not in_actions(env) or not (path := env.get("GITHUB_EVENT_PATH")):
        return None
    try:
        with Path(path).open("rb") as fh:
            raw = fh.read(_MAX_EVENT_BYTES + 1)
        data = json.loads(raw) if len(raw) <= _MAX_EVENT_BYTES else None
    except (OSError, ValueError):
        return None  # no readable event: the review goes by the PR as it is now
    pull = _dict(data, "pull_request")
    number = pull.get("number")
    head = _dict(pull, "head").get("sha")
    if not isinstance(number, int) or not isinstance(head, str) or not _SHA.match(head):
        return None
    base = _dict(pull, "base")
    repo = _dict(base, "repo").get("full_name") or _dict(data, "repository").get("full_name")
    repo = repo if isinstance(repo, str) and _NAME.match(repo) else env.get("GITHUB_REPOSITORY")
    if not repo or not _NAME.match(repo):
        return None
    base_sha = base.get("sha")
    run_sha = env.get("GITHUB_SHA", "").strip().lower()
    return PullEvent(
        repo=repo,
        number=number,
        head_sha=head,
        base_sha=base_sha if isinstance(base_sha, str) and _SHA.match(base_sha) else None,
        run_sha=run_sha if _SHA.match(run_sha) else None,
    )


def _dict(data: Any, key: str) -> dict[str, Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


__all__ = ["PullEvent", "actions_repo", "in_actions", "pull_event"]
