"""`deepreview.atomicfile`: a file is replaced whole or not at all; a failed write leaves the
target as it was and no temporary file beside it; a link is never written through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from deepreview.atomicfile import replace_bytes, replacing


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_replaces_and_creates(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    replace_bytes(target, b"one")
    assert target.read_bytes() == b"one"
    replace_bytes(target, b"two", durable=False)
    assert target.read_bytes() == b"two"
    assert _names(tmp_path) == ["a.json"]


def test_an_error_while_writing_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="disk full"), replacing(target) as fh:
        fh.write(b"half of the new")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["a.json"]


def test_a_refusal_before_the_rename_leaves_the_target_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")

    def refuse() -> None:
        raise PermissionError("no")

    with pytest.raises(PermissionError):
        replace_bytes(target, b"new", before_replace=refuse)
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["a.json"]


def test_a_failed_rename_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.mkdir()  # a file cannot be renamed over a folder
    with pytest.raises(OSError):
        replace_bytes(target, b"new")
    assert _names(tmp_path) == ["a.json"]
    assert target.is_dir()


def test_the_mode_is_exact_and_the_default_follows_the_umask(tmp_path: Path) -> None:
    secret = tmp_path / "credentials.json"
    secret.write_bytes(b"old")
    secret.chmod(0o644)
    old = os.umask(0o077)
    try:
        replace_bytes(secret, b"token", mode=0o640)
        plain = tmp_path / "plain"
        replace_bytes(plain, b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o640  # the umask does not tighten it
    assert stat.S_IMODE(plain.stat().st_mode) == 0o600


def test_a_link_at_the_target_is_replaced_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    target = tmp_path / "a.json"
    target.symlink_to(victim)
    replace_bytes(target, b"new")
    assert victim.read_bytes() == b"precious"
    assert not target.is_symlink()
    assert target.read_bytes() == b"new"


def test_two_writers_never_share_a_temporary_file(tmp_path: Path) -> None:
    """Each replacement has its own temporary file: one open beside another is not touched."""
    target = tmp_path / "a.json"
    with replacing(target) as first:
        first.write(b"first")
        replace_bytes(target, b"second")
        assert target.read_bytes() == b"second"
    assert target.read_bytes() == b"first"
    assert _names(tmp_path) == ["a.json"]
