"""No program the reviewed change brings runs through PATH (trial43, defect 1).

Python looks a relative PATH entry up after the child changed into its cwd, the scratch
worktree: an empty entry (a leading `:`) or `node_modules/.bin` ran the change's own `git` for
our `git status`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from deepreview import proc
from support.repos import cli_env, commit_all, git, make_repo, run_cli, write

STATIC = ["review", "--agents", "static", "--lead", "none", "--json"]
REAL_GIT = shutil.which("git") or "/usr/bin/git"


def _spy(marker: Path, then: str = "cat") -> str:
    """A script that writes down where it ran, then does `then` (so the caller still works)."""
    return f'#!/bin/sh\necho "$0 ran in $PWD: $*" >> "{marker}"\n{then}\n'


def _evil_branch(repo: Path, files: dict[str, str]) -> None:
    git(repo, "checkout", "-q", "-b", "evil", "main")
    for rel, text in files.items():
        path = write(repo, rel, text)
        path.chmod(0o755)
    write(repo, "calc.py", "def add(a, b):\n    return a - b\n")
    commit_all(repo, "evil programs")
    git(repo, "checkout", "-q", "main")


def _review(repo: Path, tmp_path: Path, marker: Path, path: str | None = None) -> None:
    marker.unlink(missing_ok=True)  # the test's own git commands may have run them
    env = cli_env(tmp_path)
    if path is not None:
        env["PATH"] = path.format(PATH=env["PATH"])
    res = run_cli([*STATIC, "main..evil"], cwd=repo, env=env)
    assert res.returncode == 0, res.stderr
    assert not marker.exists(), marker.read_text(encoding="utf-8")


def test_empty_path_entry_never_runs_the_changes_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    _evil_branch(repo, {"git": _spy(marker, f'exec "{REAL_GIT}" "$@"')})
    _review(repo, tmp_path, marker, path=":{PATH}:")


def test_relative_path_entry_never_runs_the_changes_git(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    marker = tmp_path / "EVIL"
    _evil_branch(repo, {"node_modules/.bin/git": _spy(marker, f'exec "{REAL_GIT}" "$@"')})
    _review(repo, tmp_path, marker, path="node_modules/.bin:.:{PATH}")


def test_clean_path_keeps_only_absolute_entries() -> None:
    assert proc.clean_path(":/usr/bin:.:node_modules/.bin::~/bin:/bin:") == "/usr/bin:/bin"
    assert proc.clean_path("") == proc.clean_path(None)
    assert all(os.path.isabs(p) for p in proc.clean_path("").split(os.pathsep))


def test_run_never_looks_a_program_up_relative_to_its_cwd(tmp_path: Path) -> None:
    """`proc.run` resolves argv[0] in our process against the clean PATH, not in the child."""
    marker = tmp_path / "EVIL"
    here = tmp_path / "work"
    spy = write(here, "bin/true", _spy(marker, "exit 0"))
    spy.chmod(0o755)
    for path in (f"bin:{os.environ['PATH']}", f":{os.environ['PATH']}"):
        if path.startswith(":"):
            (here / "true").write_bytes(spy.read_bytes())
            (here / "true").chmod(0o755)
        result = proc.run(["true"], cwd=here, env={**os.environ, "PATH": path})
        assert result.ok, result.describe_failure()
    assert not marker.exists(), marker.read_text(encoding="utf-8")
