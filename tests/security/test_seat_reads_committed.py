"""A model seat reads what the change committed, whatever the change's `.gitattributes` say.

The seat's worktree was a plain checkout, with the change's attributes applied: a change adding
`evil.py working-tree-encoding=UTF-16LE` gave every model seat a UTF-16 evil.py (noise to a
model, which could not review it), `eol=crlf` and `ident` rewrote bytes too, and `text` on a
file committed with CRLF made `git status` in the seat's worktree call it modified.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fakebin.harness import Fakes
from support.repos import blob, git, make_repo, write

_EVIL = "import subprocess\nsubprocess.call(input(), shell=True)  # $Id$\n"


@pytest.mark.slow
def test_the_changes_attributes_do_not_change_what_a_model_seat_reads(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "hidden")
    write(repo, "notes.txt", b"one\r\ntwo\r\n")  # CRLF committed as such
    git(repo, "add", "notes.txt")
    git(repo, "commit", "-q", "-m", "notes")
    write(
        repo,
        ".gitattributes",
        "evil.py text working-tree-encoding=UTF-16LE ident\nnotes.txt text\nrun.sh eol=crlf\n",
    )
    write(repo, "evil.py", _EVIL.encode("utf-16-le"))  # git stores it as UTF-8
    write(repo, "run.sh", "#!/bin/sh\necho hi\n")
    git(repo, "add", ".gitattributes", "evil.py", "run.sh")
    git(repo, "commit", "-q", "-m", "hidden")
    committed = {
        name: blob(repo, f"HEAD:{name}")
        for name in ("evil.py", "notes.txt", "run.sh", ".gitattributes")
    }
    assert committed["evil.py"] == _EVIL.encode()
    seen = tmp_path / "seen"
    seen.mkdir()
    fakes = Fakes(tmp_path)
    fakes.agent(
        "claude",
        {
            "copy_files": {name: str(seen / name) for name in committed},
            "status_file": str(seen / "status"),
        },
    )
    res = fakes.review(repo, "--agents", "claude", env=fakes.env(agents=True))
    assert res.returncode == 0, res.stderr
    for name, data in committed.items():
        assert (seen / name).read_bytes() == data, name
    # and the seat is told of no edit nobody made
    assert (seen / "status").read_text() == ""
