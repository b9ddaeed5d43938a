"""The static seat's assigned-secrets scan skipped a changed file it could not read without a
word: its row said `Reviewed, no issues` and no note said the check was missing, so a secret
assigned there was neither reported nor taught to the redaction of the stored files. The file
is now `Partly analyzed (assigned secrets failed)` and the seat's notes name it."""

from __future__ import annotations

import json
import pathlib
from pathlib import Path

import pytest

from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

_UNREAD = "settings.env"


def test_a_changed_file_the_scan_cannot_read_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "topic")
    write(repo, _UNREAD, "SERVICE_TOKEN=q7Lm2Zx9Vb4Nc8Rt\n")
    write(repo, "NOTES.md", "# Notes\n")
    commit_all(repo, "Add settings")
    real = pathlib.Path.read_bytes

    def read_bytes(self: pathlib.Path) -> bytes:
        # the seat's copy of the committed file, as an unreadable file would be
        if self.name == _UNREAD and "deep-review-static-" in str(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    res = run_cli(
        ["review", "--agents", "static", "--lead", "none", "--json"],
        cwd=repo,
        env=cli_env(tmp_path),
        in_process=True,
    )
    assert res.returncode == 0, res.stderr
    out = res.json()
    md = Path(out["paths"]["md"]).read_text(encoding="utf-8")
    rows = {
        cells[1].strip("` "): cells[2].strip()
        for line in md.splitlines()
        if len(cells := line.split("|")) == 4 and cells[1].strip().startswith("`")
    }
    assert "assigned secrets failed" in rows[_UNREAD], rows
    assert rows["NOTES.md"] == "Reviewed, no issues", rows
    static = json.loads((Path(out["review_dir"]) / "review-static-pass-1.json").read_text())
    notes = " ".join(static["seat_notes"])
    assert "assigned secrets failed" in notes and _UNREAD in notes, notes
