"""Nothing of the reviewed change, nor of the user's hooks, runs; the user's checkout and index
stay as they were; the seats get the whole tree (trial41, defects 1 to 4).

A relative `core.hooksPath` (husky's `.husky/_`) or `core.fsmonitor` is resolved inside the
scratch worktree, which holds the change's files: the change's own hooks ran on the reviewer's
machine. `GIT_DIR`/`GIT_WORK_TREE`/`GIT_INDEX_FILE` (git sets the last inside a pre-commit hook)
sent the scratch worktree's `reset --hard` to the user's checkout and index. A sparse checkout's
cone was copied into the seats' worktrees, so changed files outside it were never reviewed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from fakebin.harness import Fakes
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

STATIC = ["review", "--agents", "static", "--lead", "none", "--json"]
# Every hook a review's git commands could fire, in the worktree or in the user's checkout.
HOOKS = (
    "post-index-change",
    "reference-transaction",
    "post-checkout",
    "pre-commit",
    "post-commit",
    "pre-auto-gc",
)
SECRET = 'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n'


def _hook(marker: Path) -> str:
    return f'#!/bin/sh\necho "$0 ran in $PWD" >> "{marker}"\ncat >/dev/null 2>&1 || true\n'


def _install_hooks(folder: Path, marker: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in HOOKS:
        path = folder / name
        path.write_text(_hook(marker), encoding="utf-8")
        path.chmod(0o755)


def _run_json(stdout: str) -> dict:  # type: ignore[type-arg]
    review_dir = Path(json.loads(stdout)["review_dir"])
    return json.loads((review_dir / "run.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _report(stdout: str) -> str:
    paths = json.loads(stdout)["paths"]
    return Path(paths["json"]).read_text(encoding="utf-8")


def test_change_hooks_under_relative_hooks_path_never_run(tmp_path: Path) -> None:
    """husky: `core.hooksPath = .githooks`, and the change commits hooks there."""
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    git(repo, "config", "core.hooksPath", ".githooks")
    git(repo, "checkout", "-q", "-b", "evil", "main")
    _install_hooks(repo / ".githooks", marker)
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    commit_all(repo, "evil hooks")
    git(repo, "checkout", "-q", "main")
    marker.unlink(missing_ok=True)  # the test's own git commands ran them

    res = run_cli([*STATIC, "main..evil"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_change_fsmonitor_never_runs(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    git(repo, "config", "core.fsmonitor", ".githooks/fsmon")
    git(repo, "checkout", "-q", "-b", "evil", "main")
    script = repo / ".githooks" / "fsmon"
    script.parent.mkdir()
    script.write_text(_hook(marker), encoding="utf-8")
    script.chmod(0o755)
    commit_all(repo, "evil fsmonitor")
    git(repo, "checkout", "-q", "main")
    marker.unlink(missing_ok=True)

    res = run_cli([*STATIC, "main..evil"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_users_own_hooks_do_not_run(tmp_path: Path) -> None:
    """`.git/hooks` fired for every worktree add/remove and index refresh of a review."""
    repo = make_repo(tmp_path)
    marker = tmp_path / "USER-HOOK"
    _install_hooks(repo / ".git" / "hooks", marker)

    res = run_cli([*STATIC, "main..feature/x"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_seat_git_commands_run_no_hooks(tmp_path: Path) -> None:
    """A seat's own `git status` in its worktree (which holds the change's `.githooks`)."""
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    git(repo, "config", "core.hooksPath", ".githooks")
    git(repo, "config", "core.fsmonitor", ".githooks/post-index-change")
    git(repo, "checkout", "-q", "-b", "evil", "main")
    _install_hooks(repo / ".githooks", marker)
    commit_all(repo, "evil hooks")
    git(repo, "checkout", "-q", "main")
    marker.unlink(missing_ok=True)
    fakes = Fakes(tmp_path)
    probe = fakes.install(
        "probe-seat",
        "#!/bin/sh\ncat >/dev/null\necho x >>calc.py\ngit status --porcelain >/dev/null\n"
        f'git add calc.py\nexec "{sys.executable}" "{fakes.seat_script}" ok </dev/null\n',
    )
    fakes.write_config({"probe": {"argv": [str(probe)]}})

    res = fakes.review(repo, "--agents", "static,probe", "main..evil", env=fakes.env())
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert {s["seat"]: s["status"] for s in res.json()["seats"]}["probe"] == "ok"
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def _dirty(repo: Path) -> None:
    """An uncommitted edit and a staged new file: what a review must never touch."""
    write(repo, "calc.py", "# my uncommitted edit\n")
    write(repo, "staged.py", "STAGED = 1\n")
    git(repo, "add", "staged.py")


def _assert_untouched(repo: Path) -> None:
    assert (repo / "calc.py").read_text(encoding="utf-8") == "# my uncommitted edit\n"
    assert git(repo, "diff", "--cached", "--name-only") == "staged.py"
    assert git(repo, "diff", "--name-only") == "calc.py"


def _leak_branch(repo: Path) -> str:
    git(repo, "checkout", "-q", "-b", "leak", "main")
    write(repo, "keys.py", SECRET)
    sha = commit_all(repo, "add keys")
    git(repo, "checkout", "-q", "main")
    return sha


def test_git_dir_and_work_tree_from_elsewhere_keep_the_checkout(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    sha = _leak_branch(repo)
    _dirty(repo)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = cli_env(tmp_path, {"GIT_DIR": str(repo / ".git"), "GIT_WORK_TREE": str(repo)})

    res = run_cli([*STATIC, "main..leak"], cwd=elsewhere, env=env)
    assert res.returncode == 0, res.stderr
    _assert_untouched(repo)
    assert _run_json(res.stdout)["target"]["head_sha"] == sha
    assert "keys.py" in _report(res.stdout)  # the seat's worktree held the change


def test_git_index_file_keeps_the_users_index(tmp_path: Path) -> None:
    """What a `deep-review` in a pre-commit hook inherits: git's own `GIT_INDEX_FILE`."""
    repo = make_repo(tmp_path)
    sha = _leak_branch(repo)
    _dirty(repo)
    index = (repo / ".git" / "index").read_bytes()
    env = cli_env(tmp_path, {"GIT_INDEX_FILE": str(repo / ".git" / "index")})

    res = run_cli([*STATIC, "main..leak"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert (repo / ".git" / "index").read_bytes() == index
    _assert_untouched(repo)
    assert _run_json(res.stdout)["target"]["head_sha"] == sha
    assert "keys.py" in _report(res.stdout)


def test_sparse_checkout_seats_get_the_whole_tree(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "secrets", "main")
    write(repo, "d1/bad.py", SECRET)
    write(repo, "d2/bad.py", SECRET)
    commit_all(repo, "secrets in two folders")
    git(repo, "sparse-checkout", "set", "d1")
    assert not (repo / "d2").exists()

    res = run_cli([*STATIC, "main..secrets"], cwd=repo, env=cli_env(tmp_path))
    assert res.returncode == 0, res.stderr
    report = json.loads(_report(res.stdout))
    flagged = {
        loc["path"]
        for f in report["findings"]
        if "secret" in f["title"].lower()
        for loc in f["locations"]
    }
    assert {"d1/bad.py", "d2/bad.py"} <= flagged, report["findings"]
    assert "No such file" not in json.dumps(report)
    assert not (repo / "d2").exists()  # the user's own checkout stays sparse


def test_git_location_vars_not_in_seat_env(tmp_path: Path) -> None:
    """A command seat inherits the user's environment, minus what points git elsewhere."""
    repo = make_repo(tmp_path)
    fakes = Fakes(tmp_path)
    out = tmp_path / "seat-env.txt"
    probe = fakes.install(
        "probe-seat",
        f'#!/bin/sh\ncat >/dev/null\nenv | grep "^GIT_\\(DIR\\|WORK_TREE\\|INDEX_FILE\\)=" '
        f'>"{out}"\nexec "{sys.executable}" "{fakes.seat_script}" ok </dev/null\n',
    )
    fakes.write_config({"probe": {"argv": [str(probe)]}})
    env = fakes.env({"GIT_INDEX_FILE": os.path.join(repo, ".git", "index")})

    res = fakes.review(repo, "--agents", "probe", "main..feature/x", env=env)
    assert res.returncode == 0, (res.stdout, res.stderr)
    assert [s["status"] for s in res.json()["seats"]] == ["ok"]
    assert out.read_text(encoding="utf-8") == ""


def test_git_dir_git_would_not_find_again_is_refused(tmp_path: Path) -> None:
    """`GIT_DIR` alone makes the current folder the work tree's top; every later command runs
    there without it, and git would find the repository's real top instead: refused, in one
    line, before anything is checked out."""
    repo = make_repo(tmp_path)
    _dirty(repo)
    env = cli_env(tmp_path, {"GIT_DIR": str(repo / ".git")})

    res = run_cli([*STATIC, "main..feature/x"], cwd=repo / "util", env=env)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert "unset them" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    _assert_untouched(repo)

    # From the checkout's top folder it is the same repository: reviewed.
    res = run_cli([*STATIC, "main..feature/x"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    _assert_untouched(repo)
