"""`workspace.committed`: a seat's worktree holds every tracked file's committed bytes, whatever
the change's `.gitattributes` say, and `git status` there is clean until a seat edits a file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from deepreview.workspace.committed import converts
from deepreview.workspace.worktree import seat_git_env, seat_worktree, worktree_changes
from support.repos import blob, git, make_repo, write

_EVIL = "import os\nos.system(input())  # $Id$\n"
_ATTRIBUTES = (
    "* text=auto\n"
    "evil.py working-tree-encoding=UTF-16LE\n"
    "notes.txt text\n"
    "id.py ident\n"
    "tool.sh eol=crlf\n"
    "filtered.py filter=rot\n"
    "only/.gitattributes ident\n"  # an attributes file its own attributes convert
)


def _hostile(tmp_path: Path) -> tuple[Path, str]:
    """A change whose attributes convert most of its files; their blobs hold other bytes."""
    repo = make_repo(tmp_path)
    write(repo, "notes.txt", b"one\r\ntwo\r\n")  # CRLF committed before `text` says otherwise
    git(repo, "add", "notes.txt")
    git(repo, "commit", "-q", "-m", "notes")
    git(repo, "config", "filter.rot.smudge", "tr a-z b-za")  # a filter the user set up
    git(repo, "config", "filter.rot.clean", "tr b-za a-z")
    write(repo, ".gitattributes", _ATTRIBUTES)
    write(repo, "sub/.gitattributes", "*.py eol=crlf\n")
    write(repo, "only/.gitattributes", "# $Id$\n*.md eol=crlf\n")  # its folder holds no more
    write(repo, "evil.py", _EVIL.encode("utf-16-le"))
    write(repo, "id.py", "VERSION = '$Id$'\n")
    write(repo, "tool.sh", "#!/bin/sh\necho hi\n").chmod(0o755)
    write(repo, "filtered.py", "print('hello')\n")
    write(repo, "sub/mod.py", "x = 1\n")
    os.symlink("tool.sh", repo / "link.sh")
    (repo / "linked").mkdir()
    os.symlink("../.gitattributes", repo / "linked" / ".gitattributes")  # git reads no link
    # named, not `add -A`: notes.txt must not be read again through its new `text`
    added = (".gitattributes", "sub", "only", "evil.py", "id.py", "tool.sh", "filtered.py")
    git(repo, "add", *added, "link.sh", "linked")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{base},module")  # a submodule
    git(repo, "commit", "-q", "-m", "hostile attributes")
    return repo, git(repo, "rev-parse", "HEAD")


def _status(wt: Path) -> str:
    env = seat_git_env(os.environ, wt)  # as the seat's own `git status` runs
    result = subprocess.run(
        ["git", "status", "--porcelain"], cwd=wt, env=env, capture_output=True, check=True
    )
    return result.stdout.decode()


def _files(repo: Path, sha: str) -> list[tuple[str, str]]:
    """(mode, path) of each tracked file at `sha`."""
    listing = git(repo, "ls-tree", "-r", "-z", sha).strip("\0").split("\0")
    return [(ln.split()[0], ln.split("\t", 1)[1]) for ln in listing]


def test_every_file_holds_its_committed_bytes(tmp_path: Path) -> None:
    repo, sha = _hostile(tmp_path)
    assert blob(repo, f"{sha}:evil.py") == _EVIL.encode()
    assert blob(repo, f"{sha}:notes.txt") == b"one\r\ntwo\r\n"
    with seat_worktree(repo, sha, "claude") as wt:
        for mode, path in _files(repo, sha):
            file = wt / path
            if mode == "160000":
                assert file.is_dir() and not any(file.iterdir()), path
                continue
            if mode == "120000":
                assert os.readlink(file) == blob(repo, f"{sha}:{path}").decode(), path
                continue
            assert file.read_bytes() == blob(repo, f"{sha}:{path}"), path
            assert bool(file.stat().st_mode & 0o100) == (mode == "100755"), path
        assert _status(wt) == ""
        assert worktree_changes(wt, sha, pointers=True) == ()


def test_an_edit_of_a_converted_file_is_still_seen(tmp_path: Path) -> None:
    repo, sha = _hostile(tmp_path)
    with seat_worktree(repo, sha, "claude") as wt:
        (wt / "evil.py").write_text(_EVIL.replace("input", "INPUT"), encoding="utf-8")
        (wt / "sub" / ".gitattributes").write_text("", encoding="utf-8")
        assert _status(wt) == " M evil.py\n M sub/.gitattributes\n"


def test_a_change_without_attributes_is_checked_out_as_before(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    sha = git(repo, "rev-parse", "feature/x")
    with seat_worktree(repo, sha, "claude") as wt:
        for _mode, path in _files(repo, sha):
            assert (wt / path).read_bytes() == blob(repo, f"{sha}:{path}"), path
        assert _status(wt) == ""


def test_a_checks_worktree_is_checked_out_as_a_clone_would_be(tmp_path: Path) -> None:
    # The change's tests run there: they see the files as a checkout of the change makes them.
    repo, sha = _hostile(tmp_path)
    with seat_worktree(repo, sha, "check-baseline", lfs_content=True) as wt:
        assert (wt / "evil.py").read_bytes() == _EVIL.encode("utf-16-le")
        assert (wt / "tool.sh").read_bytes() == b"#!/bin/sh\r\necho hi\r\n"


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({}, False),
        ({"text": "auto"}, False),  # CRLF is normalised only when the blob has none
        ({"text": "auto", "eol": "crlf"}, False),
        ({"text": "unset", "eol": "crlf"}, False),
        ({"text": "set"}, True),
        ({"eol": "lf"}, True),  # `eol` alone implies `text`
        ({"crlf": "input"}, True),
        ({"crlf": "set"}, True),
        ({"crlf": "unset", "eol": "crlf"}, False),
        ({"working-tree-encoding": "UTF-16LE"}, True),
        ({"working-tree-encoding": "unset"}, False),
        ({"ident": "set"}, True),
        ({"filter": "rot"}, True),
        ({"filter": "lfs"}, False),  # the filter is off in a seat's worktree
    ],
)
def test_which_attributes_convert_a_file(attrs: dict[str, str], expected: bool) -> None:
    assert converts(attrs) is expected
