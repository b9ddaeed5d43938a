"""A store whose mount turns read-only while a command writes it: every store write says the
same fix (`store.write_error`), "remount it writable", never "free some space" nor "fix its
permissions" (neither helps a read-only mount): a seat's redacted transcript, a seat's output
streamed into the store, the SQLite index, run.json rewritten once a seat flags a secret."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import IO, Any

import pytest

from deepreview import atomicfile, proc_pipes
from deepreview.store import redact, write_error
from deepreview.store import store as store_module
from fakebin.harness import Fakes
from support.repos import git, make_repo, run_cli
from support.review_seat import REVIEW_FAST, fast_seat

_ROFS = "Read-only file system"


def _error_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("deep-review:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def _says_remount(line: str) -> None:
    assert _ROFS in line and "remount it writable" in line, line
    assert "space" not in line and "permissions" not in line, line


def _review(tmp_path: Path) -> tuple[Path, dict[str, str], Fakes]:
    repo = make_repo(tmp_path)
    fakes = fast_seat(tmp_path)
    return repo, fakes.env(), fakes


def test_redacting_a_transcript_on_a_read_only_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, env, _ = _review(tmp_path)
    real_open = os.open

    def read_only(path: str | Path, flags: int, *rest: int, **kw: int) -> int:
        # the redacted copy replaces the transcript through a temporary file beside it
        if Path(path).name.startswith(".transcript-") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, _ROFS, str(path))
        return real_open(path, flags, *rest, **kw)

    monkeypatch.setattr(atomicfile.os, "open", read_only)
    res = run_cli(REVIEW_FAST, cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = _error_line(res.stderr)
    assert "cannot write " in line and "transcript-fast-pass-1" in line, line
    _says_remount(line)


class _ReadOnlySink:
    """A seat's output file whose mount went read-only after it was opened."""

    def __init__(self, real: IO[bytes]) -> None:
        self._real = real

    def write(self, data: bytes) -> int:
        raise OSError(errno.EROFS, _ROFS)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def test_a_seat_streaming_into_a_read_only_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, env, _ = _review(tmp_path)
    real_init = proc_pipes.Pump.__init__

    def init(self: proc_pipes.Pump, pipe: Any, sink: Any, *rest: Any) -> None:
        if sink is not None and "transcript-" in str(getattr(sink, "name", "")):
            sink = _ReadOnlySink(sink)
        real_init(self, pipe, sink, *rest)

    monkeypatch.setattr(proc_pipes.Pump, "__init__", init)
    res = run_cli(REVIEW_FAST, cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = _error_line(res.stderr)
    assert "cannot store the output of seat fast" in line, line
    _says_remount(line)


def test_the_index_on_a_read_only_mount(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite says "attempt to write a readonly database" whatever the cause: the mount's own
    flag tells a read-only mount from a file without write permission."""
    repo, env, _ = _review(tmp_path)
    first = run_cli(REVIEW_FAST, cwd=repo, env=env)
    assert first.returncode == 0, first.stderr
    rid = Path(first.json()["review_dir"]).name
    store = Path(env["DEEP_REVIEW_STORE"])
    real_connect = sqlite3.connect
    real_statvfs = os.statvfs

    def read_only_db(path: Any, *args: Any, **kw: Any) -> sqlite3.Connection:
        if kw.get("uri"):  # opened read-only already (`store.newer`)
            return real_connect(path, *args, **kw)
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kw)

    def statvfs(path: Any) -> Any:
        real = real_statvfs(path)
        if not str(path).startswith(str(store)):
            return real
        fields = list(real)
        fields[8] |= os.ST_RDONLY  # f_flag
        return os.statvfs_result(fields)

    monkeypatch.setattr(store_module.sqlite3, "connect", read_only_db)
    monkeypatch.setattr(write_error.os, "statvfs", statvfs)
    res = run_cli(["decline", rid, "C1", "--reason", "x"], cwd=repo, env=env)
    assert res.returncode == 2, res.stderr
    line = _error_line(res.stderr)
    assert f"cannot update the store index in {store}" in line, line
    assert "remount it writable or pass --store DIR" in line, line
    assert "space" not in line and "permissions" not in line, line


def test_masking_run_json_on_a_read_only_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A seat names a hard-coded secret: every stored file is rewritten with the value masked,
    run.json through `json` (so it still loads). Its mount has gone read-only by then."""
    repo = make_repo(tmp_path)
    (repo / "keys.py").write_text('LABEL = "k9Vx2Lmq7Rt4Wz8Pn3"\n', encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Add the token")
    fakes = fast_seat(
        tmp_path, "## Findings\n### Critical Issues\n- **C1** `keys.py:1` — hard-coded API token.\n"
    )
    real_replace = redact.replace_bytes

    def read_only(path: Path, data: bytes) -> None:
        if path.name == "run.json":
            raise OSError(errno.EROFS, _ROFS, str(path))
        real_replace(path, data)

    monkeypatch.setattr(redact, "replace_bytes", read_only)
    res = run_cli(REVIEW_FAST, cwd=repo, env=fakes.env())
    assert res.returncode == 2, res.stderr
    line = _error_line(res.stderr)
    assert "cannot write " in line and "run.json" in line, line
    _says_remount(line)
