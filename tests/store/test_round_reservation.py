"""`Store.round_for` hands out round numbers: reviews of one series asking at the same time,
from threads or from separate processes, each get their own number, one after the other; a
review that asks again (resume, relead) keeps its number."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from deepreview.store.repository import Repository
from deepreview.store.rows import ReviewRow
from deepreview.store.store import Store

SERIES = ""
BRANCH = "feature"
CREATED = "2026-12-01T10:00:00+00:00"
REPO = Repository("/work/demo", "demo")


def _row(rid: str, status: str, created_at: str = CREATED, kind: str = "branch") -> ReviewRow:
    return ReviewRow(
        id=rid,
        created_at=created_at,
        repo="demo",
        target=f"branch {BRANCH}",
        kind=kind,
        base_sha="a" * 40,
        head_sha="b" * 40,
        status=status,
        verdict="Unknown",
        critical=0,
        important=0,
        suggestions=0,
        reviewers=(),
        series=SERIES,
        branch=BRANCH,
        repo_key=REPO.key,
    )


def _put(store: Store, row: ReviewRow) -> None:
    """An index row and its review folder (a row without one is a review deleted by hand)."""
    (store.root / row.id).mkdir(parents=True, exist_ok=True)
    store.upsert(row)


def _store_with_round_one(root: Path, running: list[str]) -> Store:
    store = Store(root)
    store.ensure_writable()
    _put(store, _row("r1", "complete", "2026-12-01T09:00:00+00:00"))
    for rid in running:
        _put(store, _row(rid, "running"))
    return store


_ASK = """
import sys, time
from pathlib import Path
from deepreview.store.repository import Repository
from deepreview.store.store import Store
root, rid, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
print(Store(Path(root)).round_for("", "feature", "2026-12-01T10:00:00+00:00", rid, "branch",
      repo=Repository("/work/demo", "demo")))
"""


def test_processes_asking_at_once_get_distinct_consecutive_rounds(tmp_path: Path) -> None:
    ids = [f"r{n}" for n in range(2, 8)]
    store = _store_with_round_one(tmp_path / "store", ids)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _ASK, str(store.root), rid, str(go)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for rid in ids
    ]
    time.sleep(0.5)  # every process is waiting for the start signal
    go.touch()
    rounds = {
        rid: int(proc.communicate(timeout=60)[0]) for rid, proc in zip(ids, procs, strict=True)
    }
    assert sorted(rounds.values()) == list(range(2, 2 + len(ids))), rounds
    # Asking again (a resume, a relead) keeps the number handed out.
    for rid, number in rounds.items():
        assert store.round_for(SERIES, BRANCH, CREATED, rid, "branch", repo=REPO) == number


def test_threads_asking_at_once_get_distinct_consecutive_rounds(tmp_path: Path) -> None:
    ids = [f"t{n}" for n in range(2, 10)]
    store = _store_with_round_one(tmp_path / "store", ids)
    barrier = threading.Barrier(len(ids))
    got: dict[str, int] = {}

    def ask(rid: str) -> None:
        barrier.wait()
        got[rid] = Store(store.root).round_for(SERIES, BRANCH, CREATED, rid, "branch", repo=REPO)

    threads = [threading.Thread(target=ask, args=(rid,)) for rid in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(got.values()) == list(range(2, 2 + len(ids))), got


def test_an_uncommitted_review_has_no_round_and_takes_no_number(tmp_path: Path) -> None:
    store = _store_with_round_one(tmp_path / "store", ["r2"])
    _put(store, _row("u1", "running", kind="uncommitted"))
    assert store.round_for(SERIES, BRANCH, CREATED, "u1", "uncommitted", repo=REPO) == 0
    assert store.round_for(SERIES, BRANCH, CREATED, "r2", "branch", repo=REPO) == 2


def test_a_review_stored_before_round_numbers_were_kept_counts_as_before(tmp_path: Path) -> None:
    """Rows of an older store hold no number: a relead of such a complete review counts the
    complete reviews created before it, as the number was found then."""
    store = _store_with_round_one(tmp_path / "store", [])
    _put(store, _row("old2", "complete", "2026-12-01T09:30:00+00:00"))
    _put(store, _row("old3", "complete", "2026-12-01T09:45:00+00:00"))
    assert (
        store.round_for(SERIES, BRANCH, "2026-12-01T09:30:00+00:00", "old2", "branch", repo=REPO)
        == 2
    )
    # A new review follows all of them.
    _put(store, _row("new", "running"))
    assert store.round_for(SERIES, BRANCH, CREATED, "new", "branch", repo=REPO) == 4
