"""A seat's own git shows the change's committed bytes, never a diff driver's view of them
(ts63, defect 1).

Our own diffs were blind to attributes, but a seat's `git diff` / `git log -p` in its worktree
read the change's `.gitattributes` and ran whatever driver they named with the user's config:
only drivers naming a program by a relative path were switched off. A decrypting textconv
(git-crypt's, `sops -d`) then decrypted, for the model, any blob the change copied under a
name it marked `diff=crypt`; an external diff of the user's ran on the author's files.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import commit_all, git, make_repo, write


def test_a_seats_git_runs_no_diff_driver_the_changes_attributes_pick(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker, seen = tmp_path / "DRIVER-RAN", tmp_path / "seen.txt"
    decrypt = write(
        tmp_path,
        "decrypt.sh",
        f'#!/bin/sh\necho "textconv $1" >> {shlex.quote(str(marker))}\necho DECRYPTED-PLAINTEXT\n',
    )
    external = write(
        tmp_path, "extdiff.sh", f'#!/bin/sh\necho "external $*" >> {shlex.quote(str(marker))}\n'
    )
    for script in (decrypt, external):
        script.chmod(0o755)
    # The user's own drivers, by absolute path: a repository's git-crypt/sops setup
    git(repo, "config", "diff.crypt.textconv", str(decrypt))
    git(repo, "config", "diff.tool.command", str(external))
    git(repo, "checkout", "-q", "-b", "leak", "main")
    write(repo, "leak.bin", "ENCRYPTED-BLOB\n")
    write(repo, "notes.txt", "plain\n")
    write(repo, ".gitattributes", "leak.bin diff=crypt\nnotes.txt diff=tool\n")
    commit_all(repo, "copy an encrypted blob")
    git(repo, "checkout", "-q", "main")
    fakes = Fakes(tmp_path)
    look = f"git diff HEAD~1 >> {seen}; git log -p -1 >> {seen}; git show HEAD >> {seen}"
    seat = [sys.executable, str(fakes.seat_script), "ok"]
    fakes.write_config({"shell": {"argv": ["sh", "-c", f"{look}; exec {shlex.join(seat)}"]}})
    env = fakes.env({"GIT_EXTERNAL_DIFF": str(external)})
    res = fakes.review(repo, "--agents", "shell", "main..leak", env=env)
    assert res.returncode == 0, res.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")
    shown = seen.read_text(encoding="utf-8")
    assert "DECRYPTED-PLAINTEXT" not in shown
    assert shown.count("+ENCRYPTED-BLOB") == 3 and shown.count("+plain") == 3, shown
