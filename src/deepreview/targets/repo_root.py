"""The checkout a command runs in: `find_repo_root`, and the one-line refusals of a folder that
is none (gone, owned by another user, a worktree whose main repository moved, a bare repository
or the inside of `.git`, `GIT_DIR` naming another repository)."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from deepreview import proc
from deepreview.errors import (
    GitError,
    MissingFolderError,
    NoCheckoutError,
    NotARepositoryError,
    UnsafeRepositoryError,
)
from deepreview.targets.git import git_env, learn_common_dir, learnt_common_dir


def find_repo_root(start: Path) -> Path:
    _refuse_missing(start)
    result = proc.run(
        ["git", "rev-parse", "--show-toplevel", "--git-common-dir"],
        cwd=start,
        env=git_env(discover=True),
        timeout=60,
    )
    if result.spawn_error:
        raise GitError("git is not installed or not on PATH; install git and retry")
    if not result.ok:
        _refuse_unsafe(result.stderr_text)
        _refuse_broken_link(result.stderr_text, start)
        _refuse_checkoutless(start)
        raise NotARepositoryError(
            f"{start.resolve()} is not inside a git repository; cd into the repository to review "
            "(or pass --repo PATH)"
        )
    # The answers, one a line, in the order asked; a relative common dir is relative to `start`.
    top, *rest = result.stdout_text.splitlines()
    root = Path(top)
    if len(rest) > 1:
        # more lines than answers: a folder name holds a newline. --show-cdup (`../..`) never
        # does, and the common dir is then the rest of the output, whatever it holds.
        again = proc.run(
            ["git", "rev-parse", "--show-cdup", "--git-common-dir"],
            cwd=start,
            env=git_env(discover=True),
            timeout=60,
        )
        cdup, _, common_text = again.stdout_text.partition("\n")
        root, rest = (start / cdup).resolve(), [common_text.removesuffix("\n")]
    if rest:
        common = Path(rest[0])
        learn_common_dir(root, common if common.is_absolute() else (start / common).resolve())
    _same_repo_without_overrides(root)
    return root


def _refuse_missing(start: Path) -> None:
    """A folder that is not there: git would fail to start in it ("git is not installed"
    would send the user to reinstall git), or, in a current folder removed under the shell
    (`git worktree remove`, `rm -rf` from another terminal), fail in a way that names nothing."""
    if not start.is_absolute():
        try:
            os.getcwd()
        except FileNotFoundError:
            raise MissingFolderError(MissingFolderError.CURRENT_GONE) from None
    try:
        there = start.is_dir()
    except OSError as e:  # a name too long for the file system, a loop of links, ...
        raise MissingFolderError(
            f"--repo {start}: {e.strerror}; pass the checkout to review"
        ) from None
    if not there:
        raise MissingFolderError(f"--repo {start}: no such folder; pass the checkout to review")


def _refuse_unsafe(stderr: str) -> None:
    """A repository owned by another user (a mounted volume, a checkout made by root) is one
    git refuses until it is trusted (`safe.directory`): "not inside a git repository" would be
    false, and the fix is git's own. The folder is git's (the repository it found)."""
    found = _DUBIOUS.search(stderr)
    if found is None:
        return
    where = found.group(1)
    raise UnsafeRepositoryError(
        f"git refuses {where}: it is owned by another user (dubious ownership); if you trust "
        f"it, run `git config --global --add safe.directory {shlex.quote(where)}` and review again"
    )


# git's refusal (LC_ALL=C: `git_env`), naming the repository it found
_DUBIOUS = re.compile(r"detected dubious ownership in repository at '([^\n]*)'")


def _same_repo_without_overrides(root: Path) -> None:
    """Every later git command runs in `root` without `INHERITED_GIT_VARS`: refuse when git
    would then find another repository (or none) there than the one the variables named."""
    if not any(os.environ.get(k) for k in ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR")):
        return
    result = proc.run(
        ["git", "rev-parse", "--show-toplevel", "--git-common-dir"],
        cwd=root,
        env=git_env(),
        timeout=60,
    )
    found = result.stdout_text.splitlines() if result.ok else []
    named = learnt_common_dir(root)
    if (
        len(found) == 2
        and Path(found[0]) == root
        and named is not None
        and (root / found[1]).resolve() == named.resolve()
    ):
        return
    raise NotARepositoryError(
        f"GIT_DIR/GIT_WORK_TREE name a repository git does not find from its work tree "
        f"{root}; unset them and run deep-review inside that checkout"
    )


# git's refusal of a `.git` file whose `gitdir:` is gone (the bare "not a git repository"
# has "(or any of the parent directories)" instead of a path)
_BROKEN_LINK = re.compile(r"not a git repository: ([^\n]+)")


def _refuse_broken_link(stderr: str, start: Path) -> None:
    """A linked worktree (`git worktree add`) whose main repository was moved: its `.git`
    file points at a folder that is gone, and git's own fix is `git worktree repair`."""
    found = _BROKEN_LINK.search(stderr)
    if found is None:
        return
    gone = found.group(1).strip()
    here = start.resolve()
    dot_git = next(
        (d / ".git" for d in (here, *here.parents) if (d / ".git").is_file()), here / ".git"
    )
    raise NotARepositoryError(
        f"{dot_git} points at {gone}, which is gone (was the main repository moved?); run "
        f"`git worktree repair {shlex.quote(str(dot_git.parent))}` in the main repository's new "
        "place, then review again"
    )


def _refuse_checkoutless(start: Path) -> None:
    """A bare repository, or the inside of a `.git` folder, is a repository with no checkout
    here: "not inside a git repository" would send the user looking for the wrong thing."""
    asked = proc.run(
        ["git", "rev-parse", "--is-bare-repository", "--is-inside-git-dir"],
        cwd=start,
        env=git_env(discover=True),
        timeout=60,
    )
    bare, _, inside = asked.stdout_text.strip().partition("\n")
    if not asked.ok:
        return
    if bare == "true":
        where = start.resolve()
        raise NoCheckoutError(
            f"{where} is a bare repository, with no checkout to review from; run deep-review "
            f"in a checkout of it (`git -C {where} worktree add ../NAME BRANCH`, or `git "
            "clone`)"
        )
    if inside == "true":
        raise NoCheckoutError(
            f"{start.resolve()} is inside a repository's .git folder; cd to its checkout (the "
            "folder holding .git)"
        )
