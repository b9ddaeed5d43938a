"""The temporary files of a store-level write (`index.html`, `declines.json`) that a SIGKILL left
halfway (`atomicfile`): through the real `deep-review` command, the next command that sweeps a
killed review's leftovers removes them too, under the store's lock, and never while another
process holds that lock (it may be writing them now).

The kill is simulated with the files an interrupted atomic write leaves (where a SIGKILL lands
cannot be chosen).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deepreview.errors import StoreError
from deepreview.lockfile import FileLock
from fakebin.harness import Fakes
from support.first_round import first_round
from support.repos import CliResult, run_cli


def _cli(fakes: Fakes, repo: Path, *args: str) -> CliResult:
    return run_cli(list(args), cwd=repo, env=fakes.env())


def _left(fakes: Fakes) -> list[Path]:
    """What a SIGKILL in the middle of writing the store's own files leaves behind."""
    left = [
        fakes.store / ".index.html.0123abcd.tmp",
        fakes.store / ".index.html.89abcdef.tmp",
        fakes.store / ".declines.json.fedc9876.tmp",
    ]
    for path in left:
        path.write_text("half", encoding="utf-8")
    return left


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["reindex"]])
def test_a_killed_store_writes_temporary_files_are_removed(
    tmp_path: Path, command: list[str]
) -> None:
    fakes, repo, _ = first_round(tmp_path)
    left = _left(fakes)
    other = fakes.store / ".index.htm.0123abcd.tmp"  # no file deep-review writes: not ours
    other.write_text("mine", encoding="utf-8")
    res = _cli(fakes, repo, *command)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr, res.stderr
    assert [p for p in left if p.exists()] == []
    assert other.exists()
    assert (fakes.store / "index.html").is_file()


def test_they_are_kept_while_another_process_holds_the_store_lock(tmp_path: Path) -> None:
    fakes, repo, _ = first_round(tmp_path)
    left = _left(fakes)
    lock = FileLock(fakes.store / ".index.lock", timeout=1, error=StoreError, holder="a test")
    with lock:
        res = _cli(fakes, repo, "list")
        assert res.returncode == 0, res.stderr
        assert [p for p in left if not p.exists()] == []
    again = _cli(fakes, repo, "list")
    assert again.returncode == 0, again.stderr
    assert [p for p in left if p.exists()] == []
