"""Git LFS configured (`git lfs install`: `filter.lfs.*`, `required = true`) on a machine
without `git-lfs`: the seats' worktrees keep the pointer files — what the diff shows — and
need no `git-lfs` at all; a check that needs the files' content says so before any seat runs.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers
from support.repos import commit_all, git, make_repo, write

LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 12345\n"
)
# What `git lfs install` writes, naming a program that is not installed.
MISSING = "drfake-git-lfs-not-installed"
LFS_CONFIG = {
    "filter.lfs.clean": f"{MISSING} clean -- %f",
    "filter.lfs.smudge": f"{MISSING} smudge -- %f",
    "filter.lfs.process": f"{MISSING} filter-process",
    "filter.lfs.required": "true",
}
# A command seat that looks at its worktree the way a reviewer would, then reviews.
PROBE_SEAT = """#!/bin/sh
cat >/dev/null
cat model.bin >"$PROBE_OUT/model.bin"
echo edited >>load.py
git status --porcelain >"$PROBE_OUT/status.txt" 2>&1
echo "$?" >"$PROBE_OUT/status.rc"
exec "{python}" "{fake_seat}" ok </dev/null
"""


def _lfs_repo(tmp_path: Path, where: str) -> tuple[Path, dict[str, str]]:
    """A branch adding an LFS pointer; the filter configured in the repository (`local`) or
    in the user's global config (`global`, where `git lfs install` writes it). Returns the
    repo and what the review's environment adds."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "lfs", "main")
    write(repo, ".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n")
    write(repo, "model.bin", LFS_POINTER)
    write(repo, "load.py", "MODEL = 'model.bin'\n")
    commit_all(repo, "add a model through LFS")
    extra: dict[str, str] = {}
    if where == "local":
        for key, value in LFS_CONFIG.items():
            git(repo, "config", key, value)
    else:
        config = tmp_path / "global.gitconfig"
        for key, value in LFS_CONFIG.items():
            git(tmp_path, "config", "--file", str(config), key, value)
        extra["GIT_CONFIG_GLOBAL"] = str(config)
    return repo, extra


@pytest.mark.parametrize("where", ["local", "global"])
def test_seats_get_pointers_without_git_lfs(tmp_path: Path, where: str) -> None:
    """Every seat failed ("could not prepare the seat"): checking the worktree out ran the
    configured filter, which is not installed."""
    repo, extra = _lfs_repo(tmp_path, where)
    fakes = Fakes(tmp_path)
    out_dir = tmp_path / "probe"
    out_dir.mkdir()
    probe = fakes.install(
        "probe-seat",
        PROBE_SEAT.format(python=sys.executable, fake_seat=fakes.seat_script),
    )
    fakes.write_config({"probe": {"argv": [str(probe)]}})
    env = fakes.env({**extra, "PROBE_OUT": str(out_dir)})
    res = fakes.review(repo, "--agents", "static,probe", env=env)
    assert res.returncode == 0, (res.stdout, res.stderr)
    out = res.json()
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"static": "ok", "probe": "ok"}
    # The pointer, as committed; the seat's own `git status` works, and sees its edit.
    assert (out_dir / "model.bin").read_text() == LFS_POINTER
    assert (out_dir / "status.rc").read_text().strip() == "0", (out_dir / "status.txt").read_text()
    assert (out_dir / "status.txt").read_text().splitlines() == [" M load.py"]
    # deep-review's own look at the worktree after the seat works too.
    state = json.loads((Path(out["review_dir"]) / "run.json").read_text())
    assert [c.strip() for c in state["seats"]["probe"]["run"]["worktree_changes"]] == ["M load.py"]
    assert_no_leftovers(fakes, repo)


def test_checks_needing_lfs_content_say_so_before_any_seat(tmp_path: Path) -> None:
    """--check-fixes runs the tests on the files' content, which needs git-lfs: one line up
    front instead of every check failing after the seats ran."""
    if shutil.which("git-lfs"):
        pytest.skip("git-lfs is installed here; this is about a machine without it")
    repo, extra = _lfs_repo(tmp_path, "local")
    fakes = Fakes(tmp_path)
    count = tmp_path / "started.txt"
    fakes.write_config({"echo": fakes.seat("ok", "--count-file", str(count))})
    res = fakes.review(
        repo,
        "--agents",
        "echo",
        "--allow-exec",
        "--check-fixes",
        "--test-cmd",
        "python -m pytest -q",
        env=fakes.env(extra),
    )
    assert res.returncode == 2, (res.stdout, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert "Git LFS" in lines[0] and "install git-lfs" in lines[0], lines[0]
    assert "drop --check-fixes" in lines[0], lines[0]
    assert not count.exists(), "no seat may run"
    assert not fakes.store.exists()


def test_checks_without_lfs_files_need_no_git_lfs(tmp_path: Path) -> None:
    """The same options on a change whose tree tracks nothing through LFS start as always."""
    repo = make_repo(tmp_path)
    for key, value in LFS_CONFIG.items():
        git(repo, "config", key, value)
    fakes = Fakes(tmp_path)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(
        repo,
        "--agents",
        "echo",
        "--allow-exec",
        "--check-fixes",
        "--test-cmd",
        f"{sys.executable} -c pass",
    )
    assert res.returncode == 0, (res.stdout, res.stderr)
