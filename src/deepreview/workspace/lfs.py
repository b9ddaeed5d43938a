"""Git LFS in scratch worktrees: pointers for the seats, content for the checks.

A seat reviews what the diff shows, and for a Git LFS file that is the pointer. So a seat's
worktree is checked out with the `lfs` filter switched off (`POINTER_CONFIG`): no download per
seat, and no `git-lfs` needed at all — `git lfs install` sets `filter.lfs.required`, which
makes every checkout, and every `git status` that re-reads a file, fail on a machine without
it. The seat's own git commands get the same settings (`worktree.seat_git_env`).

The checks run the change's tests, which may read those files: they need the content, so
`require_lfs_content` refuses up front, before any seat runs, when `git-lfs` is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

from deepreview import proc
from deepreview.errors import GitError, UsageError
from deepreview.targets.git import Git

# An empty filter command is no filter: the blob (the pointer) is written as it is, and a file
# is compared with the index as it is. `required` would make "no filter ran" an error.
POINTER_CONFIG: Final[Mapping[str, str]] = {
    "filter.lfs.smudge": "",
    "filter.lfs.clean": "",
    "filter.lfs.process": "",
    "filter.lfs.required": "false",
}


def uses_lfs(repo: Path, sha: str) -> bool:
    """Whether any `.gitattributes` at `sha` (or the repository's `info/attributes`) sends
    files through the `lfs` filter."""
    git = Git(repo)
    found = git.run(
        ["grep", "-q", "-F", "-e", "filter=lfs", sha, "--", ":(glob)**/.gitattributes"],
        check=False,
    )
    if found.ok:
        return True
    try:
        info = git.common_dir() / "info" / "attributes"
        return "filter=lfs" in info.read_text(encoding="utf-8", errors="replace")
    except (OSError, GitError):
        return False


def require_lfs_content(repo: Path, sha: str, env: Mapping[str, str], options: str) -> None:
    """Refuse, in one line, what needs the LFS files' content (`options`, as typed) when the
    change keeps files in LFS and `git-lfs` is not on the PATH."""
    if proc.which("git-lfs", env) is not None or not uses_lfs(repo, sha):
        return
    runs = "run" if " and " in options else "runs"
    raise UsageError(
        f"this change keeps files in Git LFS and the tests {options} {runs} need their "
        f"content, but git-lfs is not installed; install git-lfs (https://git-lfs.com) or "
        f"drop {options}"
    )
