"""Store files that cannot be what they should be (trial 47b): a read-only store for `decline`
and `reindex`, a folder where `.index.lock` or `index.sqlite` should be. Each is one line that
names the path and the fix, exit 2 (README, "Exit codes"); `reindex` mends an index that is a
folder, as it mends one that is no database."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from deepreview import atomicfile, lockfile
from support.repos import cli_env, make_repo, run_cli
from support.review_seat import REVIEW_FAST, fast_seat

_REVIEW = ["review", "--agents", "static", "--lead", "none"]


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def _stored(tmp_path: Path) -> tuple[Path, dict[str, str], Path, str]:
    """A stored review with one finding, C1."""
    repo = make_repo(tmp_path)
    env = fast_seat(tmp_path).env()
    res = run_cli(REVIEW_FAST, cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    return repo, env, Path(env["DEEP_REVIEW_STORE"]), Path(res.json()["review_dir"]).name


@pytest.mark.parametrize(
    "args",
    [
        ["decline", "{id}", "C1", "--reason", "x"],
        ["reindex"],
        ["delete", "{id}", "--yes"],
        ["relead", "{id}", "--lead", "none"],
    ],
    ids=["decline", "reindex", "delete", "relead"],
)
def test_a_read_only_store_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    repo, env, store, rid = _stored(tmp_path)
    real_open = os.open

    def read_only(path: str | Path, flags: int, *rest: int, **kw: int) -> int:
        # root writes through chmod: a read-only mount's answer, for the store only
        if str(path).startswith(str(store)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *rest, **kw)

    monkeypatch.setattr(lockfile.os, "open", read_only)
    res = run_cli([a.replace("{id}", rid) for a in args], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = _one_line(res.stderr)
    # The first file each writes: `decline` holds the review (its run lock), as `relead` and
    # `delete` do.
    first = store / ".index.lock" if args[0] == "reindex" else store / rid / "run.lock"
    assert f"cannot write {first}" in line or f"{first}:" in line, line
    assert "Read-only file system" in line, line
    # Not "free some space" nor "fix its permissions": neither helps a read-only mount.
    assert "remount it writable or pass --store DIR" in line, line
    assert "space" not in line and "permissions" not in line, line


def test_a_folder_for_the_index_lock_is_one_line(tmp_path: Path) -> None:
    repo, env, store, _ = _stored(tmp_path)
    lock = store / ".index.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    listed = run_cli(["list"], cwd=repo, env=env)  # a reader that needs no lock reads
    assert listed.returncode == 0 and "Traceback" not in listed.stderr, listed.stderr
    before = sorted(store.iterdir())
    res = run_cli(_REVIEW, cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr, res.stderr
    line = res.stderr.strip().splitlines()[-1]
    assert f"store damaged: {lock} is a folder, not a file; remove it" in line, line
    assert sorted(store.iterdir()) == before  # refused before anything was written


def test_a_folder_for_the_index_is_one_line_and_reindex_mends_it(tmp_path: Path) -> None:
    repo, env, store, rid = _stored(tmp_path)
    index = store / "index.sqlite"
    index.unlink()
    index.mkdir()
    listed = run_cli(["list"], cwd=repo, env=env)
    assert listed.returncode == 2, listed.stderr
    line = _one_line(listed.stderr)
    assert f"{index} is a folder, not a file" in line and "deep-review reindex" in line, line
    mended = run_cli(["reindex"], cwd=repo, env=env)
    assert mended.returncode == 0, mended.stderr
    assert index.is_file()
    listed = run_cli(["list", "--json"], cwd=repo, env=env)
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in listed.json()["reviews"]] == [rid]


def test_a_store_path_too_long_for_its_index_is_one_line(tmp_path: Path) -> None:
    """SQLite's unix VFS opens no database whose path (with `-journal`) passes 512 bytes."""
    repo = make_repo(tmp_path)
    env = cli_env(tmp_path)
    long = tmp_path / "s"
    while len(str(long)) < 520:
        long = long / ("e" * 50)
    res = run_cli([*_REVIEW, "--store", str(long)], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = res.stderr.strip().splitlines()[-1]
    assert "Traceback" not in res.stderr, res.stderr
    assert f"is too long for its index ({len(str(long))} bytes" in line, line
    assert "pass a shorter --store DIR" in line, line
    assert not long.exists()  # refused before anything was written
    long.mkdir(parents=True)
    listed = run_cli(["list", "--store", str(long)], cwd=repo, env=env)
    assert listed.returncode == 2, listed.stderr
    assert "is too long for its index" in _one_line(listed.stderr), listed.stderr


def test_a_folder_where_a_store_file_goes_says_to_move_it_away(tmp_path: Path) -> None:
    """A folder in the place of a file the review writes (its `index.html` here): the line
    says so and to move it, not to fix permissions that are fine."""
    repo, env, store, _ = _stored(tmp_path)
    (store / "index.html").unlink()
    (store / "index.html").mkdir()
    res = run_cli(["review", "--agents", "fast", "--lead", "none"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = res.stderr.strip().splitlines()[-1]
    assert f"cannot write {store / 'index.html'}: Is a directory" in line, line
    assert "a folder is in its place: move it away" in line, line
    assert "permissions" not in line, line


def test_a_read_only_declines_file_says_remount_not_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store's `declines.json` on a mount that became read-only after the run lock was
    taken: the line names that file and the one fix that helps, as every other store write."""
    repo, env, store, rid = _stored(tmp_path)
    real_open = os.open

    def read_only(path: str | Path, flags: int, *rest: int, **kw: int) -> int:
        # the file is replaced through a temporary file beside it (`atomicfile`)
        if Path(path).name.startswith(".declines.json.") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *rest, **kw)

    monkeypatch.setattr(atomicfile.os, "open", read_only)
    res = run_cli(["decline", rid, "C1", "--reason", "x"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = _one_line(res.stderr)
    assert f"cannot write {store / 'declines.json'}: Read-only file system" in line, line
    assert "remount it writable" in line, line
    assert "space" not in line and "permissions" not in line, line
