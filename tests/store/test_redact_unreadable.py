"""A stored file the redaction cannot read or a folder it cannot list is an error that says so.

The tests run as root, where no mode bit makes a file unreadable, so the operating system's
refusal is simulated at the one call that meets it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from deepreview.errors import StoreError
from deepreview.pipeline import secret_sweep
from deepreview.store.redact import Redactor

SECRET = "openai-key-abcdef"


def test_a_file_that_cannot_be_read_is_said_as_unreadable_and_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stderr.log"
    path.write_text(f"key {SECRET}\n")
    real_open = Path.open

    def refuse(self: Path, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path and "r" in mode:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(StoreError) as caught:
        Redactor({"OPENAI_API_KEY": SECRET}).file(path)
    assert str(caught.value).startswith(f"cannot read {path}: Permission denied;")
    assert not path.exists()  # it may hold the secret: not left behind unredacted


def test_a_folder_the_sweep_cannot_list_is_an_error_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden = tmp_path / "seats" / "claude"
    hidden.mkdir(parents=True)
    (hidden / "raw.md").write_text(f"token {SECRET}\n")
    (tmp_path / "report.md").write_text(f"token {SECRET}\n")
    real_scandir = os.scandir

    def refuse(target: object = "."):  # type: ignore[no-untyped-def]
        if Path(str(target)) == hidden:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real_scandir(target)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(StoreError) as caught:
        secret_sweep.sweep(tmp_path, Redactor({"OPENAI_API_KEY": SECRET}))
    assert str(caught.value).startswith(f"cannot read {hidden}: Permission denied;")
