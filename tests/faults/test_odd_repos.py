"""Odd repositories: a shallow clone, a bare repository, Git LFS files whose content is not
here. Each either reviews the right change or says in one line what to do (exit 2, nothing
written) — never a review of the wrong files, and never every seat failing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakebin.harness import Fakes, assert_no_leftovers
from support.fake_github import FakeGitHub
from support.refusal import assert_refused
from support.repos import commit_all, git, make_repo, write


def _shallow_clone(tmp_path: Path) -> Path:
    """`feature/x` cloned with `--depth 1` (CI's usual checkout) after main moved on: the
    clone holds each branch tip and no commit they share."""
    upstream = make_repo(tmp_path, "upstream")
    git(upstream, "checkout", "-q", "main")
    write(upstream, "main_only.py", "MOVED_ON = True\n")
    commit_all(upstream, "main moves on")
    clone = tmp_path / "clone"
    git(
        tmp_path,
        "clone",
        "-q",
        "--depth",
        "1",
        "--no-single-branch",
        f"file://{upstream}",
        str(clone),
    )
    git(clone, "checkout", "-q", "feature/x")
    assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
    return clone


@pytest.mark.parametrize(
    "args",
    [
        ["origin/main..feature/x"],
        ["origin/main...feature/x"],
        [],
        ["--base", "origin/main"],
        ["HEAD~1..HEAD"],
    ],
    ids=["two-dot", "three-dot", "current-branch", "base", "parent"],
)
def test_shallow_clone_says_to_fetch_history(tmp_path: Path, args: list[str]) -> None:
    """Without the commit the branches share, `A..B` would be the literal tree diff: main's
    own new file reviewed as deleted by the branch. Say it is a shallow clone and how to fetch
    the history, not "share no history" or "no parent"."""
    clone = _shallow_clone(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(clone, "--agents", "static", *args)
    assert_refused(res, "shallow clone", fakes.store)
    assert "git fetch --unshallow" in res.stderr


def test_shallow_clone_of_a_pr_says_to_fetch_history(tmp_path: Path) -> None:
    """A PR checked out at depth 1 (actions/checkout's default): its base tip has no parents
    here, so the PR's tree against it would hold main's new work as the PR's."""
    upstream = make_repo(tmp_path, "upstream")
    head = git(upstream, "rev-parse", "feature/x")
    git(upstream, "checkout", "-q", "main")
    write(upstream, "main_only.py", "MOVED_ON = True\n")
    commit_all(upstream, "main moves on")
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(upstream), str(bare))
    git(bare, "update-ref", "refs/pull/7/head", head)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{bare}", str(clone))
    fakes = Fakes(tmp_path)
    with FakeGitHub(token="tok-1") as api:
        api.add_pull("acme/demo", 7, head_ref="feature/x")
        env = fakes.env({"GH_REPO": "acme/demo", **api.env("tok-1")})
        res = fakes.review(clone, "--agents", "static", "7", env=env)
    assert_refused(res, "shallow clone", fakes.store)


def test_shallow_clone_reviews_once_history_is_there(tmp_path: Path) -> None:
    """The fix the line names works, and a range inside the fetched history needs none."""
    clone = _shallow_clone(tmp_path)
    git(clone, "fetch", "-q", "--unshallow")
    fakes = Fakes(tmp_path)
    res = fakes.review(clone, "--agents", "static", "origin/main..feature/x")
    assert res.returncode == 0, res.stderr
    state = json.loads((Path(res.json()["review_dir"]) / "run.json").read_text())
    paths = {f["path"] for f in state["target"]["changed_files"]}
    assert paths == {"calc.py", "util/strings.py"}


def test_shallow_clone_exact_range_is_the_tree_diff(tmp_path: Path) -> None:
    """--exact-range asks for the literal tree diff, which needs no shared history."""
    clone = _shallow_clone(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(clone, "--agents", "static", "origin/main..feature/x", "--exact-range")
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("how", ["cwd", "repo-option"])
def test_bare_repository_says_to_use_a_checkout(tmp_path: Path, how: str) -> None:
    upstream = make_repo(tmp_path)
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(upstream), str(bare))
    fakes = Fakes(tmp_path)
    if how == "cwd":
        res = fakes.review(bare, "--agents", "static", "main..feature/x")
    else:
        res = fakes.review(tmp_path, "--agents", "static", "main..feature/x", "--repo", str(bare))
    assert_refused(res, "is a bare repository", fakes.store)
    assert f"git -C {bare} worktree add" in res.stderr


def test_inside_the_git_folder_says_to_cd_to_the_checkout(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    res = fakes.review(repo / ".git", "--agents", "static", "main..feature/x")
    assert_refused(res, "is inside a repository's .git folder", fakes.store)


# A `git-lfs` whose server cannot be reached: smudging fails, unless told to skip it (as
# the real one is by GIT_LFS_SKIP_SMUDGE=1: the pointer file is checked out as it is).
FAKE_GIT_LFS = """#!/bin/sh
if [ "$1" = smudge ] && [ "$GIT_LFS_SKIP_SMUDGE" = 1 ]; then exec cat; fi
echo "Error downloading object: model.bin: batch request: connection refused" >&2
exit 2
"""
LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 12345\n"
)


def test_lfs_files_whose_content_is_not_here(tmp_path: Path) -> None:
    """A change holding Git LFS pointers whose objects were never fetched (CI checks out with
    `lfs: false`): the seats' worktrees get the pointers — what the diff shows — instead of
    every seat failing on a download."""
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "lfs", "main")
    write(repo, ".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n")
    write(repo, "model.bin", LFS_POINTER)
    write(repo, "load.py", "MODEL = 'model.bin'\n")
    commit_all(repo, "add a model through LFS")
    git(repo, "config", "filter.lfs.smudge", "git-lfs smudge -- %f")
    git(repo, "config", "filter.lfs.clean", "cat")
    git(repo, "config", "filter.lfs.required", "true")
    fakes = Fakes(tmp_path)
    fakes.install("git-lfs", FAKE_GIT_LFS)
    fakes.write_config({"echo": fakes.seat("ok")})
    res = fakes.review(repo, "--agents", "static,echo")
    assert res.returncode == 0, (res.stdout, res.stderr)
    out = res.json()
    assert {s["seat"]: s["status"] for s in out["seats"]} == {"static": "ok", "echo": "ok"}
    assert_no_leftovers(fakes, repo)


def test_doctor_in_a_shallow_clone_says_a_review_would_refuse(tmp_path: Path) -> None:
    """`doctor` said "A review now would run: …" where `review` refuses (exit 2): it ignored
    the target's error like "nothing to review on the base branch"."""
    from support.repos import run_cli

    clone = _shallow_clone(tmp_path)
    env = Fakes(tmp_path).env()
    res = run_cli(["doctor"], cwd=clone, env=env)
    assert "A review now would refuse to start:" in res.stdout, res.stdout
    assert "shallow clone" in res.stdout and "git fetch --unshallow" in res.stdout
    data = json.loads(run_cli(["doctor", "--json"], cwd=clone, env=env).stdout)
    assert "shallow clone" in (data["review_refused"] or ""), data
