"""What reviews killed outright left outside the store: their seats' worktrees (registered in
the user's repository) and homes, and their seats' agents, still running. `review`, `resume`,
`list` and `delete` stop and remove them when they find them (`workspace.sweep`: never those of
a review a process still runs), one note a review.
"""

from __future__ import annotations

from collections import defaultdict

from deepreview.errors import StoreError
from deepreview.store.store import Store
from deepreview.workspace.ledger import LEDGER_DIR
from deepreview.workspace.sweep import Leftover, sweep


def sweep_killed(store: Store, *, seats_next: bool = False) -> list[str]:
    """Remove what the seats of killed reviews left behind; one line per review saying what.
    `seats_next`: seats are about to run, and must not without the folder they write down
    what to clean up after a crash in (StoreError); otherwise a note says it is damaged."""
    folder = store.root / LEDGER_DIR
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        # Seats would run without crash cleanup: a kill would leak worktrees and homes
        # (with copies of the agents' credentials) and leave agents running.
        damaged = f"store damaged: {folder} is not a folder; remove it"
        if seats_next:
            raise StoreError(damaged)
        return [f"{damaged} (until then a killed review's seats are not cleaned up)"]
    if not folder.is_dir():
        return []
    by_review: dict[str, list[Leftover]] = defaultdict(list)
    for left in sweep(store.root / LEDGER_DIR):
        by_review[left.owner].append(left)
    return [_note(rid, lefts) for rid, lefts in sorted(by_review.items())]


def _note(review_id: str, lefts: list[Leftover]) -> str:
    trees = [x for x in lefts if x.kind == "worktree" and x.removed]
    homes = [x for x in lefts if x.kind == "home" and x.removed]
    groups = [x for x in lefts if x.kind == "group" and x.removed]
    kept = [x for x in lefts if not x.removed and x.kind != "group"]
    done: list[str] = []
    if trees:
        repos = ", ".join(sorted({str(x.repo) for x in trees}))
        done.append(f"{_count(len(trees), 'leftover seat worktree')} of {repos}")
    if homes:
        done.append(_count(len(homes), "home folder" if trees else "leftover seat home folder"))
    said = [f"removed {' and '.join(done)}"] if done else []
    if groups:
        # first: a seat still running after its review was killed was spending money
        said.insert(0, f"stopped {_count(len(groups), 'seat process group')} still running")
    if kept:
        paths = ", ".join(str(x.path) for x in kept)
        said.append(f"left {paths} alone: no longer what it made")
    return f"review {review_id} was killed before it cleaned up: {'; '.join(said)}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
