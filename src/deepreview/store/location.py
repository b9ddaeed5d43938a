"""Where a repository's reviews are stored: the one place that decides it (`store_root`), for
the review and for every command that reads the store."""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from platformdirs import user_data_dir

from deepreview.targets.git import Git
from deepreview.targets.identity import repository_folder
from deepreview.targets.remote import local_repo_name
from deepreview.targets.target import Target

STORE_ENV: Final = "DEEP_REVIEW_STORE"


def store_root(
    setting: Path | None, repo_root: Path, env: Mapping[str, str], *, repo_name: str | None = None
) -> Path:
    """Where reviews of `repo_root` are stored: `--store` / a config file's `store`
    (`setting`), else `$DEEP_REVIEW_STORE`, else one folder per repository under the user
    data dir. The one place that decides it, for the review and every command that reads it.
    """
    if setting is not None:
        return setting.expanduser()
    if env.get(STORE_ENV):
        return Path(env[STORE_ENV]).expanduser()
    git = Git(repo_root)
    name = repo_name or local_repo_name(git, env)
    slug = "".join(c if c.isalnum() or c in "-_." else "-" for c in name.replace("/", "-"))
    reviews = Path(user_data_dir("deep-review")) / "reviews"
    # The repository's folder (its main checkout's, which every worktree of it shares), so a
    # branch reviewed in another worktree continues its series in the same store.
    digest = _digest(repository_folder(git))
    wanted = reviews / f"{slug}-{digest}"
    if wanted.is_dir():
        return wanted
    # The checkout's own path named the folder before worktrees shared one: a worktree's
    # reviews stored then are found there, until the shared folder exists.
    own = _digest(repo_root.resolve())
    for key in dict.fromkeys((digest, own)):
        # The repository's path (the digest) is what identifies its store; the name is only
        # what the repository was called when first reviewed. A checkout that since gained a
        # GitHub origin (or a GH_REPO) keeps its reviews and rounds instead of starting an
        # empty store.
        try:
            earlier = [p for p in reviews.glob(f"*-{key}") if p.is_dir()]
        except OSError:
            earlier = []
        if earlier:
            # several (renamed twice): the one reviews went to last
            return max(earlier, key=lambda p: (p.stat().st_mtime, p.name))
    return wanted


def left_behind_note(root: Path, repo_root: Path, env: Mapping[str, str]) -> str | None:
    """When reviews go to the repository's shared default store (`root`) while this worktree's
    own one from before (named after its path) is still there: where those reviews are, so a
    series split by the old naming is not silently lost (moving a store is the user's call)."""
    if env.get(STORE_ENV):
        return None
    own = _digest(repo_root.resolve())
    if root.name.endswith(f"-{own}"):
        return None  # the main checkout, or the worktree's own store still in use
    try:
        earlier = sorted(p for p in root.parent.glob(f"*-{own}") if p.is_dir())
    except OSError:
        return None
    if not earlier:
        return None
    return (
        f"reviews made in this worktree before worktrees shared a store are in {earlier[0]}; "
        f"`deep-review list --store {shlex.quote(str(earlier[0]))}` lists them"
    )


def _digest(folder: Path) -> str:
    return hashlib.sha256(str(folder).encode()).hexdigest()[:8]


def review_store_root(setting: Path | None, target: Target, env: Mapping[str, str]) -> Path:
    """`store_root` for a review of `target`, found again by `list`/`show`/`stats` from the
    checkout alone: a PR's repository name may come from `GH_REPO` or a PR URL, which those
    commands do not see, so the folder is named after the checkout's own remote then."""
    hint = None if target.kind == "pr" else target.repo_name
    return store_root(setting, target.repo_root, env, repo_name=hint)
