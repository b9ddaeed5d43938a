"""The store a reading command uses, and the repository it is scoped to (`stats`, `declines`):
a store may hold many repositories (`DEEP_REVIEW_STORE`, a CI artifact)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from deepreview.errors import GitError, NoCheckoutError, UnsafeRepositoryError, UsageError

if TYPE_CHECKING:
    from deepreview.store.repository import Repository
    from deepreview.store.store import Store


def store_and_repository(store: str | None, repo: str) -> tuple[Store, Repository | None]:
    """The store to read (as every store command finds it) and the current repository (None
    outside a repository: then every repository in the store counts)."""
    from deepreview.config import CliOverrides, build_settings
    from deepreview.pipeline.reindex import ready
    from deepreview.store.location import STORE_ENV, store_root
    from deepreview.store.repository import Repository
    from deepreview.store.store import Store
    from deepreview.targets.git import Git, find_repo_root, local_repo_name
    from deepreview.targets.identity import repo_identity

    env = dict(os.environ)
    setting = build_settings(
        CliOverrides(store=store), env=env, repo_config_text=None, repo_config_file=None
    ).store
    try:
        root = find_repo_root(Path(repo))
    except GitError as e:
        if isinstance(e, UnsafeRepositoryError):
            raise  # a named store would not make git trust the repository
        if setting is None and not env.get(STORE_ENV):
            if isinstance(e, NoCheckoutError):
                raise UsageError(e.or_store()) from None
            raise UsageError(
                f"{repo} is not inside a git repository, and the default store is per "
                "repository; cd into the reviewed repository (or pass --repo PATH), or pass "
                "--store DIR"
            ) from None
        found, here = Store(store_root(setting, Path(repo), env)), None
    else:
        name = local_repo_name(Git(root), env)
        found = Store(store_root(setting, root, env, repo_name=name))
        here = Repository(repo_identity(Git(root), env), name)
    found.ensure_readable(named=store is not None)
    ready(found)
    return found, here
