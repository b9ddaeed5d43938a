"""A finished first round, run once per test process and copied for every test that starts
from it.

Over eighty two-round tests begin with the same first round: `make_branch_repo`, one command
seat printing `ROUND1`, the real `deep-review review`. Each then changes its repository or
store and runs what it tests. The first round is run through the real command once per
process, and each test gets a copy of the whole folder it left (repository, store, config,
cache). The store records the repository's and its own absolute paths (`run.json`, the
index's `repo_key`, by which round 2 finds round 1), so the copy is put back at the very path
the round ran in, `<basetemp>/first-round`, one per process: tests of a worker run one after
another, and each test's copy replaces the one before it. So `fakes.tmp` is that folder, not
the test's `tmp_path`; a failing test's state there lasts until the worker's next
`first_round`.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fakebin.harness import Fakes
from support.rounds import ROUND1, make_branch_repo, run_round

_SNAPSHOTS: dict[tuple[str, str], tuple[Path, Path, dict[str, Any]]] = {}


def first_round(
    tmp_path: Path,
    review_text: str = ROUND1,
    make_repo: Callable[[Path], Path] = make_branch_repo,
) -> tuple[Fakes, Path, dict[str, Any]]:
    """(fakes, repo, the first round's `--json` output) just after `run_round(fakes, repo,
    review_text)` on `make_repo`'s repository, as if the test had run it itself."""
    live = tmp_path.parent / "first-round"
    key = (f"{make_repo.__module__}.{make_repo.__qualname__}", review_text)
    if key not in _SNAPSHOTS:
        _reset(live)
        fakes = Fakes(live)
        repo = make_repo(live)
        out = run_round(fakes, repo, review_text)
        snapshot = tmp_path.parent / f"first-round-snapshot-{len(_SNAPSHOTS)}"
        shutil.copytree(live, snapshot, symlinks=True)
        _SNAPSHOTS[key] = (snapshot, repo.relative_to(live), out)
    snapshot, repo_path, out = _SNAPSHOTS[key]
    _reset(live)
    shutil.copytree(snapshot, live, symlinks=True)
    # A marker of its own (the fakes' processes are found by it), as `Fakes(tmp_path)` gives.
    return Fakes(live), live / repo_path, copy.deepcopy(out)


def _reset(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
